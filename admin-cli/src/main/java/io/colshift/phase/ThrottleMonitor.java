package io.colshift.phase;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches, from its own connection, what the backfill does to everyone else: sessions waiting on row locks the
 * backfill holds (sampled every 250 ms, since a batch holds its locks for a fraction of a second), and the replay
 * lag of streaming replicas (every second). Best effort: if the monitor connection fails, throttling by these
 * signals stops and the backfill goes on.
 */
public final class ThrottleMonitor implements AutoCloseable {

    private final Connection connection;
    private final BlockerProbe probe;
    private final int backfillPid;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "colshift-throttle-monitor");
        t.setDaemon(true);
        return t;
    });
    private final AtomicInteger waitersSeen = new AtomicInteger();
    private volatile long lagMillis;
    private volatile int ticks;

    public ThrottleMonitor(Connection connection, int backfillPid) {
        this.connection = connection;
        this.probe = new BlockerProbe(connection);
        this.backfillPid = backfillPid;
    }

    public ThrottleMonitor start() {
        timer.scheduleWithFixedDelay(this::sample, 0, 250, TimeUnit.MILLISECONDS);
        return this;
    }

    private void sample() {
        try {
            int waiters = probe.waitersOn(backfillPid);
            waitersSeen.accumulateAndGet(waiters, Math::max);
            if (ticks++ % 4 == 0) {
                lagMillis = probe.replicaLagMillis();
            }
        } catch (SQLException e) {
            // best effort: a broken monitor must not stop the backfill
        }
    }

    /** The most sessions seen waiting on the backfill's locks since the last call, then resets. */
    public int takeWaiters() {
        return waitersSeen.getAndSet(0);
    }

    /** The latest replica replay lag sample. */
    public long lagMillis() {
        return lagMillis;
    }

    /** Samples the lag now, for waiting until it recovers. */
    public long refreshLag() {
        try {
            synchronized (this) {
                lagMillis = probe.replicaLagMillis();
            }
        } catch (SQLException ignored) {
            // keep the last sample
        }
        return lagMillis;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(1, TimeUnit.SECONDS);
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException ignored) {
            // nothing to recover
        }
    }
}
