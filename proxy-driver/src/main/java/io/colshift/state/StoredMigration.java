package io.colshift.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Re-checks a row of {@code migrations} with the rules {@code declare} applied, since anyone who can write the
 * control schema can change it afterwards: names as names, the type as a type name, expressions through
 * {@link SafeSql}, the read fallback non-volatile. The driver turns a row that fails into a refused migration
 * (statements pass unchanged for it); the CLI refuses to run a step for it.
 */
public final class StoredMigration {

    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,63}");

    private StoredMigration() {
    }

    /** A stored field that must not be used; the problem names the control-schema column and the reason. */
    public static final class Refused extends Exception {
        private final SpecProblem problem;

        public Refused(String field, String reason) {
            super("field '" + field + "': " + reason);
            this.problem = new SpecProblem(field, reason);
        }

        public SpecProblem problem() {
            return problem;
        }
    }

    /**
     * The driver's view of the current row of {@code row} (columns named as in {@code migrations}: {@code id,
     * table_schema, table_name, column_name, column_type, read_fallback, phase, writes_enabled, default_expr}); a row that fails
     * a check comes back {@link ColumnMigration#refusal() refused}, never as something to rewrite for.
     *
     * @param c the connection the row came from, for the volatility of functions the read fallback calls
     */
    public static ColumnMigration check(Connection c, ResultSet row) throws SQLException {
        String id = row.getString("id");
        try {
            id(id);
            String schema = identifier("table_schema", row.getString("table_schema"));
            String table = identifier("table_name", row.getString("table_name"));
            String column = identifier("column_name", row.getString("column_name"));
            String type = type(row.getString("column_type"));
            String stored = row.getString("read_fallback");
            String fallback = "NULL";
            if (stored != null && !stored.isBlank()) {
                SafeSql.Expr expr = parse("read_fallback", stored, SafeSql.Use.READ_FALLBACK);
                List<String> calls = volatileFunctions(c, expr.functions());
                if (!calls.isEmpty()) {
                    throw new Refused("read_fallback", "calls volatile " + String.join(", ", calls)
                            + ", which must not run inside application reads");
                }
                fallback = expr.spliced();
            }
            String columnDefault = expression("default_expr", row.getString("default_expr"), SafeSql.Use.DEFAULT);
            return new ColumnMigration(id, schema, table, column, type, fallback, phase(row.getString("phase")),
                    row.getBoolean("writes_enabled"), columnDefault);
        } catch (Refused e) {
            return ColumnMigration.refused(id == null ? "" : SafeText.cut(id), e.getMessage());
        }
    }

    /**
     * Why drivers and the CLI refuse a stored migration, from its fields alone (the read fallback's volatility,
     * which needs the catalog, is left out), for {@code status}; empty when they use it.
     */
    public static Optional<String> refusal(String id, String schema, String table, String column, String type,
                                           String defaultExpr, String backfillExpr, String readFallback) {
        try {
            id(id);
            identifier("table_schema", schema);
            identifier("table_name", table);
            identifier("column_name", column);
            type(type);
            expression("default_expr", defaultExpr, SafeSql.Use.DEFAULT);
            expression("backfill_expr", backfillExpr, SafeSql.Use.BACKFILL);
            expression("read_fallback", readFallback, SafeSql.Use.READ_FALLBACK);
            return Optional.empty();
        } catch (Refused e) {
            return Optional.of(e.getMessage());
        }
    }

    private static void id(String stored) throws Refused {
        if (stored == null || !ID.matcher(stored).matches()) {
            throw new Refused("id", "must match [a-z0-9-]+ (at most 63 characters)");
        }
    }

    /** A stored name, in catalog spelling: 1 to 63 bytes, no control characters. */
    public static String identifier(String field, String stored) throws Refused {
        if (stored == null || stored.isEmpty() || SqlIdentifiers.utf8Length(stored) > SqlIdentifiers.MAX_LENGTH
                || stored.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
            throw new Refused(field, "is not a PostgreSQL name (1 to " + SqlIdentifiers.MAX_LENGTH
                    + " bytes, no control characters)");
        }
        return stored;
    }

    /** The stored {@code column_type}, normalised. */
    public static String type(String stored) throws Refused {
        try {
            return TypeNames.normalise(stored);
        } catch (UnsafeSqlException e) {
            throw new Refused("column_type", e.reason());
        }
    }

    /** A stored expression, normalised; null when none is stored. */
    public static String expression(String field, String stored, SafeSql.Use use) throws Refused {
        return stored == null || stored.isBlank() ? null : parse(field, stored, use).normalised();
    }

    private static SafeSql.Expr parse(String field, String stored, SafeSql.Use use) throws Refused {
        try {
            return SafeSql.expression(stored, use);
        } catch (UnsafeSqlException e) {
            throw new Refused(field, e.reason() + ": " + SafeText.cut(stored));
        }
    }

    public static Phase phase(String stored) throws Refused {
        try {
            return Phase.fromLabel(stored);
        } catch (RuntimeException e) {
            throw new Refused("phase", "is not a phase colshift knows: '" + SafeText.cut(String.valueOf(stored))
                    + "'");
        }
    }

    /**
     * Volatile functions among {@code names}, by name: an unqualified name counts as volatile when any
     * {@code pg_catalog} function of that name is, a qualified one when any function of that name in that schema is.
     * Cruder than {@link Volatility} (which needs the expression stored in the catalog), and on the safe side.
     */
    private static List<String> volatileFunctions(Connection c, List<String> names) throws SQLException {
        if (names.isEmpty()) {
            return List.of();
        }
        List<String> unqualified = new ArrayList<>();
        List<String> qualified = new ArrayList<>();
        for (String name : names) {
            (name.contains(".") ? qualified : unqualified).add(name.replace("\"", ""));
        }
        List<String> found = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT n.nspname OPERATOR(pg_catalog.||) '.'"
                + " OPERATOR(pg_catalog.||) p.proname FROM pg_catalog.pg_proc p"
                + " JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) p.pronamespace"
                + " WHERE p.provolatile OPERATOR(pg_catalog.=) 'v' AND ((n.nspname OPERATOR(pg_catalog.=) 'pg_catalog'"
                + " AND p.proname::pg_catalog.text OPERATOR(pg_catalog.=) ANY (?::pg_catalog.text[])) OR (n.nspname::pg_catalog.text"
                + " OPERATOR(pg_catalog.||) '.' OPERATOR(pg_catalog.||) p.proname::pg_catalog.text) OPERATOR(pg_catalog.=)"
                + " ANY (?::pg_catalog.text[])) ORDER BY 1")) {
            ps.setArray(1, c.createArrayOf("text", unqualified.toArray()));
            ps.setArray(2, c.createArrayOf("text", qualified.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1) + "()");
                }
            }
        }
        return found;
    }
}
