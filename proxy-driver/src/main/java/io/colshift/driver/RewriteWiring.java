package io.colshift.driver;

import io.colshift.rewrite.StatementRewriter;
import io.colshift.state.SnapshotSource;
import io.colshift.state.StateSnapshot;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connects the driver to the rewrite engine and the state watcher: the only class that names them.
 * One {@link RewriteSeam} per real database (URL, user, control schema) lives for the life of the JVM,
 * so all connections to that database share one watcher, one rewrite cache and one fail-open counter.
 */
final class RewriteWiring {

    private static final Map<String, RewriteSeam> SEAMS = new ConcurrentHashMap<>();

    private RewriteWiring() {
    }

    static RewriteSeam seamFor(String realUrl, Properties realProperties, ColshiftConfig config) {
        if (!config.enabled()) {
            return RewriteSeam.passThrough();
        }
        String key = realUrl + '\u0000' + realProperties.getProperty("user", "") + '\u0000' + config.controlSchema();
        return SEAMS.computeIfAbsent(key, k -> newSeam(realUrl, realProperties, config));
    }

    private static RewriteSeam newSeam(String realUrl, Properties realProperties, ColshiftConfig config) {
        // Until the rewrite engine and the state watcher are part of the build, every statement passes
        // through unchanged. Replace with:
        //   SnapshotSource source = io.colshift.state.StateWatchers.watch(realUrl, realProperties,
        //           config.controlSchema(), config.pollMs());
        //   StatementRewriter rewriter = new io.colshift.rewrite.RewriteEngine(config.cacheSize());
        SnapshotSource source = SnapshotSource.fixed(StateSnapshot.EMPTY);
        StatementRewriter rewriter = StatementRewriter.IDENTITY;
        return new RewriteSeam(source, rewriter);
    }
}
