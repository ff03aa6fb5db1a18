package io.colshift.state;

import java.sql.Connection;

/**
 * Where a connection reads the state it rewrites for. Implementations publish immutable snapshots
 * through a single volatile field, so {@link #current()} is one volatile read: no lock, no allocation.
 */
@FunctionalInterface
public interface SnapshotSource {

    StateSnapshot current();

    /**
     * The state a statement about to run on {@code connection} (the real driver's connection) must follow. A
     * source with a staleness lease ({@link StateWatcher}) refreshes over that connection first when the lease
     * has run out; the others just return {@link #current()}. Never throws.
     */
    default StateSnapshot currentFor(Connection connection) {
        return current();
    }

    /** A source that never changes, for tests and for the {@code colshift.enabled=false} kill switch. */
    static SnapshotSource fixed(StateSnapshot snapshot) {
        return () -> snapshot;
    }
}
