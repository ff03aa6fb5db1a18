package io.colshift.spring.actuate;

import io.colshift.state.WatcherStats;

import java.time.Duration;
import java.time.Instant;

/**
 * Whether one server's state is kept within its staleness lease, judged from two readings of its numbers: the
 * previous health check's and this one's. Counters only grow, so "since the last check" is their difference.
 *
 * @param down   whether this instance failed to keep the lease since the last check
 * @param reason why, or null when up
 */
record LeaseCheck(boolean down, String reason) {

    static final LeaseCheck UP = new LeaseCheck(false, null);

    /**
     * DOWN when statements ran under an expired lease since {@code before} (the refresh over the application's own
     * connection failed), or when colshift's own connection should be renewing the lease, the state is older than
     * the lease and refreshes over application connections failed since {@code before}.
     *
     * @param before the previous reading of the same server, or null on the first check (then everything since
     *               the start counts)
     */
    static LeaseCheck of(WatcherStats now, WatcherStats before, Instant at) {
        long staleSince = now.staleStatements() - (before == null ? 0 : before.staleStatements());
        if (staleSince > 0) {
            return new LeaseCheck(true, staleSince + " statement(s) ran under an expired lease: the state could not"
                    + " be refreshed");
        }
        long failuresSince = now.inlineRefreshFailures() - (before == null ? 0 : before.inlineRefreshFailures());
        if (now.watching() && failuresSince > 0 && olderThanLease(now, at)) {
            return new LeaseCheck(true, "state older than its lease of " + now.leaseMs()
                    + " ms and refreshes over application connections fail");
        }
        return UP;
    }

    /** How long ago the state was last read or confirmed, or null when never. */
    static Duration age(WatcherStats stats, Instant at) {
        return stats.lastRefresh() == null ? null : Duration.between(stats.lastRefresh(), at);
    }

    private static boolean olderThanLease(WatcherStats stats, Instant at) {
        Duration age = age(stats, at);
        return age == null || age.toMillis() > stats.leaseMs();
    }
}
