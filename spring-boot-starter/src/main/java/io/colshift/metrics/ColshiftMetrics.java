package io.colshift.metrics;

import io.colshift.state.ServerKey;
import io.colshift.state.StateWatcher;
import io.colshift.state.StateWatchers;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * Micrometer meters for every server this JVM's colshift driver follows, usable with or without Spring:
 * {@code new ColshiftMetrics().bindTo(registry)}. Every meter is function-based: it reads the counters the driver
 * keeps anyway when the registry publishes, so statements pay nothing for it. A server's meters appear when the
 * first connection reaches it; each carries the tags {@code server} ({@code host:port}), {@code database} and
 * {@code schema} (the control schema).
 *
 * <ul>
 *   <li>{@code colshift.state.version} — the state version statements are rewritten for</li>
 *   <li>{@code colshift.state.age} — time since the state was last read or confirmed</li>
 *   <li>{@code colshift.state.lease} — the staleness lease of the current state</li>
 *   <li>{@code colshift.statements.stale} — statements that ran under an expired lease (refresh failed)</li>
 *   <li>{@code colshift.statements.rewritten} — distinct statement texts rewritten (cached afterwards)</li>
 *   <li>{@code colshift.statements.passed.unchanged} — statements passed unchanged although they might have
 *       needed a rewrite, {@code stage=rewrite|driver}</li>
 *   <li>{@code colshift.statements.skipped} — statements the pre-filter let through (no migrating table)</li>
 *   <li>{@code colshift.rewrite.cache} — rewrite cache lookups, {@code result=hit|miss}</li>
 *   <li>{@code colshift.state.refreshes} / {@code colshift.state.refresh.failures} — state reads over
 *       application connections after the lease ran out</li>
 *   <li>{@code colshift.watcher.connected}, {@code colshift.watcher.reconnects} — colshift's own connection</li>
 *   <li>{@code colshift.statements.unrewritable} — per migration, {@code migration} and {@code reason} tags, for
 *       driver counters named {@code unrewritable.<id>.<reason>} present when the server was first reached</li>
 * </ul>
 */
public final class ColshiftMetrics implements MeterBinder, AutoCloseable {

    private static final String UNREWRITABLE = "unrewritable.";

    private final Tags commonTags;
    private final List<AutoCloseable> subscriptions = new CopyOnWriteArrayList<>();

    public ColshiftMetrics() {
        this(Tags.empty());
    }

    /** @param tags added to every meter */
    public ColshiftMetrics(Iterable<Tag> tags) {
        this.commonTags = Tags.of(tags);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Set<ServerKey> bound = ConcurrentHashMap.newKeySet();
        subscriptions.add(StateWatchers.onEachWatcher(watcher -> {
            if (bound.add(watcher.key())) {
                bindServer(registry, watcher);
            }
        }));
    }

    /** Stops adding meters for servers reached later; meters already registered stay with their registry. */
    @Override
    public void close() throws Exception {
        for (AutoCloseable subscription : subscriptions) {
            subscription.close();
        }
        subscriptions.clear();
    }

    private void bindServer(MeterRegistry registry, StateWatcher watcher) {
        ServerKey key = watcher.key();
        Tags tags = commonTags.and("server", key.server(), "database", key.database(), "schema", key.controlSchema());

        Gauge.builder("colshift.state.version", watcher, StateWatcher::getStateVersion)
                .description("State version statements are rewritten for").tags(tags).register(registry);
        TimeGauge.builder("colshift.state.age", watcher, TimeUnit.MILLISECONDS, ColshiftMetrics::stateAgeMs)
                .description("Time since the state was last read or confirmed").tags(tags).register(registry);
        TimeGauge.builder("colshift.state.lease", watcher, TimeUnit.MILLISECONDS, StateWatcher::getLeaseMs)
                .description("Staleness lease of the current state").tags(tags).register(registry);
        Gauge.builder("colshift.watcher.connected", watcher, w -> w.isConnected() ? 1 : 0)
                .description("Whether colshift's own connection to the server is up").tags(tags).register(registry);

        counter(registry, "colshift.statements.stale", tags, watcher, StateWatcher::getStaleStatements,
                "Statements that ran under an expired lease because the state could not be refreshed");
        counter(registry, "colshift.state.refreshes", tags, watcher, StateWatcher::getInlineRefreshes,
                "State reads over application connections after the lease ran out");
        counter(registry, "colshift.state.refresh.failures", tags, watcher, StateWatcher::getInlineRefreshFailures,
                "Failed state reads over application connections");
        counter(registry, "colshift.watcher.reconnects", tags, watcher, StateWatcher::getReconnects,
                "Reconnections of colshift's own connection");

        counter(registry, "colshift.statements.rewritten", tags, watcher, driverCounter("rewrite.rewritten"),
                "Distinct statement texts rewritten for the current state (cached afterwards)");
        counter(registry, "colshift.statements.passed.unchanged", tags.and("stage", "rewrite"), watcher,
                driverCounter("rewrite.passedUnchanged"),
                "Statements passed unchanged although they might have needed a rewrite");
        counter(registry, "colshift.statements.passed.unchanged", tags.and("stage", "driver"), watcher,
                driverCounter("driver.passedUnchanged"),
                "Statements passed unchanged although they might have needed a rewrite");
        counter(registry, "colshift.statements.skipped", tags, watcher, driverCounter("rewrite.skipped"),
                "Statements the pre-filter let through without a look (no migrating table named)");
        counter(registry, "colshift.rewrite.cache", tags.and("result", "hit"), watcher,
                driverCounter("rewrite.cacheHits"), "Rewrite cache lookups");
        counter(registry, "colshift.rewrite.cache", tags.and("result", "miss"), watcher,
                driverCounter("rewrite.cacheMisses"), "Rewrite cache lookups");

        for (String name : watcher.getCounters().keySet()) {
            if (name.startsWith(UNREWRITABLE)) {
                String rest = name.substring(UNREWRITABLE.length());
                int dot = rest.lastIndexOf('.');
                String migration = dot > 0 ? rest.substring(0, dot) : rest;
                String reason = dot > 0 ? rest.substring(dot + 1) : "unknown";
                counter(registry, "colshift.statements.unrewritable", tags.and("migration", migration, "reason", reason),
                        watcher, driverCounter(name), "Statements of one migration that could not be rewritten");
            }
        }
    }

    private static void counter(MeterRegistry registry, String name, Tags tags, StateWatcher watcher,
                                ToDoubleFunction<StateWatcher> value, String description) {
        FunctionCounter.builder(name, watcher, value).description(description).tags(tags).register(registry);
    }

    private static ToDoubleFunction<StateWatcher> driverCounter(String name) {
        return w -> {
            Map<String, Long> counters = w.getCounters();
            Long value = counters.get(name);
            return value == null ? 0 : value;
        };
    }

    private static double stateAgeMs(StateWatcher watcher) {
        Instant at = watcher.stats().lastRefresh();
        return at == null ? Double.NaN : Instant.now().toEpochMilli() - at.toEpochMilli();
    }
}
