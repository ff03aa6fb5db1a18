package io.colshift.phase;

import io.colshift.state.ControlSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The backfill checkpoint in {@code backfill_progress}. It is written in the same transaction as the batch it
 * records, so after a crash the checkpoint and the filled rows always agree. It is progress, not state: drivers
 * do not read it, so writing it neither bumps the state version nor notifies.
 */
public final class Checkpoint {

    /** The stored checkpoint and the migration's live flags, read together. */
    public record Progress(String lastKey, long rowsDone, long rowsEstimate, int batchSize, boolean paused,
                           boolean writesEnabled) {
    }

    private final ControlSchema schema;
    private final String migrationId;

    public Checkpoint(ControlSchema schema, String migrationId) {
        this.schema = schema;
        this.migrationId = migrationId;
    }

    /** Creates the checkpoint row if there is none (idempotent) and returns it. */
    public Progress ensure(Connection c, long estimate, int initialBatch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + schema.table("backfill_progress")
                + " (migration_id, rows_estimate, batch_size) VALUES (?, ?, ?) ON CONFLICT (migration_id) DO NOTHING")) {
            ps.setString(1, migrationId);
            ps.setLong(2, estimate);
            ps.setInt(3, initialBatch);
            ps.executeUpdate();
        }
        return read(c);
    }

    public Progress read(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT p.last_key::text, p.rows_done, coalesce(p.rows_estimate, -1),"
                + " coalesce(p.batch_size, 0), p.paused, m.writes_enabled FROM " + schema.table("backfill_progress")
                + " p JOIN " + schema.table("migrations") + " m ON m.id = p.migration_id WHERE p.migration_id = ?")) {
            ps.setString(1, migrationId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("backfill checkpoint of '" + migrationId + "' disappeared");
                }
                return new Progress(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getBoolean(5),
                        rs.getBoolean(6));
            }
        }
    }

    /**
     * Records a batch; call inside the batch's transaction.
     *
     * @param lastKey the new position, or null to keep the stored one
     */
    public Progress save(Connection c, String lastKey, long filled, int batchSize) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + schema.table("backfill_progress") + " p"
                + " SET last_key = coalesce(CAST(? AS jsonb), p.last_key), rows_done = p.rows_done + ?,"
                + " batch_size = ?, updated_at = now() FROM " + schema.table("migrations") + " m"
                + " WHERE p.migration_id = ? AND m.id = p.migration_id"
                + " RETURNING p.last_key::text, p.rows_done, coalesce(p.rows_estimate, -1), p.batch_size, p.paused,"
                + " m.writes_enabled")) {
            ps.setString(1, lastKey);
            ps.setLong(2, filled);
            ps.setInt(3, batchSize);
            ps.setString(4, migrationId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("backfill checkpoint of '" + migrationId + "' disappeared");
                }
                return new Progress(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getBoolean(5),
                        rs.getBoolean(6));
            }
        }
    }
}
