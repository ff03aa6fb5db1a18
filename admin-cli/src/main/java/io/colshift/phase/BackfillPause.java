package io.colshift.phase;

import io.colshift.state.ControlSchemaWriter;
import io.colshift.state.Phase;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * {@code colshift pause} / {@code resume}: flips the paused flag of a backfill from any terminal. The running
 * backfill reads it with every checkpoint, so it stops between two batches (no transaction left open) and
 * continues where it stopped. Pausing before the backfill starts makes it start paused.
 */
public final class BackfillPause {

    private BackfillPause() {
    }

    private static boolean currentlyPaused(ControlSchemaWriter writer, String table, String id) throws SQLException {
        try (PreparedStatement ps = writer.connection().prepareStatement(
                "SELECT coalesce((SELECT paused FROM " + table + " WHERE migration_id = ?), false)")) {
            ps.setString(1, id);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** @return a sentence for the operator */
    public static String set(ControlSchemaWriter writer, MigrationStore store, String id, boolean paused)
            throws SQLException, PhaseException {
        MigrationRecord m = store.load(id);
        if (m.archived() || m.phase().compareTo(Phase.BACKFILLED) >= 0) {
            throw new PreconditionFailed("migration '" + id + "' is " + m.phase().label()
                    + ": its backfill has finished, there is nothing to " + (paused ? "pause" : "resume"));
        }
        String table = writer.schema().table("backfill_progress");
        if (currentlyPaused(writer, table, id) == paused) {
            return "backfill of '" + id + "' was already " + (paused ? "paused" : "running (not paused)")
                    + "; nothing to do";
        }
        int[] changed = new int[1];
        long version = writer.record(id, "paused", String.valueOf(!paused), String.valueOf(paused),
                paused ? "backfill paused" : "backfill resumed", c -> {
                    String sql = paused
                            ? "INSERT INTO " + table + " AS p (migration_id, paused) VALUES (?, true)"
                            + " ON CONFLICT (migration_id) DO UPDATE SET paused = true, updated_at = now()"
                            + " WHERE NOT p.paused"
                            : "UPDATE " + table + " SET paused = false, updated_at = now() WHERE migration_id = ? AND paused";
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setString(1, id);
                        changed[0] = ps.executeUpdate();
                    }
                });
        if (changed[0] == 0) {
            return "backfill of '" + id + "' was already " + (paused ? "paused" : "running (not paused)")
                    + "; nothing to do";
        }
        return paused
                ? "paused the backfill of '" + id + "' (state version " + version + "): it stops after its current"
                + " batch; `colshift resume " + id + "` continues it"
                : "resumed the backfill of '" + id + "' (state version " + version + ")";
    }
}
