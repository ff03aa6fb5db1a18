package io.colshift.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * One read of a server's state into its holder, the same for the watcher's connection and for the application's
 * own when its lease has run out: the version query, and the whole snapshot only when the version moved or the
 * table columns are due to be read again. The read counts from when it was sent, less the age of the transaction
 * snapshot it ran in (an application's open transaction may see the control schema as of an earlier moment).
 */
final class StateRead {

    /** What one read found: the probe, and whether a new snapshot was published (not only the lease renewed). */
    record Outcome(StateProbe probe, boolean published) {
    }

    private StateRead() {
    }

    /**
     * @param catalogToo  read the table columns again even if the state version did not move
     * @param searchPath  the application role's search_path, to resolve the catalog with (null: the connection's)
     * @return the outcome, or null when the control schema is missing (recorded in the holder as such)
     * @throws SQLException when a query failed; when the schema vanished under the version query, after recording
     *                      that, so that the caller can undo what it opened around the read
     */
    static Outcome read(StateWatcher state, SnapshotLoader loader, Connection c, StateOrigin origin,
                        boolean catalogToo, List<String> searchPath) throws SQLException {
        long sent = System.nanoTime();
        if (!state.schemaPresent() && !loader.schemaExists(c)) {
            state.schemaMissing(sent, origin);
            return null;
        }
        StateProbe probe;
        try {
            probe = loader.probe(c);
        } catch (SQLException e) {
            if (SnapshotLoader.schemaMissing(e)) {
                state.schemaMissing(sent, origin);
            }
            throw e;
        }
        long readAt = sent - probe.snapshotAgeNanos();
        if (!catalogToo && state.renew(probe.version(), readAt, probe.leaseMs(), origin)) {
            return new Outcome(probe, false);
        }
        LeasedSnapshot before = state.leased();
        boolean reuseCatalog = !catalogToo && before.loaded();
        StateSnapshot next = loader.load(c, reuseCatalog ? before.snapshot() : null, searchPath);
        return new Outcome(probe, state.publish(next, readAt, probe.leaseMs(), origin, !reuseCatalog));
    }
}
