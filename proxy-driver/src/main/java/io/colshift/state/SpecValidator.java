package io.colshift.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a {@link MigrationSpec} against the database it is meant for: the table is one colshift may change (see
 * {@link TableTarget}), the type is a PostgreSQL type, the column is absent or already has that type, and
 * {@code default} / {@code backfill} / {@code read_fallback} are valid per-row expressions of that type. Expressions
 * are only planned ({@code EXPLAIN} without {@code ANALYZE}, in a transaction that is rolled back), never executed,
 * and nothing is written. Names in expressions and the type are resolved with {@code search_path} pinned to
 * {@code pg_catalog, pg_temp}, as every colshift session resolves them: a user-defined function or type must be
 * schema-qualified. What application reads see must be non-volatile: a volatile fallback would run inside every
 * application read.
 */
public final class SpecValidator {

    /** Pinned for every probe: objects other roles create in other schemas are never resolved. */
    static final String PINNED_SEARCH_PATH = "SET LOCAL search_path = pg_catalog, pg_temp";

    private static final String QUALIFY_HINT = " (names are resolved with search_path = pg_catalog, pg_temp: write"
            + " functions, types and tables outside pg_catalog schema-qualified, e.g. myschema.f(x))";

    private SpecValidator() {
    }

    /**
     * The read fallback as the spec's fields give it: {@code read_fallback} when the spec has one, else the backfill
     * expression when it only uses the row's own columns (no subquery), else the default, else {@code NULL}.
     * {@link #validate} replaces a volatile derived fallback by {@code NULL}.
     */
    public static String readFallback(MigrationSpec spec) {
        if (spec.readFallbackExpr() != null) {
            return spec.readFallbackExpr();
        }
        if (spec.backfillExpr() != null) {
            try {
                if (!SafeSql.expression(spec.backfillExpr(), SafeSql.Use.BACKFILL).subquery()) {
                    return spec.backfillExpr();
                }
            } catch (UnsafeSqlException e) {
                // not usable for reads; fall through to the default
            }
        }
        return spec.defaultExpr() != null ? spec.defaultExpr() : "NULL";
    }

    /** @throws InvalidSpecException naming {@code source}, with every problem found */
    public static ValidatedSpec validate(Connection connection, String source, MigrationSpec spec)
            throws SQLException, InvalidSpecException {
        return validate(connection, source, spec, null);
    }

    /**
     * @param controlSchema the control schema's name, whose tables a spec may not name (null: not checked)
     * @throws InvalidSpecException naming {@code source}, with every problem found
     */
    public static ValidatedSpec validate(Connection connection, String source, MigrationSpec spec, String controlSchema)
            throws SQLException, InvalidSpecException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            return check(connection, source, spec, controlSchema);
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    private static ValidatedSpec check(Connection c, String source, MigrationSpec spec, String controlSchema)
            throws SQLException, InvalidSpecException {
        List<SpecProblem> problems = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            st.execute("SET TRANSACTION READ ONLY");
            st.execute("SET LOCAL lock_timeout = '5s'");
            st.execute("SET LOCAL statement_timeout = '30s'");
        }
        // the spec's table name resolves as the operator wrote it, with the session's search_path
        TableTarget table = TableTarget.resolve(c, spec, controlSchema, problems);
        MigrationSpec resolved = table == null ? spec : spec.withTableSchema(table.schema());
        String existingType = table == null ? null : existingColumnType(c, table.oid(), spec.column());
        try (Statement st = c.createStatement()) {
            st.execute(PINNED_SEARCH_PATH);
        }

