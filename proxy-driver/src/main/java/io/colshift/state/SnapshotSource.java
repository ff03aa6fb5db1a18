package io.colshift.state;

/**
 * Where a connection reads the state it rewrites for. Implementations publish immutable snapshots
 * through a single volatile field, so {@link #current()} is one volatile read: no lock, no allocation.
 */
@FunctionalInterface
public interface SnapshotSource {

    StateSnapshot current();

    /** A source that never changes, for tests and for the {@code colshift.enabled=false} kill switch. */
    static SnapshotSource fixed(StateSnapshot snapshot) {
        return () -> snapshot;
    }
}
