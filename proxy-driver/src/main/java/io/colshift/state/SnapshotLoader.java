package io.colshift.state;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one {@link StateSnapshot} from the control schema and the catalog, in a single read-only
 * {@code REPEATABLE READ} transaction so that version, migrations and columns belong together.
 */
final class SnapshotLoader {

    /** Schemas whose tables never take part in name resolution of application statements. */
    private static final String SYSTEM_SCHEMAS = "'pg_catalog', 'information_schema', 'pg_toast'";

    private final ControlSchema schema;

    SnapshotLoader(ControlSchema schema) {
        this.schema = schema;
    }

    /** Whether the control schema exists (its {@code state} table, precisely) in the connected database. */
    boolean schemaExists(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, schema.table("state"));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** The state version alone: what a poll compares before loading a whole snapshot. */
    long version(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM " + schema.table("state"))) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    StateSnapshot load(Connection c) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            long version = version(c);
            List<ColumnMigration> migrations = migrations(c);
            Map<String, List<String>> columns = migrations.isEmpty() ? Map.of() : tableColumns(c, migrations);
            List<String> searchPath = searchPath(c);
            return new StateSnapshot(version, migrations, columns, searchPath);
        } finally {
            c.rollback();
            c.setAutoCommit(autoCommit);
        }
    }

    private List<ColumnMigration> migrations(Connection c) throws SQLException {
        List<ColumnMigration> migrations = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, table_schema, table_name, column_name, column_type,"
                     + " read_fallback, phase, writes_enabled FROM " + schema.table("migrations")
                     + " WHERE NOT archived ORDER BY id")) {
            while (rs.next()) {
                Phase phase = Phase.fromLabel(rs.getString(7));
                if (phase.needsRewriting()) {
                    migrations.add(new ColumnMigration(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), phase, rs.getBoolean(8)));
                }
            }
        }
        return migrations;
    }

    /**
     * Columns, in table order, of the migrating tables and of every other table or view that has a column named
     * like a migrating column: exactly the tables that can make an unqualified column name ambiguous.
     */
    private Map<String, List<String>> tableColumns(Connection c, List<ColumnMigration> migrations) throws SQLException {
        String[] schemas = migrations.stream().map(ColumnMigration::schema).toArray(String[]::new);
        String[] tables = migrations.stream().map(ColumnMigration::table).toArray(String[]::new);
        String[] columnNames = migrations.stream().map(ColumnMigration::column).distinct().toArray(String[]::new);
        Map<String, List<String>> result = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                WITH involved AS (
                    SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    JOIN unnest(?::text[], ?::text[]) AS m(s, t) ON m.s = n.nspname AND m.t = c.relname
                    UNION
                    SELECT a.attrelid FROM pg_attribute a
                    WHERE a.attname = ANY (?::text[]) AND a.attnum > 0 AND NOT a.attisdropped)
                SELECT n.nspname, c.relname, a.attname
                FROM involved i
                JOIN pg_class c ON c.oid = i.oid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f')
                  AND n.nspname NOT IN (%s) AND n.nspname <> ? AND n.nspname NOT LIKE 'pg\\_temp\\_%%'
                ORDER BY n.nspname, c.relname, a.attnum
                """.formatted(SYSTEM_SCHEMAS))) {
            ps.setArray(1, c.createArrayOf("text", schemas));
            ps.setArray(2, c.createArrayOf("text", tables));
            ps.setArray(3, c.createArrayOf("text", columnNames));
            ps.setString(4, schema.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = (rs.getString(1) + "." + rs.getString(2)).toLowerCase(Locale.ROOT);
                    result.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getString(3));
                }
            }
        }
        result.replaceAll((k, v) -> List.copyOf(v));
        return result;
    }

    /** The schemas unqualified names resolve against for this role and URL (implicit pg_catalog left out). */
    private static List<String> searchPath(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT current_schemas(false)")) {
            rs.next();
            Array array = rs.getArray(1);
            return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
        }
    }
}
