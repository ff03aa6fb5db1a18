package io.colshift.phase;

import io.colshift.state.SafeText;
import io.colshift.state.ControlSchema;
import io.colshift.state.UnreadableState;
import io.colshift.state.SafeSql;
import io.colshift.state.StoredMigration;

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
                return record(rs);
            }
        }
    }

    /**
     * The row as a record, every name, the type and both expressions re-checked as {@code declare} checked them:
     * the control schema may have been changed behind colshift's back, and what it holds is spliced into DDL and
     * into the backfill's UPDATE.
     *
     * @throws PreconditionFailed naming the migration, the field and the reason, when a field fails its check
     */
    private MigrationRecord record(ResultSet rs) throws SQLException, PreconditionFailed {
        String id = rs.getString(1);
        try {
            String table = StoredMigration.identifier("table_name", rs.getString(3));
            String column = StoredMigration.identifier("column_name", rs.getString(4));
            return new MigrationRecord(id, StoredMigration.identifier("table_schema", rs.getString(2)), table, column,
                    StoredMigration.type(rs.getString(5)),
                    StoredMigration.expression("default_expr", rs.getString(6), SafeSql.Use.DEFAULT),
                    StoredMigration.expression("backfill_expr", rs.getString(7), SafeSql.Use.BACKFILL),
                    rs.getBoolean(8), index(rs.getString(9), table, column),
                    UnreadableState.phase(schema, id, rs.getString(10)), rs.getBoolean(11), rs.getBoolean(12));
        } catch (StoredMigration.Refused e) {
            throw new PreconditionFailed("migration '" + SafeText.cut(id) + "' in " + schema.name()
                    + ".migrations fails the checks declare applies, so colshift runs nothing for it: " + e.getMessage()
                    + ". The row was changed outside colshift; roll the migration back or restore the row.");
        }
    }

    private static IndexSpec index(String json, String table, String column) throws StoredMigration.Refused {
        try {
            return IndexSpec.fromJson(json, table, column);
        } catch (IllegalArgumentException e) {
            throw new StoredMigration.Refused("index_spec", e.getMessage());
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
}
