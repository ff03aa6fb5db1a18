package io.colshift.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads a migration's recorded phase, write flag and backfill progress from the control schema,
 * for a live view. Holds one connection of its own, used by one thread.
 */
final class MigrationProbe implements AutoCloseable {

    private final Connection connection;
    private final PreparedStatement query;

    MigrationProbe(Connection connection, String controlSchema, String migrationId) throws SQLException {
        this.connection = connection;
        this.query = connection.prepareStatement("SELECT m.phase, m.writes_enabled, p.rows_done, p.rows_estimate "
                + "FROM " + controlSchema + ".migrations m LEFT JOIN " + controlSchema + ".backfill_progress p "
                + "ON p.migration_id = m.id WHERE m.id = ?");
        query.setString(1, migrationId);
    }

    /** The migration's state, or {@link MigrationState#NONE} while it has not been declared. */
    MigrationState read() {
        try (ResultSet rs = query.executeQuery()) {
            if (!rs.next()) {
                return MigrationState.NONE;
            }
            long done = rs.getLong(3);
            long estimate = rs.getLong(4);
            return new MigrationState(rs.getString(1), rs.getBoolean(2), done, rs.wasNull() ? -1 : estimate);
        } catch (SQLException e) {
            // before `colshift init` the control schema does not exist yet
            return MigrationState.NONE;
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    /**
     * @param phase        recorded phase, or {@code "-"} before the migration is declared
     * @param writes       the write flag
     * @param rowsDone     backfilled rows so far
     * @param rowsEstimate estimated rows to backfill, or -1 when unknown
     */
    record MigrationState(String phase, boolean writes, long rowsDone, long rowsEstimate) {
        static final MigrationState NONE = new MigrationState("-", false, 0, -1);

        /** {@code done / estimate rows}; just {@code done rows} once writers pushed it past the estimate. */
        String rowsText() {
            return Format.count(rowsDone) + (rowsDone <= rowsEstimate ? " / " + Format.count(rowsEstimate) : "") + " rows";
        }

        /** Backfill progress between 0 and 1, or -1 when unknown. */
        double fraction() {
            return rowsEstimate > 0 ? Math.min(1.0, (double) rowsDone / rowsEstimate) : -1;
        }
    }
}
