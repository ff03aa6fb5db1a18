package io.colshift.phase;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * When a barrier may pass: the lease after the commit returned (every driver on the primary has refreshed its
 * snapshot by then), and the lease after each streaming standby was first seen past the commit's WAL position
 * (every driver on that standby has refreshed from the replayed state by then). A standby is only ever seen after
 * it replayed, never before, so the wait is on the safe side by at most one probe interval, and never shorter.
 * Pure arithmetic on {@link System#nanoTime()} values, so that it can be checked without a clock.
 */
final class BarrierSchedule {

    private final long commitNanos;
    private final long leaseNanos;
    private final Map<Integer, Long> replayedAt = new HashMap<>();

    BarrierSchedule(long commitNanos, Duration lease) {
        this.commitNanos = commitNanos;
        this.leaseNanos = lease.toNanos();
    }

    /** The standby behind WAL sender {@code pid} was seen past the commit at {@code seenAtNanos}; the first counts. */
    void replayed(int pid, long seenAtNanos) {
        replayedAt.putIfAbsent(pid, seenAtNanos);
    }

    boolean seenReplayed(int pid) {
        return replayedAt.containsKey(pid);
    }

    /** The earliest moment every server seen so far follows the change. */
    long readyAtNanos() {
        long ready = commitNanos + leaseNanos;
        for (long seen : replayedAt.values()) {
            long standbyReady = seen + leaseNanos;
            if (standbyReady - ready > 0) {
                ready = standbyReady;
            }
        }
        return ready;
    }

    /** How long from {@code nowNanos} until {@link #readyAtNanos()}, never negative. */
    Duration remaining(long nowNanos) {
        return Duration.ofNanos(Math.max(0, readyAtNanos() - nowNanos));
    }
}
