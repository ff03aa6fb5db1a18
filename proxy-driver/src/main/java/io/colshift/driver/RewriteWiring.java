package io.colshift.driver;

import io.colshift.rewrite.RewriteEngine;
import io.colshift.rewrite.RewriteStats;
import io.colshift.state.ControlSchema;
import io.colshift.state.ServerKey;
import io.colshift.state.StateWatcher;
import io.colshift.state.StateWatchers;
import io.colshift.state.WatchSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Connects the driver to the state holders and the rewrite engines: the only class that names them.
 *
 * <p>Each physical connection learns, once, which server it reached ({@link ServerKey}: the host and port pgjdbc
 * connected to, the database, the control schema) and follows that server's state; with a multi-host URL this is
 * decided connection by connection. {@link StateWatchers} keeps one state holder per server key for the whole JVM;
 * this class keeps one {@link RewriteSeam} — one rewrite engine with its cache, one fail-open counter — per holder,
 * so that two servers at different state versions do not evict each other's rewrites. The first connection's
 * {@code colshift.cacheSize} sizes a server's cache.
 *
 * <p>colshift rewrites for PostgreSQL only; connections to any other database, and connections with
 * {@code colshift.enabled=false}, pass everything through without following any state.
 */
final class RewriteWiring {

    private static final Logger LOG = LoggerFactory.getLogger(RewriteWiring.class);
    private static final String POSTGRESQL = "jdbc:postgresql:";

    private static final Map<StateWatcher, RewriteSeam> SEAMS = new ConcurrentHashMap<>();
    private static final AtomicBoolean WATCH_URL_IGNORED_LOGGED = new AtomicBoolean();

    private RewriteWiring() {
    }

    /**
     * The seam for a freshly opened connection.
     *
     * @param real the real driver's connection, whose server decides which state its statements follow
     */
    static RewriteSeam seamFor(String realUrl, Properties realProperties, ColshiftConfig config, Connection real) {
        if (!config.enabled() || !realUrl.startsWith(POSTGRESQL)) {
            return RewriteSeam.passThrough();
        }
        StateWatcher watcher;
        try {
            ControlSchema schema = ControlSchema.named(config.controlSchema());
            watcher = StateWatchers.forServer(serverOf(real, realUrl, realProperties, schema),
                    settings(realUrl, realProperties, config));
        } catch (SQLException | RuntimeException e) {
            // Rule 1, fail open: a database whose state cannot be followed still serves the application unchanged.
            LOG.warn("colshift cannot follow the migration state of {}; statements pass through unchanged: {}",
                    ConnectTarget.redact(realUrl), e.toString());
            return RewriteSeam.passThrough();
        }
        RewriteSeam seam = SEAMS.get(watcher);
        if (seam != null) {
            return seam;
        }
        // a closed holder is gone from StateWatchers: its seam (engine, cache, counters) goes with it
        SEAMS.keySet().removeIf(StateWatcher::isClosed);
        return SEAMS.computeIfAbsent(watcher, w -> newSeam(w, config));
    }

    /** The state holders that have a seam now (closed ones leave when the next seam is made). */
    static java.util.Set<StateWatcher> heldSeams() {
        return java.util.Set.copyOf(SEAMS.keySet());
    }

    private static ServerKey serverOf(Connection real, String realUrl, Properties realProperties, ControlSchema schema)
            throws SQLException {
        if (real.isWrapperFor(org.postgresql.core.BaseConnection.class)) {
            return ServerKey.of(real, schema);
        }
        return ServerKey.ofUrl(realUrl, realProperties, schema); // another driver behind jdbc:postgresql:
    }

    private static WatchSettings settings(String realUrl, Properties realProperties, ColshiftConfig config) {
        String watchUrl = config.watchUrl();
        if (watchUrl != null && isMultiHost(realUrl, realProperties)) {
            // one direct URL cannot stand for several servers: each would follow the state of the wrong one
            if (WATCH_URL_IGNORED_LOGGED.compareAndSet(false, true)) {
                LOG.warn("colshift ignores {} for the multi-host URL {}: watchers connect to each host themselves",
                        ColshiftConfig.WATCH_URL, ConnectTarget.redact(realUrl));
            }
            watchUrl = null;
        }
        return new WatchSettings(realUrl, realProperties, config.pollMs(), config.maxStalenessMs(), config.listen(),
                config.watch(), watchUrl);
    }

    private static boolean isMultiHost(String realUrl, Properties realProperties) {
        Properties parsed = org.postgresql.Driver.parseURL(realUrl, realProperties);
        return parsed != null && parsed.getProperty("PGHOST", "").contains(",");
    }

    private static RewriteSeam newSeam(StateWatcher watcher, ColshiftConfig config) {
        RewriteEngine engine = new RewriteEngine(config.cacheSize());
        RewriteSeam seam = new RewriteSeam(watcher, engine, () -> engine.stats().failedOpen(),
                watcher.applicationNameOfTheApplication());
        // Shown by `colshift status` and JMX next to the holder's own counters.
        watcher.addCounters(() -> counters(seam, engine));
        // Sent with every heartbeat (one clients row per application): what `colshift status` and the backfill read.
        watcher.setHeartbeatReport(seam.adoption::heartbeatReport);
        return seam;
    }

    private static Map<String, Long> counters(RewriteSeam seam, RewriteEngine engine) {
        RewriteStats stats = engine.stats();
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("rewrite.skipped", stats.skipped());
        counters.put("rewrite.cacheHits", stats.hits());
        counters.put("rewrite.cacheMisses", stats.misses());
        counters.put("rewrite.rewritten", stats.rewritten());
        counters.put("rewrite.passedUnchanged", stats.failedOpen());
        counters.put("driver.passedUnchanged", seam.proxyPassedUnchangedCount());
        seam.unrewritable.addTo(counters);
        seam.adoption.addTo(counters);
        return counters;
    }
}
