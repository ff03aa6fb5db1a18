package io.colshift.phase;

import io.colshift.state.Volatility;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

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
            List<String> volatileCalls = tree == null ? List.of() : Volatility.volatileCalls(connection, tree);
            return new Result(formattedType, deparsed, volatileCalls);
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }
}
