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
import java.util.stream.Collectors;

/**
 * Reads {@link StateSnapshot}s from the control schema and the catalog, in autocommit mode: each statement is
 * one consistent read, and the watcher's connection never holds a transaction open.
 */
final class SnapshotLoader {

    /** Schemas whose tables never take part in name resolution of application statements. */
    private static final String SYSTEM_SCHEMAS = "'pg_catalog', 'information_schema', 'pg_toast'";

    /** The phases drivers rewrite for, as an SQL list: later phases pass statements unchanged. */
    private static final String REWRITTEN_PHASES = Arrays.stream(Phase.values()).filter(Phase::needsRewriting)
            .map(p -> "'" + p.label() + "'").collect(Collectors.joining(", "));

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

    /**
     * Reads version and migrations in one statement (one consistent read); the catalog part (table columns,
     * search path) is taken over from {@code previous} when the same columns are migrating in the same phases,
     * since a flag flip, the most frequent and most urgent change, does not touch the catalog.
     *
     * @param previous the snapshot to take catalog facts from, or null to read them afresh
     */
    StateSnapshot load(Connection c, StateSnapshot previous) throws SQLException {
        long version;
        List<ColumnMigration> migrations = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT s.version, m.id, m.table_schema, m.table_name, m.column_name,"
                     + " m.column_type, m.read_fallback, m.phase, m.writes_enabled FROM " + schema.table("state")
                     + " s LEFT JOIN " + schema.table("migrations") + " m ON NOT m.archived"
                     + " AND m.phase IN (" + REWRITTEN_PHASES + ") ORDER BY m.id")) {
            if (!rs.next()) {
                throw new SQLException("control schema " + schema + " has no state row; run `colshift init`", "55000");
            }
            version = rs.getLong(1);
            do {
                if (rs.getString(2) != null) {
                    migrations.add(StoredMigration.check(c, rs));
                }
            } while (rs.next());
        }
        if (previous != null && sameCatalogShape(previous.migrations(), migrations)) {
            return new StateSnapshot(version, migrations, previous.tableColumns(), previous.searchPath());
        }
        Map<String, List<String>> columns = migrations.isEmpty() ? Map.of() : tableColumns(c, migrations);
        return new StateSnapshot(version, migrations, columns, searchPath(c));
    }

    /** Same migrating columns in the same phases: the catalog facts in the snapshot are still the right ones. */
    private static boolean sameCatalogShape(List<ColumnMigration> a, List<ColumnMigration> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            ColumnMigration x = a.get(i);
            ColumnMigration y = b.get(i);
            if (!x.schema().equals(y.schema()) || !x.table().equals(y.table()) || !x.column().equals(y.column())
                    || x.phase() != y.phase()) {
                return false;
            }
        }
        return true;
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
