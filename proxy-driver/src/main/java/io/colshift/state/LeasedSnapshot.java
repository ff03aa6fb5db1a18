package io.colshift.state;

/**
 * A snapshot together with the lease it is valid under, published as one immutable object so that the check
 * before each statement is one volatile read and one comparison with {@link System#nanoTime()}.
 *
 * @param snapshot  the state
 * @param readAt    {@code System.nanoTime()} taken before the query that read (or confirmed) it was sent
 * @param expiresAt {@code readAt + lease}: from then on no statement may run under it without a refresh
 * @param leaseMs   the lease it was published with
 * @param origin    how it was read
 * @param loaded    false only for the initial, never-read state, which is expired from the start
 */
record LeasedSnapshot(StateSnapshot snapshot, long readAt, long expiresAt, long leaseMs, StateOrigin origin,
                      boolean loaded) {

    static LeasedSnapshot initial(long now) {
        return new LeasedSnapshot(StateSnapshot.EMPTY, now, now, 0, StateOrigin.NONE, false);
    }

    boolean validAt(long now) {
        return now - expiresAt < 0;
    }
}
