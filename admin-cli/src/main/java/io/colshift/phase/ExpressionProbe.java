package io.colshift.phase;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks PostgreSQL itself what the spec's type and default mean, inside a transaction that is always rolled
 * back: a temporary table gets a column of the spec's type with the spec's default, and the catalog then says
 * how PostgreSQL spells the type, how it deparses the default, and which functions the default calls.
 *
 * <p>Volatility comes from {@code pg_proc.provolatile} of every function and operator in the stored default
 * expression, the same test PostgreSQL applies when deciding whether {@code ADD COLUMN … DEFAULT} can skip the
 * table rewrite. It is never guessed from the expression's text.
 */
public final class ExpressionProbe {

    /** Function and operator references in a stored expression tree ({@code pg_node_tree} text). */
    private static final Pattern FUNCTION_REF = Pattern.compile(":(funcid|opfuncid|opno) (\\d+)");

    /**
     * @param type          the column type as PostgreSQL spells it ({@code format_type})
     * @param defaultExpr   the default as PostgreSQL deparses it for this type, or null
     * @param volatileCalls volatile functions the default calls (empty when it is non-volatile)
     */
    public record Result(String type, String defaultExpr, List<String> volatileCalls) {

        public boolean defaultIsVolatile() {
            return !volatileCalls.isEmpty();
        }
    }

    private ExpressionProbe() {
    }

    /** @throws PreconditionFailed when the type or the default is not valid on this server */
    public static Result probe(Connection connection, String type, String defaultExpr)
            throws SQLException, PreconditionFailed {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            st.execute("SET LOCAL statement_timeout = '10s'");
            try {
                st.execute("CREATE TEMP TABLE colshift_probe (v " + type
                        + (defaultExpr == null ? "" : " DEFAULT (" + defaultExpr + ")") + ") ON COMMIT DROP");
            } catch (SQLException e) {
                throw new PreconditionFailed("type '" + type + "'" + (defaultExpr == null ? "" : " with default '"
                        + defaultExpr + "'") + " is not valid on this server: " + e.getMessage());
            }
            String formattedType;
            String deparsed;
            String tree;
            try (ResultSet rs = st.executeQuery("SELECT format_type(a.atttypid, a.atttypmod),"
                    + " pg_get_expr(d.adbin, d.adrelid), d.adbin::text"
                    + " FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                    + " WHERE a.attrelid = 'pg_temp.colshift_probe'::regclass AND a.attname = 'v'")) {
                rs.next();
                formattedType = rs.getString(1);
                deparsed = rs.getString(2);
                tree = rs.getString(3);
            }
            List<String> volatileCalls = tree == null ? List.of() : volatileCalls(connection, tree);
            return new Result(formattedType, deparsed, volatileCalls);
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    private static List<String> volatileCalls(Connection connection, String tree) throws SQLException {
        Set<Long> functions = new LinkedHashSet<>();
        Set<Long> operators = new LinkedHashSet<>();
        Matcher m = FUNCTION_REF.matcher(tree);
        while (m.find()) {
            long oid = Long.parseLong(m.group(2));
            if (oid == 0) {
                continue;
            }
            (m.group(1).equals("opno") ? operators : functions).add(oid);
        }
        if (functions.isEmpty() && operators.isEmpty()) {
            return List.of();
        }
        List<String> calls = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT DISTINCT p.oid::regprocedure::text FROM pg_proc p"
                + " WHERE p.provolatile = 'v' AND (p.oid = ANY(?::oid[])"
                + " OR p.oid IN (SELECT o.oprcode FROM pg_operator o WHERE o.oid = ANY(?::oid[]))) ORDER BY 1")) {
            Array f = connection.createArrayOf("int8", functions.toArray());
            Array o = connection.createArrayOf("int8", operators.toArray());
            ps.setArray(1, f);
            ps.setArray(2, o);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    calls.add(rs.getString(1));
                }
            }
        }
        return List.copyOf(calls);
    }
}