        // CAST(NULL AS …) accepts nothing but a type name there, unlike NULL::…, which would take `text AS x`
        String typeProblem = probe(c, "SELECT CAST(NULL AS " + spec.type() + ")");
        if (typeProblem != null) {
            problems.add(new SpecProblem("type", "not a PostgreSQL type: " + typeProblem));
        }
        String rowSource = table == null ? null : SqlIdentifiers.quote(table.schema(), spec.tableName());
        if (typeProblem == null && spec.defaultExpr() != null) {
            String problem = probe(c, "EXPLAIN SELECT 1 WHERE CAST(" + spliced(spec.defaultExpr(), SafeSql.Use.DEFAULT)
                    + " AS " + spec.type() + ") IS NULL");
            if (problem != null) {
                problems.add(new SpecProblem("default", explain(problem, "a DEFAULT cannot reference columns")));
            }
        }
        for (SafeSql.Use use : List.of(SafeSql.Use.BACKFILL, SafeSql.Use.READ_FALLBACK)) {
            String expr = use == SafeSql.Use.BACKFILL ? spec.backfillExpr() : spec.readFallbackExpr();
            if (typeProblem == null && table != null && expr != null) {
                // WHERE rejects aggregates, window and set-returning functions, as UPDATE … SET would
                String problem = probe(c, "EXPLAIN SELECT 1 FROM " + rowSource + " WHERE CAST(" + spliced(expr, use)
                        + " AS " + spec.type() + ") IS NULL");
                if (problem != null) {
                    problems.add(new SpecProblem(use.field(), explain(problem,
                            "references a column that does not exist in " + resolved.displayTable())));
                }
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
        List<String> notes = new ArrayList<>();
        String fallback = readFallback(resolved);
        if (problems.isEmpty() && !fallback.equals("NULL")) {
            List<String> calls = fallbackVolatileCalls(c, rowSource, fallback, spec.type());
            if (!calls.isEmpty() && spec.readFallbackExpr() != null) {
                problems.add(new SpecProblem("read_fallback", "calls volatile " + String.join(", ", calls)
                        + "; what application reads see must be non-volatile, since it runs inside every read"));
            } else if (!calls.isEmpty()) {
                notes.add("reads see NULL for " + spec.column() + " until rows are filled: the "
                        + (fallback.equals(spec.backfillExpr()) ? "backfill" : "default") + " expression calls volatile "
                        + String.join(", ", calls) + ", which must not run inside application reads (the backfill"
                        + " still uses it); add read_fallback: to the spec to say what reads should see");
                fallback = "NULL";
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(source, problems);
        }
        return new ValidatedSpec(resolved, fallback, existingType != null, notes);
    }

    /** The normalised expression in its spliced form; the parser already refused anything unsafe. */
    private static String spliced(String expression, SafeSql.Use use) throws SQLException {
        try {
            return SafeSql.expression(expression, use).spliced();
        } catch (UnsafeSqlException e) {
            throw new IllegalArgumentException(use.field() + " was not checked by SpecParser: " + e.reason(), e);
        }
    }

    /**
     * The volatile functions the fallback calls, read from the rule of a temporary view over the table (the one
     * place PostgreSQL stores a row expression's tree without running it), in a transaction that is rolled back.
     */
    private static List<String> fallbackVolatileCalls(Connection c, String rowSource, String fallback, String type)
            throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(PINNED_SEARCH_PATH);
            st.execute("SET LOCAL lock_timeout = '5s'");
            st.execute("CREATE TEMPORARY VIEW colshift_fallback_probe AS SELECT CAST("
                    + spliced(fallback, SafeSql.Use.READ_FALLBACK) + " AS " + type + ") AS v"
                    + (rowSource == null ? "" : " FROM " + rowSource));
            try (ResultSet rs = st.executeQuery("SELECT r.ev_action::text FROM pg_catalog.pg_rewrite r"
                    + " WHERE r.ev_class = 'pg_temp.colshift_fallback_probe'::pg_catalog.regclass")) {
                rs.next();
                return Volatility.volatileCalls(c, rs.getString(1));
            }
        } finally {
            c.rollback();
        }
    }

    private static String existingColumnType(Connection c, long tableOid, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_catalog.format_type(atttypid, atttypmod)"
                + " FROM pg_catalog.pg_attribute WHERE attrelid = ? AND attname = ? AND attnum > 0 AND NOT attisdropped")) {
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
            st.execute(PINNED_SEARCH_PATH);
            st.execute("SET LOCAL lock_timeout = '5s'");
            st.execute("CREATE TEMPORARY TABLE colshift_type_probe (c " + type + ") ON COMMIT DROP");
            try (ResultSet rs = st.executeQuery("SELECT pg_catalog.format_type(atttypid, atttypmod)"
                    + " FROM pg_catalog.pg_attribute"
                    + " WHERE attrelid = 'pg_temp.colshift_type_probe'::pg_catalog.regclass AND attname = 'c'")) {
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
            String state = e.getSQLState();
            if ("57014".equals(state) || "55P03".equals(state) || state == null || state.startsWith("08")) {
                throw e; // timeouts and lost connections are not the spec's fault
            }
            String message = e.getMessage().lines().findFirst().orElse("");
            // undefined function, type, table or schema: most likely a name that only resolved on another search_path
            boolean unresolved = state.equals("42883") || state.equals("42704") || state.equals("42P01")
                    || state.equals("3F000");
            return (state.equals("42703") ? "[42703] " : "") + message + (unresolved ? QUALIFY_HINT : "");
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
