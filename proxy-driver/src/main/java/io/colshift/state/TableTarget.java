package io.colshift.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The table a spec names, resolved with the session's search_path, and whether colshift may add a column to it:
 * only an ordinary or partitioned table of the application, never a partition (the column comes from its parent),
 * a view, a materialized or foreign table, a system catalog or colshift's own control schema.
 */
record TableTarget(long oid, String schema) {

    /** @return the table, or null with a problem added */
    static TableTarget resolve(Connection c, MigrationSpec spec, String controlSchema, List<SpecProblem> problems)
            throws SQLException {
        String name = spec.tableSchema() == null ? SqlIdentifiers.quote(spec.tableName())
                : SqlIdentifiers.quote(spec.tableSchema(), spec.tableName());
        try (PreparedStatement ps = c.prepareStatement("SELECT c.oid, n.nspname, c.relkind, c.relispartition,"
                + " (SELECT pn.nspname || '.' || p.relname FROM pg_catalog.pg_inherits i"
                + " JOIN pg_catalog.pg_class p ON p.oid = i.inhparent"
                + " JOIN pg_catalog.pg_namespace pn ON pn.oid = p.relnamespace WHERE i.inhrelid = c.oid LIMIT 1)"
                + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE c.oid = pg_catalog.to_regclass(?)")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    problems.add(new SpecProblem("table", "table " + spec.displayTable() + " does not exist"
                            + (spec.tableSchema() == null ? " in any schema on the search_path" : "")));
                    return null;
                }
                String schema = rs.getString(2);
                String display = schema + "." + spec.tableName();
                String refusal = refusal(display, schema, rs.getString(3), rs.getBoolean(4), rs.getString(5),
                        controlSchema);
                if (refusal != null) {
                    problems.add(new SpecProblem("table", refusal));
                    return null;
                }
                return new TableTarget(rs.getLong(1), schema);
            }
        }
    }

    private static String refusal(String display, String schema, String kind, boolean partition, String parent,
                                  String controlSchema) {
        if (schema.equals("pg_catalog") || schema.equals("information_schema") || schema.startsWith("pg_toast")
                || schema.startsWith("pg_temp_")) {
            return display + " is a system table; colshift adds columns to application tables only";
        }
        if (schema.equals(controlSchema)) {
            return display + " belongs to colshift's own control schema";
        }
        return switch (kind) {
            case "r", "p" -> partition ? display + " is a partition of " + parent + "; declare the column on "
                    + parent + " instead (a partition takes its columns from its parent)" : null;
            case "v" -> display + " is a view; declare the column on the table it reads, then recreate the view";
            case "m" -> display + " is a materialized view; declare the column on the table it reads, then recreate"
                    + " the materialized view";
            case "f" -> display + " is a foreign table; colshift changes local tables only";
            default -> display + " is not a table (relkind '" + kind + "')";
        };
    }
}
