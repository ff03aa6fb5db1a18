package io.colshift.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The application load of the backfill benchmarks: {@code writers} threads, each on its own connection, each running
 * one single-row statement on a random id of {@code table} (a short autocommit transaction) then pausing
 * {@link #PAUSE_NANOS}. The connections come from {@code connector}: plain pgjdbc, or the colshift driver, whose
 * heartbeats then report these statements' latency to the backfill.
 */
final class SingleRowWriters {

    static final long PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final long WARM_UP_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long SETTLE_MILLIS = 1_500;

    /** Opens one writer's connection. */
    @FunctionalInterface
    interface Connector {
        Connection open() throws SQLException;
    }

    /** What runs while the writers write. */
    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    private final Connector connector;
    private final String table;
    private final String statement;
    private final int writers;

    /** @param statement the statement with {@code %s} for the table and one {@code ?} for the id */
    SingleRowWriters(Connector connector, String table, String statement, int writers) {
        this.connector = connector;
        this.table = table;
        this.statement = statement;
        this.writers = writers;
    }

    /** The writers' latency over {@code seconds} with nothing else running. */
    WriterLatency alone(int seconds) throws Exception {
        WriterLatency latency = new WriterLatency(PAUSE_NANOS);
        during(latency, () -> Thread.sleep(TimeUnit.SECONDS.toMillis(seconds)));
        return latency;
    }

    /** Runs {@code work} while the writers record into {@code latency}; returns how long {@code work} took. */
    long during(WriterLatency latency, Work work) throws Exception {
        int maxId = maxId();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            Thread t = new Thread(() -> write(maxId, latency, stop, failure), "single-row-writer-" + i);
            threads.add(t);
            t.start();
        }
        Thread.sleep(SETTLE_MILLIS);
        long start = System.nanoTime();
        try {
            work.run();
            return System.nanoTime() - start;
        } finally {
            stop.set(true);
            for (Thread t : threads) {
                t.join();
            }
            if (failure.get() != null) {
                throw new IllegalStateException("a writer failed", failure.get());
            }
        }
    }

    private void write(int maxId, WriterLatency latency, AtomicBoolean stop, AtomicReference<Throwable> failure) {
        try (Connection c = connector.open(); PreparedStatement ps = c.prepareStatement(String.format(statement, table))) {
            long warmUpUntil = System.nanoTime() + WARM_UP_NANOS;
            while (!stop.get()) {
                ps.setInt(1, ThreadLocalRandom.current().nextInt(1, maxId + 1));
                long start = System.nanoTime();
                if (ps.execute()) {
                    try (ResultSet rs = ps.getResultSet()) {
                        while (rs.next()) {
                            rs.getString(1);
                        }
                    }
                }
                long end = System.nanoTime();
                if (end > warmUpUntil) {
                    latency.record(end - start);
                }
                LockSupport.parkNanos(PAUSE_NANOS);
            }
        } catch (SQLException | RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    private int maxId() throws SQLException {
        try (Connection c = connector.open(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT max(id) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
