package io.colshift.driver;

import io.colshift.rewrite.RewriteEngine;
import io.colshift.rewrite.RewriteStats;
import io.colshift.state.SnapshotSource;
import io.colshift.state.StateWatcher;
import io.colshift.state.StateWatchers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connects the driver to the state watcher and the rewrite engine: the only class that names them.
 *
 * <p>{@link StateWatchers} keeps one watcher per database and control schema for the whole JVM; this class
 * keeps one {@link RewriteSeam} — one rewrite engine with its cache, one fail-open counter — per watcher, so
 * every connection to a database shares them whatever its URL parameters. The first connection's
 * {@code colshift.cacheSize} sizes the cache.
 *
 * <p>colshift rewrites for PostgreSQL only; connections to any other database, and connections with
 * {@code colshift.enabled=false}, pass everything through without watching any state.
 */
final class RewriteWiring {

    private static final Logger LOG = LoggerFactory.getLogger(RewriteWiring.class);
    private static final String POSTGRESQL = "jdbc:postgresql:";

    private static final Map<SnapshotSource, RewriteSeam> SEAMS = new ConcurrentHashMap<>();

    private RewriteWiring() {
    }

    static RewriteSeam seamFor(String realUrl, Properties realProperties, ColshiftConfig config) {
        if (!config.enabled() || !realUrl.startsWith(POSTGRESQL)) {
            return RewriteSeam.passThrough();
        }
        SnapshotSource source;
        try {
            source = StateWatchers.watch(realUrl, watcherProperties(realProperties, config), config.controlSchema(),
                    config.pollMs());
        } catch (RuntimeException e) {
            // Rule 1, fail open: a database the watcher cannot follow still serves the application unchanged.
            LOG.warn("colshift cannot follow the migration state of {}; statements pass through unchanged: {}",
                    ConnectTarget.redact(realUrl), e.toString());
            return RewriteSeam.passThrough();
        }
        return SEAMS.computeIfAbsent(source, s -> newSeam(s, config));
    }

    private static RewriteSeam newSeam(SnapshotSource source, ColshiftConfig config) {
        RewriteEngine engine = new RewriteEngine(config.cacheSize());
        RewriteSeam seam = new RewriteSeam(source, engine, () -> engine.stats().failedOpen());
        if (source instanceof StateWatcher watcher) {
            // Shown by `colshift status` and JMX next to the watcher's own counters.
            watcher.addCounters(() -> counters(seam, engine));
        }
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
        return counters;
    }

    /** The watcher reads {@code colshift.listen} from the properties it is given. */
    private static Properties watcherProperties(Properties realProperties, ColshiftConfig config) {
        Properties copy = new Properties();
        for (String key : realProperties.stringPropertyNames()) {
            copy.setProperty(key, realProperties.getProperty(key));
        }
        copy.setProperty(ColshiftConfig.LISTEN, Boolean.toString(config.listen()));
        return copy;
    }
}
