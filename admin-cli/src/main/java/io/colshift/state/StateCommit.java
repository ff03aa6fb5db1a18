package io.colshift.state;

/**
 * A committed state change, as a barrier needs it (design rule 5).
 *
 * @param version          the state version the change produced
 * @param walLsn           {@code pg_current_wal_lsn()} read right after the commit returned: at or past the end of
 *                         the commit record, so a standby whose replay position reaches it has replayed the change
 * @param committedAtNanos {@link System#nanoTime()} when the commit returned; the lease is counted from here
 */
public record StateCommit(long version, String walLsn, long committedAtNanos) {
}
