package io.colshift.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks a {@link MigrationSpec} against the database it is meant for: the table exists, the type is a
 * PostgreSQL type, the column is absent or already has that type, and {@code default} / {@code backfill} are
 * valid per-row expressions of that type. Expressions are only planned ({@code EXPLAIN} without {@code ANALYZE},
 * in a read-only transaction that is rolled back), never executed, and nothing is written.
 */
public final class SpecValidator {

    private SpecValidator() {
    }

    /**
     * The read fallback: the backfill expression when it only uses the row's own columns (no subquery), else
     * the default, else {@code NULL}.
     */
    public static String readFallback(MigrationSpec spec) {
        if (spec.backfillExpr() != null) {
            Optional<SqlExpressions.Parsed> parsed = SqlExpressions.parse(spec.backfillExpr(), new String[1]);
            if (parsed.isPresent() && !parsed.get().hasSubquery()) {
                return spec.backfillExpr();
            }
        }
        return spec.defaultExpr() != null ? spec.defaultExpr() : "NULL";
    }

    /** @throws InvalidSpecException naming {@code source}, with every problem found */
    public static ValidatedSpec validate(Connection connection, String source, MigrationSpec spec)
            throws SQLException, InvalidSpecException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            return check(connection, source, spec);
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    private static ValidatedSpec check(Connection c, String source, MigrationSpec spec)
            throws SQLException, InvalidSpecException {
        List<SpecProblem> problems = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            st.execute("SET TRANSACTION READ ONLY");
            st.execute("SET LOCAL lock_timeout = '5s'");
            st.execute("SET LOCAL statement_timeout = '30s'");
        }
        // CAST(NULL AS …) accepts nothing but a type name there, unlike NULL::…, which would take `text AS x`
        String typeProblem = probe(c, "SELECT CAST(NULL AS " + spec.type() + ")");
        if (typeProblem != null) {
            problems.add(new SpecProblem("type", "not a PostgreSQL type: " + typeProblem));
        }

        TableRef table = resolveTable(c, spec, problems);
        MigrationSpec resolved = table == null ? spec : spec.withTableSchema(table.schema);
        String existingType = table == null ? null : existingColumnType(c, table.oid, spec.column());

        if (typeProblem == null && spec.defaultExpr() != null) {
            String problem = probe(c, "EXPLAIN SELECT 1 WHERE CAST((\n" + spec.defaultExpr() + "\n) AS " + spec.type()
                    + ") IS NULL");
            if (problem != null) {
                problems.add(new SpecProblem("default", explain(problem, "a DEFAULT cannot reference columns")));
            }
        }
        if (typeProblem == null && table != null && spec.backfillExpr() != null) {
            // WHERE rejects aggregates, window and set-returning functions, as UPDATE … SET would
            String problem = probe(c, "EXPLAIN SELECT 1 FROM " + SqlIdentifiers.quote(table.schema, spec.tableName())
                    + " WHERE CAST((\n" + spec.backfillExpr() + "\n) AS " + spec.type() + ") IS NULL");
            if (problem != null) {
                problems.add(new SpecProblem("backfill", explain(problem,
                        "references a column that does not exist in " + resolved.displayTable())));
            }
        }
        c.rollback();

        if (existingType != null && typeProblem == null) {
            String specType = canonicalType(c, spec.type());
            if (!existingType.equals(specType)) {
                problems.add(new SpecProblem("column", "column " + spec.column() + " already exists in "
                        + resolved.displayTable() + " with type " + existingType + ", the spec says " + specType));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(source, problems);
        }
        return new ValidatedSpec(resolved, readFallback(resolved), existingType != null);
    }

    private record TableRef(long oid, String schema) {
    }

    private static TableRef resolveTable(Connection c, MigrationSpec spec, List<SpecProblem> problems) throws SQLException {
        String name = spec.tableSchema() == null ? SqlIdentifiers.quote(spec.tableName())
                : SqlIdentifiers.quote(spec.tableSchema(), spec.tableName());
        try (PreparedStatement ps = c.prepareStatement("SELECT c.oid, n.nspname, c.relkind FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = to_regclass(?)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    problems.add(new SpecProblem("table", "table " + spec.displayTable() + " does not exist"
                            + (spec.tableSchema() == null ? " in any schema on the search_path" : "")));
                    return null;
                }
                String kind = rs.getString(3);
                if (!kind.equals("r") && !kind.equals("p")) {
                    problems.add(new SpecProblem("table", spec.displayTable() + " is not a table (relkind '" + kind + "')"));
                    return null;
                }
                return new TableRef(rs.getLong(1), rs.getString(2));
            }
        }
    }

    private static String existingColumnType(Connection c, long tableOid, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                + " WHERE attrelid = ? AND attname = ? AND attnum > 0 AND NOT attisdropped")) {
            ps.setLong(1, tableOid);
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /**
     * The server's spelling of {@code type} with its modifier (e.g. {@code varchar(20)} → {@code character
     * varying(20)}), read from a temporary table's column in a transaction that is rolled back: only a column
     * keeps the modifier that {@code pg_typeof} drops. {@code type} already passed the cast probe.
     */
    private static String canonicalType(Connection c, String type) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET LOCAL lock_timeout = '5s'");
            st.execute("CREATE TEMPORARY TABLE colshift_type_probe (c " + type + ") ON COMMIT DROP");
            try (ResultSet rs = st.executeQuery("SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                    + " WHERE attrelid = 'pg_temp.colshift_type_probe'::regclass AND attname = 'c'")) {
                rs.next();
                return rs.getString(1);
            }
        } finally {
            c.rollback();
        }
    }

    /** Runs {@code sql} under a savepoint; returns the server's error message, or null when it succeeded. */
    private static String probe(Connection c, String sql) throws SQLException {
        Savepoint sp = c.setSavepoint();
        try (Statement st = c.createStatement()) {
            st.execute(sql);
            return null;
        } catch (SQLException e) {
            if ("57014".equals(e.getSQLState()) || "55P03".equals(e.getSQLState()) || e.getSQLState() == null
                    || e.getSQLState().startsWith("08")) {
                throw e; // timeouts and lost connections are not the spec's fault
            }
            return (e.getSQLState().equals("42703") ? "[42703] " : "") + e.getMessage().lines().findFirst().orElse("");
        } finally {
            c.rollback(sp);
        }
    }

    private static String explain(String serverMessage, String undefinedColumnMeaning) {
        if (serverMessage.startsWith("[42703] ")) {
            return undefinedColumnMeaning + " (" + serverMessage.substring(8) + ")";
        }
        return serverMessage;
    }
}
