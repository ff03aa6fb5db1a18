package io.colshift.spring.actuate;

import io.colshift.state.ServerKey;
import io.colshift.state.StateWatcher;
import io.colshift.state.StateWatchers;
import io.colshift.state.WatcherStats;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The judgement behind health {@code colshift}, free of any Spring Boot type so that the health indicator of each
 * Boot line only copies its result into that line's {@code Health.Builder}: DOWN when this instance could not keep
 * a server's state within the staleness lease since the previous check ({@link LeaseCheck}), UP otherwise, with
 * every followed server's summary ({@link ServerViews#summary}) as details. Before any connection was opened there
 * is no server to follow, which is UP.
 */
public final class ColshiftHealthCheck {

    /** The previous check's numbers per server; counters only grow, so the difference is "since then". */
    private final Map<ServerKey, WatcherStats> previous = new ConcurrentHashMap<>();

    /**
     * @param up      whether every followed server kept its lease since the previous check
     * @param details {@code servers} and, when down, {@code problems}
     */
    public record Result(boolean up, Map<String, Object> details) {
    }

    /** Judges every server followed now and remembers their numbers for the next check. */
    public Result check() {
        Instant at = Instant.now();
        List<Map<String, Object>> servers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (StateWatcher watcher : StateWatchers.watchers()) {
            WatcherStats stats = watcher.stats();
            LeaseCheck check = LeaseCheck.of(stats, previous.put(watcher.key(), stats), at);
            Map<String, Object> view = ServerViews.summary(stats, at);
            if (check.down()) {
                view.put("problem", check.reason());
                problems.add(stats.database() + ": " + check.reason());
            }
            servers.add(view);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        if (!problems.isEmpty()) {
            details.put("problems", problems);
        }
        details.put("servers", servers);
        return new Result(problems.isEmpty(), details);
    }
}
