package io.colshift.spring.actuate;

import io.colshift.state.ServerKey;
import io.colshift.state.StateWatcher;
import io.colshift.state.StateWatchers;
import io.colshift.state.WatcherStats;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Health {@code colshift}: DOWN when this instance could not keep a server's state within the staleness lease
 * since the previous check ({@link LeaseCheck}), UP otherwise; details name every followed server with its state
 * version, lease, state age and whether colshift's own connection is up. Before any connection was opened there is
 * no server to follow, which is UP.
 */
public class ColshiftHealthIndicator extends AbstractHealthIndicator {

    /** The previous check's numbers per server; counters only grow, so the difference is "since then". */
    private final Map<ServerKey, WatcherStats> previous = new ConcurrentHashMap<>();

    public ColshiftHealthIndicator() {
        super("colshift health check failed");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
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
        (problems.isEmpty() ? builder.up() : builder.down().withDetail("problems", problems))
                .withDetail("servers", servers);
    }
}
