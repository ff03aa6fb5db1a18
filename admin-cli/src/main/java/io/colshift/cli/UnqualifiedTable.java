package io.colshift.cli;

import io.colshift.phase.SearchPathPin;
import io.colshift.state.MigrationSpec;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Gives a spec that names its table without a schema ({@code table: users}) the schema PostgreSQL would have found
 * it in under the role's own {@code search_path}. CLI sessions run with a pinned path ({@link SearchPathPin}), under
 * which {@code users} would resolve nowhere; the lookup here is a pure catalog query, and from then on the
 * migration names the table by schema, as it is stored.
 */
final class UnqualifiedTable {

    private UnqualifiedTable() {
    }

    /** {@code spec} with its table's schema filled in, or unchanged when it has one or no schema holds the table. */
    static MigrationSpec qualify(Connection connection, MigrationSpec spec) throws SQLException {
        if (spec.tableSchema() != null) {
            return spec;
        }
        for (String schema : SearchPathPin.configuredSchemas(connection)) {
            if (holds(connection, schema, spec.tableName())) {
                return spec.withTableSchema(schema);
            }
        }
        return spec;
    }

    /**
     * Whether {@code schema} has a relation of that name, of any kind: PostgreSQL's own lookup stops at the first
     * schema on the path holding the name (an index or a view too), and so does this one; {@code declare} then
     * refuses what is not a plain table, rather than silently taking a table further down the path.
     */
    private static boolean holds(Connection connection, String schema, String relation) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT 1 FROM pg_catalog.pg_class c"
                + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?")) {
            ps.setString(1, schema);
            ps.setString(2, relation);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
