package io.colshift.state;

import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Refreshes a server's state over an application connection, right before one of its statements, when the lease
 * has run out (the watcher lags, lost or never got its connection, or there is none by {@code colshift.watch=false}).
 *
 * <p>What it sends is read-only and leaves the session as it was: fully {@code pg_catalog.}-qualified reads of the
 * control schema and the catalog ({@link SnapshotLoader}); nothing about auto-commit, {@code search_path} or any
 * other setting changes. Usually one version query; the whole snapshot only when the version moved.
 * <ul>
 *   <li>auto-commit: the reads run as they are;</li>
 *   <li>no transaction open, auto-commit off: the reads open one, which is committed before the application's
 *       statement opens its own, so that statement is still the first of its transaction;</li>
 *   <li>inside a transaction: {@code SAVEPOINT colshift_state} … {@code RELEASE}, and {@code ROLLBACK TO SAVEPOINT}
 *       on error, so the application's transaction is never aborted by colshift. Under REPEATABLE READ or
 *       SERIALIZABLE the reads see the transaction's snapshot, so their answer counts as read when the transaction
 *       began;</li>
 *   <li>an already-failed transaction: nothing is sent (the statement fails anyway).</li>
 * </ul>
 *
 * <p>Threads that find the same lease expired do not all ask the server: one refreshes, the others wait for it
 * briefly and only then use their own connection. A failed refresh is counted and logged once; statements then run
 * under the last snapshot (counted as stale), and the next attempt waits a short while, so a refusal (say, no
 * {@code SELECT} on the control schema) does not double every statement.
 */
final class InlineRefresh {

    private static final Logger LOG = LoggerFactory.getLogger(InlineRefresh.class);

    /** How long a thread waits for another thread's refresh of the same server before it refreshes itself. */
    private static final long WAIT_FOR_OTHER_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long MIN_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final long MAX_RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Columns of other tables change without a state change (their own migrations); re-read them this often. */
    static final long CATALOG_REFRESH_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final StateWatcher state;
    private final SnapshotLoader loader;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final Object done = new Object();
    private final AtomicBoolean failureLogged = new AtomicBoolean();
    private final AtomicLong refreshes = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong stale = new AtomicLong();
    /** {@code System.nanoTime()} before which no new attempt is made after a failure; valid while failing. */
    private volatile long retryAfter;
    private volatile boolean failing;

    InlineRefresh(StateWatcher state, SnapshotLoader loader) {
        this.state = state;
        this.loader = loader;
    }

    long refreshes() {
        return refreshes.get();
    }

    long failures() {
        return failures.get();
    }

    long staleStatements() {
        return stale.get();
    }

    /** The snapshot to run a statement under, refreshed over {@code app} if needed. Never throws. */
    StateSnapshot refresh(Connection app) {
        long now = System.nanoTime();
        LeasedSnapshot seen = state.leased();
        if (seen.validAt(now)) {
            return seen.snapshot();
        }
        if (failing && now - retryAfter < 0) {
            return stale(seen);
        }
        if (busy.compareAndSet(false, true)) {
            try {
                return attempt(app);
            } finally {
                busy.set(false);
                synchronized (done) {
                    done.notifyAll();
                }
            }
        }
        LeasedSnapshot after = awaitOther(now);
        if (after.validAt(System.nanoTime())) {
            return after.snapshot();
        }
        if (failing && System.nanoTime() - retryAfter < 0) {
            return stale(after);
        }
        return attempt(app); // the other refresh is slow: this connection's own answer may come first
    }

    private LeasedSnapshot awaitOther(long start) {
        long deadline = start + WAIT_FOR_OTHER_NANOS;
        synchronized (done) {
            while (busy.get()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(done, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return state.leased();
    }

    private StateSnapshot attempt(Connection app) {
        boolean sent;
        try {
            sent = readOn(app);
        } catch (SQLException | RuntimeException e) {
            failures.incrementAndGet();
            LeasedSnapshot last = state.leased();
            long retryNanos = Math.max(MIN_RETRY_NANOS,
                    Math.min(MAX_RETRY_NANOS, TimeUnit.MILLISECONDS.toNanos(state.settings().leaseMs(0)) / 4));
            retryAfter = System.nanoTime() + retryNanos;
            failing = true;
            if (failureLogged.compareAndSet(false, true)) {
                LOG.warn("colshift could not refresh the state of {} over the application's connection ({}); its"
                                + " statements run under state version {} until it can (logged once; counted as"
                                + " staleStatements)", state.key(), e.getMessage(), last.snapshot().version());
            }
            return stale(last);
        }
        LeasedSnapshot now = state.leased();
        if (!sent) {
            return now.snapshot(); // a failed transaction: the statement fails on its own, not for colshift
        }
        refreshes.incrementAndGet();
        failing = false;
        return now.validAt(System.nanoTime()) ? now.snapshot() : stale(now);
    }

    private StateSnapshot stale(LeasedSnapshot last) {
        stale.incrementAndGet();
        return last.snapshot();
    }

    /** @return false when nothing could be sent (the transaction already failed) */
    private boolean readOn(Connection app) throws SQLException {
        Mode mode = Mode.of(app);
        if (mode == Mode.SKIP) {
            return false;
        }
        try (Statement st = app.createStatement()) {
            if (mode == Mode.SAVEPOINT) {
                st.execute("SAVEPOINT colshift_state");
            }
            try {
                read(app);
                if (mode == Mode.SAVEPOINT) {
                    st.execute("RELEASE SAVEPOINT colshift_state");
                } else if (mode == Mode.OWN_TRANSACTION) {
                    app.commit();
                }
            } catch (SQLException | RuntimeException e) {
                undo(st, app, mode, e);
                throw e;
            }
        }
        return true;
    }

    private static void undo(Statement st, Connection app, Mode mode, Exception failure) {
        try {
            if (mode == Mode.SAVEPOINT) {
                st.execute("ROLLBACK TO SAVEPOINT colshift_state");
                st.execute("RELEASE SAVEPOINT colshift_state");
            } else if (mode == Mode.OWN_TRANSACTION) {
                app.rollback();
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private void read(Connection app) throws SQLException {
        boolean catalogDue = System.nanoTime() - state.catalogReadAt() >= CATALOG_REFRESH_NANOS;
        StateRead.read(state, loader, app, StateOrigin.APPLICATION_CONNECTION, catalogDue, null);
    }

    /** How the reads fit into the application's session. */
    private enum Mode {
        PLAIN, OWN_TRANSACTION, SAVEPOINT, SKIP;

        static Mode of(Connection app) throws SQLException {
            if (app.isClosed()) {
                return SKIP; // the statement fails on its own
            }
            if (Pgjdbc.PRESENT && app.isWrapperFor(BaseConnection.class)) {
                TransactionState transaction = app.unwrap(BaseConnection.class).getTransactionState();
                switch (transaction) {
                    case FAILED:
                        return SKIP;
                    case OPEN:
                        return SAVEPOINT;
                    default:
                        return app.getAutoCommit() ? PLAIN : OWN_TRANSACTION;
                }
            }
            // another driver: its transaction state is unknown, so only auto-commit connections are read on
            return app.getAutoCommit() ? PLAIN : SKIP;
        }
    }
}
