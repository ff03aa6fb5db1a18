package io.colshift.phase;

import io.colshift.state.SafeText;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs DDL so that it can never stall traffic for longer than {@code lock_timeout}.
 *
 * <p>A DDL statement waiting for its lock sits in the table's lock queue, and every query that arrives after it
 * queues behind it, even plain SELECTs. So each statement runs on one pinned connection with a short
 * {@code lock_timeout}; when it fires (SQLSTATE 55P03) the statement leaves the queue, the runner reports who held
 * the lock, waits with exponential backoff and jitter, and tries again, until {@code maxWait} is used up.
 *
 * <p>Who blocks is sampled on a second connection while the statement is still waiting, just before its lock
 * timeout fires; afterwards {@code pg_blocking_pids} would have nothing to say.
 */
public final class LockSafeDdl implements AutoCloseable {

    static final String LOCK_NOT_AVAILABLE = "55P03";

    private final Connection connection;
    private final ConnectionFactory monitorFactory;
    private final DdlOptions options;
    private final PrintWriter out;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "colshift-blocker-probe");
        t.setDaemon(true);
        return t;
    });
    private Connection monitor;
    private int pid;

    /** How often one statement was retried on the last call, for reporting. */
    private int lastRetries;

    /**
     * @param connection     the pinned DDL connection, in auto-commit mode ({@code CREATE INDEX CONCURRENTLY} needs it)
     * @param monitorFactory opens the second connection that watches for blockers
     */
    public LockSafeDdl(Connection connection, ConnectionFactory monitorFactory, DdlOptions options, PrintWriter out)
            throws SQLException {
        this.connection = connection;
        this.monitorFactory = monitorFactory;
        this.options = options;
        this.out = out;
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            this.pid = rs.getInt(1);
        }
    }

    public DdlOptions options() {
        return options;
    }

    public Connection connection() {
        return connection;
    }

    /** One attempt of a step; it may run several statements, and is re-run whole after a lock timeout. */
    @FunctionalInterface
    public interface Attempt {
        void run(Statement statement) throws SQLException;
    }

    /** Runs one catalog-only DDL statement (brief exclusive lock, bounded by the statement timeout). */
    public void execute(String description, String sql) throws SQLException, LockWaitTimedOut {
        run(description, false, st -> st.execute(sql));
    }

    /**
     * Runs {@code attempt} with lock timeout and retries.
     *
     * @param scans true for statements that read the whole table under a lock that does not block writes
     *              ({@code VALIDATE CONSTRAINT}, {@code CREATE INDEX CONCURRENTLY}): they get no statement timeout
     */
    public void run(String description, boolean scans, Attempt attempt) throws SQLException, LockWaitTimedOut {
        long deadline = System.nanoTime() + options.maxWait().toNanos();
        Backoff backoff = new Backoff(Duration.ofMillis(Math.max(100, options.lockTimeout().toMillis() / 4)),
                Duration.ofSeconds(30));
        lastRetries = 0;
        while (true) {
            applyTimeouts(scans);
            Future<List<Blocker>> blockers = sampleBlockersBeforeTimeout();
            try (Statement st = connection.createStatement()) {
                attempt.run(st);
                blockers.cancel(false);
                return;
            } catch (SQLException e) {
                if (!LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                    blockers.cancel(false);
                    throw e;
                }
                String who = describe(awaitQuietly(blockers));
                Duration pause = backoff.next();
                lastRetries++;
                if (System.nanoTime() + pause.toNanos() > deadline) {
                    throw new LockWaitTimedOut("gave up on " + description + " after " + backoff.attempts()
                            + " lock timeouts of " + Durations.human(options.lockTimeout()) + " within --max-wait "
                            + Durations.human(options.maxWait()) + "; blocked by " + who
                            + ". Nothing was changed by this step; end or wait for the blocking transaction, then run"
                            + " the same command again.", e);
                }
                // who: application names and queries of other sessions, escaped
                out.println(SafeText.of("lock wait on " + description + " timed out after "
                        + Durations.human(options.lockTimeout()) + " (try " + backoff.attempts() + "); blocked by "
                        + who + "; retrying in " + Durations.human(pause)));
                out.flush();
                Pause.sleep(pause);
            }
        }
    }

    public int lastRetries() {
        return lastRetries;
    }

    private void applyTimeouts(boolean scans) throws SQLException {
        long statementMs = scans || options.statementTimeout().isZero() ? 0
                : options.statementTimeout().toMillis() + options.lockTimeout().toMillis();
        try (Statement st = connection.createStatement()) {
            st.execute("SET lock_timeout = " + options.lockTimeout().toMillis());
            st.execute("SET statement_timeout = " + statementMs);
        }
    }

    private Future<List<Blocker>> sampleBlockersBeforeTimeout() {
        long lockMs = options.lockTimeout().toMillis();
        long delayMs = Math.max(lockMs / 2, lockMs - 250);
        return sampler.schedule(() -> {
            try {
                return new BlockerProbe(monitor()).blockersOf(pid);
            } catch (SQLException e) {
                return List.<Blocker>of();
            }
        }, delayMs, TimeUnit.MILLISECONDS);
    }

    private synchronized Connection monitor() throws SQLException {
        if (monitor == null || monitor.isClosed()) {
            monitor = monitorFactory.open();
        }
        return monitor;
    }

    private static List<Blocker> awaitQuietly(Future<List<Blocker>> blockers) {
        try {
            return blockers.get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            return List.of();
        }
    }

    private static String describe(List<Blocker> blockers) {
        if (blockers.isEmpty()) {
            return "a session that had released its lock before it could be identified";
        }
        StringBuilder sb = new StringBuilder();
        for (Blocker b : blockers) {
            sb.append(sb.isEmpty() ? "" : "; ").append(b.describe());
        }
        return sb.toString();
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        synchronized (this) {
            if (monitor != null) {
                try {
                    monitor.close();
                } catch (SQLException ignored) {
                    // closing a monitor connection cannot lose anything
                }
            }
        }
    }
}
