package io.colshift.state;

import org.postgresql.PGStatement;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
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
 * Reads {@link StateSnapshot}s from the control schema and the catalog. The same queries run on the watcher's own
 * connection (in auto-commit mode) and on application connections (whatever their transaction), so every one is
 * a plain read, names every function, table and operator with its schema ({@code pg_catalog.} or the control
 * schema) and so resolves the same under any {@code search_path}, and never binds a parameter through a
 * server-prepared statement (nothing is left prepared on an application's connection).
 */
final class SnapshotLoader {

    /** Schemas whose tables never take part in name resolution of application statements, as a name[] literal. */
    private static final String SYSTEM_SCHEMAS = "'{pg_catalog,information_schema,pg_toast}'::pg_catalog.name[]";

    /** The phases drivers rewrite for, as a text[] literal: later phases pass statements unchanged. */
    private static final String REWRITTEN_PHASES = Arrays.stream(Phase.values()).filter(Phase::needsRewriting)
            .map(Phase::label).collect(Collectors.joining(",", "'{", "}'::pg_catalog.text[]"));

    private static final String EQ = " OPERATOR(pg_catalog.=) ";

    private final ControlSchema schema;

    SnapshotLoader(ControlSchema schema) {
        this.schema = schema;
    }

    /** Whether the control schema exists (its {@code state} table, precisely) in the connected database. */
    boolean schemaExists(Connection c) throws SQLException {
        // the name is a checked plain identifier (ControlSchema), so it can be a literal here
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_catalog.to_regclass('" + schema.table("state") + "') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** Whether {@code e} says the control schema (or its {@code state} table) is gone: 42P01 or 3F000. */
    static boolean schemaMissing(SQLException e) {
        return "42P01".equals(e.getSQLState()) || "3F000".equals(e.getSQLState());
    }

    /**
     * The state version and lease plus facts about the session, in one statement: what a poll or a lease
     * renewal asks before loading a whole snapshot. {@code s.*} keeps it working on a control schema from before
     * {@code lease_ms} existed.
     */
    StateProbe probe(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT s.*, pg_catalog.pg_backend_pid() AS colshift_backend_pid,"
                     + " pg_catalog.pg_is_in_recovery() AS colshift_in_recovery,"
                     + " CASE WHEN pg_catalog.current_setting('transaction_isolation')" + EQ + "'read committed'"
                     + " THEN 0 ELSE pg_catalog.date_part('epoch', pg_catalog.statement_timestamp()"
                     + " OPERATOR(pg_catalog.-) pg_catalog.transaction_timestamp()) END AS colshift_snapshot_age"
                     + " FROM " + schema.table("state") + " s")) {
            if (!rs.next()) {
                throw new SQLException("control schema " + schema + " has no state row; run `colshift init`", "55000");
            }
            long leaseMs = 0;
            if (hasColumn(rs, "lease_ms")) {
                leaseMs = rs.getLong("lease_ms");
            }
            return new StateProbe(rs.getLong("version"), leaseMs, rs.getInt("colshift_backend_pid"),
                    rs.getBoolean("colshift_in_recovery"), (long) (rs.getDouble("colshift_snapshot_age") * 1e9));
        }
    }

    private static boolean hasColumn(ResultSet rs, String label) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            if (label.equals(md.getColumnLabel(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads version and migrations in one statement (one consistent read); the catalog part (table columns,
     * search path) is taken over from {@code previous} when the same columns are migrating in the same phases,
     * since a flag flip, the most frequent and most urgent change, does not touch the catalog.
     *
     * @param previous   the snapshot to take catalog facts from, or null to read them afresh
     * @param searchPath the search path to record, or null to read it on {@code c} (the watcher reads it once
     *                   before pinning its own session's search path, which says nothing about the application's)
     */
    StateSnapshot load(Connection c, StateSnapshot previous, List<String> searchPath) throws SQLException {
        long version;
        List<ColumnMigration> migrations = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT s.version, m.id, m.table_schema, m.table_name, m.column_name,"
                     + " m.column_type, m.read_fallback, m.phase, m.writes_enabled, m.default_expr FROM " + schema.table("state")
                     + " s LEFT JOIN " + schema.table("migrations") + " m ON NOT m.archived"
                     + " AND m.phase" + EQ + "ANY (" + REWRITTEN_PHASES + ") ORDER BY m.id")) {
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
        return new StateSnapshot(version, migrations, columns, searchPath != null ? searchPath : searchPath(c));
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
        try (PreparedStatement ps = c.prepareStatement("WITH involved AS ("
                + " SELECT c.oid FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n"
                + " ON n.oid" + EQ + "c.relnamespace"
                + " JOIN ROWS FROM (pg_catalog.unnest(?::pg_catalog.text[]), pg_catalog.unnest(?::pg_catalog.text[]))"
                + " AS m(s, t)"
                + " ON m.s" + EQ + "n.nspname::pg_catalog.text AND m.t" + EQ + "c.relname::pg_catalog.text"
                + " UNION"
                + " SELECT a.attrelid FROM pg_catalog.pg_attribute a"
                + " WHERE a.attname::pg_catalog.text" + EQ + "ANY (?::pg_catalog.text[])"
                + " AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped)"
                + " SELECT n.nspname, c.relname, a.attname"
                + " FROM involved i"
                + " JOIN pg_catalog.pg_class c ON c.oid" + EQ + "i.oid"
                + " JOIN pg_catalog.pg_namespace n ON n.oid" + EQ + "c.relnamespace"
                + " JOIN pg_catalog.pg_attribute a ON a.attrelid" + EQ + "c.oid"
                + " AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped"
                + " WHERE c.relkind" + EQ + "ANY ('{r,p,v,m,f}'::pg_catalog.\"char\"[])"
                + " AND n.nspname OPERATOR(pg_catalog.<>) ALL (" + SYSTEM_SCHEMAS + ")"
                + " AND n.nspname::pg_catalog.text OPERATOR(pg_catalog.<>) ?::pg_catalog.text"
                + " AND n.nspname::pg_catalog.text OPERATOR(pg_catalog.!~~) 'pg\\_temp\\_%'"
                + " ORDER BY n.nspname, c.relname, a.attnum")) {
            oneShot(ps);
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

    /**
     * Makes pgjdbc send {@code ps} as an unnamed statement every time, so that nothing of colshift stays prepared on
     * the server (an application connection's prepared-statement budget and poolers in transaction mode care).
     */
    private static void oneShot(PreparedStatement ps) throws SQLException {
        if (ps.isWrapperFor(PGStatement.class)) {
            ps.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
    }

    /** The schemas unqualified names resolve against for this role and URL (implicit pg_catalog left out). */
    static List<String> searchPath(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_catalog.current_schemas(false)")) {
            rs.next();
            Array array = rs.getArray(1);
            return array == null ? List.of() : Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
        }
    }
}
