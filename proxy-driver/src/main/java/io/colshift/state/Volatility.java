package io.colshift.state;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which volatile functions an expression calls, from {@code pg_proc.provolatile} of every function and operator in
 * the expression tree PostgreSQL stored for it ({@code pg_node_tree} text of a default, a view, a constraint): the
 * same test PostgreSQL applies itself, never a guess from the expression's text.
 */
public final class Volatility {

    /** Function and operator references in a stored expression tree. */
    private static final Pattern FUNCTION_REF = Pattern.compile(":(funcid|opfuncid|opno|aggfnoid|winfnoid) (\\d+)");

    private Volatility() {
    }

    /** @return the volatile functions {@code nodeTree} calls, as {@code regprocedure} text, sorted; empty when none */
    public static List<String> volatileCalls(Connection connection, String nodeTree) throws SQLException {
        Set<Long> functions = new LinkedHashSet<>();
        Set<Long> operators = new LinkedHashSet<>();
        Matcher m = FUNCTION_REF.matcher(nodeTree);
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
        try (PreparedStatement ps = connection.prepareStatement("SELECT DISTINCT p.oid::pg_catalog.regprocedure::text"
                + " FROM pg_catalog.pg_proc p WHERE p.provolatile = 'v' AND (p.oid = ANY(?::oid[])"
                + " OR p.oid IN (SELECT o.oprcode FROM pg_catalog.pg_operator o WHERE o.oid = ANY(?::oid[]))) ORDER BY 1")) {
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
