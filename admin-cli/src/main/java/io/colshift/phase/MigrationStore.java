package io.colshift.phase;

import io.colshift.state.ControlSchema;
import io.colshift.state.UnreadableState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads migrations from the control schema (all writes go through {@link io.colshift.state.ControlSchemaWriter}). */
public final class MigrationStore {

    private final Connection connection;
    private final ControlSchema schema;

    public MigrationStore(Connection connection, ControlSchema schema) {
        this.connection = connection;
        this.schema = schema;
    }

    /**
     * @throws PreconditionFailed when the control schema is missing
     * @throws UnknownMigration   when there is no migration {@code id}
     */
    public MigrationRecord load(String id) throws SQLException, PreconditionFailed, UnknownMigration {
        if (!controlSchemaExists()) {
            throw new PreconditionFailed("control schema '" + schema.name() + "' does not exist in this database;"
                    + " run `colshift init` (and `colshift declare SPEC.yaml`) first");
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT id, table_schema, table_name, column_name,"
                + " column_type, default_expr, backfill_expr, not_null, index_spec::text, phase, writes_enabled, archived"
                + " FROM " + schema.table("migrations") + " WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new UnknownMigration("no migration '" + id + "' in " + schema.name()
                            + ".migrations; declare it first with `colshift declare SPEC.yaml`");
                }
                String table = rs.getString(3);
                String column = rs.getString(4);
                return new MigrationRecord(rs.getString(1), rs.getString(2), table, column, rs.getString(5),
                        blankToNull(rs.getString(6)), blankToNull(rs.getString(7)), rs.getBoolean(8),
                        IndexSpec.fromJson(rs.getString(9), table, column),
                        UnreadableState.phase(schema, rs.getString(1), rs.getString(10)),
                        rs.getBoolean(11), rs.getBoolean(12));
            }
        }
    }

    private boolean controlSchemaExists() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, schema.table("migrations"));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
