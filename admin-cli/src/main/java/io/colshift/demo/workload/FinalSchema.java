package io.colshift.demo.workload;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Compares the table in the catalog with what the migration spec of {@link UsersTable} promises. */
public final class FinalSchema {

    private FinalSchema() {
    }

    /** @return how the table differs from the spec; empty when it matches */
    public static List<String> differencesFromSpec(Connection connection, UsersTable table) throws SQLException {
        List<String> differences = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT format_type(a.atttypid, a.atttypmod), a.attnotnull, pg_get_expr(d.adbin, d.adrelid) "
                        + "FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                        + "WHERE a.attrelid = to_regclass(?) AND a.attname = ? AND NOT a.attisdropped")) {
            ps.setString(1, table.qualifiedName());
            ps.setString(2, UsersTable.COLUMN);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    differences.add("column " + table.qualifiedName() + "." + UsersTable.COLUMN + " does not exist");
                    return differences;
                }
                if (!"text".equals(rs.getString(1))) {
                    differences.add("type is " + rs.getString(1) + ", spec says text");
                }
                if (!rs.getBoolean(2)) {
                    differences.add("column is nullable, spec says not_null: true");
                }
                String defaultExpr = rs.getString(3);
                if (defaultExpr == null || !defaultExpr.startsWith("'" + UsersTable.DEFAULT_VALUE + "'")) {
                    differences.add("default is " + defaultExpr + ", spec says '" + UsersTable.DEFAULT_VALUE + "'");
                }
            }
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT count(*) FILTER (WHERE i.indisvalid AND i.indisready), count(*) FROM pg_index i "
                        + "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey) "
                        + "WHERE i.indrelid = to_regclass(?) AND a.attname = ? AND i.indnatts = 1")) {
            ps.setString(1, table.qualifiedName());
            ps.setString(2, UsersTable.COLUMN);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) != 1 || rs.getLong(2) != 1) {
                    differences.add("expected one valid index on " + UsersTable.COLUMN + ", found " + rs.getLong(2)
                            + " (" + rs.getLong(1) + " valid)");
                }
            }
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM " + table.qualifiedName()
                + " WHERE " + UsersTable.COLUMN + " IS NULL")) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) != 0) {
                    differences.add(rs.getLong(1) + " rows have no " + UsersTable.COLUMN);
                }
            }
        }
        return differences;
    }
}
