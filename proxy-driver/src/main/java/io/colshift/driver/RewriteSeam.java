package io.colshift.driver;

import io.colshift.rewrite.Rewrite;
import io.colshift.rewrite.StatementRewriter;
import io.colshift.state.ColumnMigration;
import io.colshift.state.SnapshotSource;
import io.colshift.state.StateSnapshot;
import io.colshift.state.StateWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * The one place where SQL text meets the migration state: a connection's statements ask it what to
 * send. Shared by every connection to the same server (host:port, database, control schema).
 *
 * <p>With no migration active, {@link #rewrite(String, StateSnapshot)} costs one volatile read (done by
 * the caller) and a branch, and hands back the shared {@link Rewrite#UNCHANGED}: nothing is allocated,
 * nothing is locked, nothing is logged.
 */
final class RewriteSeam {

    private static final Logger LOG = LoggerFactory.getLogger(RewriteSeam.class);
    private static final int LOGGED_SQL_CHARS = 200;

    /** For {@code colshift.enabled=false}: nothing is watched and nothing is ever rewritten. */
    static RewriteSeam passThrough() {
        return PASS_THROUGH;
    }

    /** One for the JVM: it follows no state, so nothing on it ever changes or is counted. */
    private static final RewriteSeam PASS_THROUGH = new RewriteSeam(SnapshotSource.fixed(StateSnapshot.EMPTY),
            StatementRewriter.IDENTITY);

    private final SnapshotSource source;
    private final StatementRewriter rewriter;
    private final LongAdder passedUnchanged = new LongAdder();
    private final AtomicBoolean failureLogged = new AtomicBoolean();
    private final LongSupplier rewriterPassedUnchanged;
    /** Statements that touch a migrating column and could not be rewritten, per migration and outcome. */
    final UnrewritableCounters unrewritable = new UnrewritableCounters();
    /**
     * How statements use each migration (reads, writes, held back, rewritten, fail-open, refused, latency), per
     * application: each connection counts into its own application's counters, looked up once when it opens.
     */
    final ApplicationAdoption adoption;

    /**
     * @param rewriterPassedUnchanged how many statements the rewriter itself passed unchanged (it counts and
     *                                logs those on its own)
     * @param ownApplication          the {@code ApplicationName} of the connection that started the state holder
     *                                (its {@code clients} row's), or null
     */
    RewriteSeam(SnapshotSource source, StatementRewriter rewriter, LongSupplier rewriterPassedUnchanged,
                String ownApplication) {
        this.source = source;
        this.rewriter = rewriter;
        this.rewriterPassedUnchanged = rewriterPassedUnchanged;
        this.adoption = new ApplicationAdoption(ownApplication);
    }

    RewriteSeam(SnapshotSource source, StatementRewriter rewriter) {
        this(source, rewriter, () -> 0, null);
    }

    /** Whether this seam follows a server's state; not the pass-through seam of {@code colshift.enabled=false}. */
    boolean follows() {
        return source instanceof StateWatcher;
    }

    /** The state every statement executing now must follow (rule 4: the version current at execution). */
    StateSnapshot current() {
        return source.current();
    }

    /**
     * The state a statement about to execute on {@code real} must follow (rule 4: the version current at execution,
     * of the server it is sent to, never older than the lease). While the lease holds this is one volatile read and
     * one clock comparison; otherwise the state is refreshed over {@code real} first.
     */
    StateSnapshot currentFor(Connection real) {
        return source.currentFor(real);
    }

    /** {@code host:port} of the server whose state this seam follows, or empty when it follows none. */
    String followedServer() {
        return source instanceof StateWatcher watcher ? watcher.key().server() : "";
    }

    /** How the current state was read ({@code none} when there is no state to follow). */
    String stateOrigin() {
        return source instanceof StateWatcher watcher ? watcher.getStateOrigin() : "none";
    }

    /** Statements of this server that ran under an expired lease because the refresh failed. */
    long staleStatements() {
        return source instanceof StateWatcher watcher ? watcher.getStaleStatements() : 0;
    }

    /** The rewrite of {@code sql} under {@code snapshot}; {@link Rewrite#UNCHANGED} whenever nothing applies. */
    Rewrite rewrite(String sql, StateSnapshot snapshot) {
        if (!snapshot.rewriting() || sql == null) {
            return Rewrite.UNCHANGED;
        }
        try {
            Rewrite rewrite = rewriter.rewrite(sql, snapshot);
            return rewrite == null ? Rewrite.UNCHANGED : rewrite;
        } catch (RuntimeException | StackOverflowError e) {
            // The rewriter promises never to throw; if it does anyway the application must not notice.
            passedUnchanged("the rewriter failed (" + e + ")", sql);
            return Rewrite.UNCHANGED;
        }
    }

    /**
     * Whether a later state could rewrite {@code sql} differently: true when a migration is active and the
     * text names one of the migrating tables (a case-insensitive substring test, so it errs towards true).
     * Decides whether a prepared statement keeps its parameters; allocates nothing.
     */
    boolean mayRewrite(String sql, StateSnapshot snapshot) {
        if (!snapshot.rewriting() || sql == null) {
            return false;
        }
        List<ColumnMigration> migrations = snapshot.migrations();
        for (int i = 0; i < migrations.size(); i++) {
            if (containsIgnoreCase(sql, migrations.get(i).table())) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsIgnoreCase(String text, String part) {
        int last = text.length() - part.length();
        for (int i = 0; i <= last; i++) {
            if (text.regionMatches(true, i, part, 0, part.length())) {
                return true;
            }
        }
        return false;
    }

    /** Counts a statement sent unchanged although colshift would have rewritten it, and logs the first one. */
    void passedUnchanged(String reason, String sql) {
        passedUnchanged.increment();
        if (failureLogged.compareAndSet(false, true)) {
            LOG.warn("colshift sent a statement unchanged because {} (logged once; later cases are only counted): {}",
                    reason, abbreviate(sql));
        }
    }

    /** Statements sent unchanged by the proxies' own decision (not counting the rewriter's). */
    long proxyPassedUnchangedCount() {
        return passedUnchanged.sum();
    }

    /** Every statement sent unchanged although it might have needed a rewrite: the proxies' and the rewriter's. */
    long passedUnchangedCount() {
        return passedUnchanged.sum() + rewriterPassedUnchanged.getAsLong();
    }

    private static String abbreviate(String sql) {
        return sql.length() <= LOGGED_SQL_CHARS ? sql : sql.substring(0, LOGGED_SQL_CHARS) + "…";
    }
}
