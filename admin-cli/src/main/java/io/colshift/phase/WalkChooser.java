package io.colshift.phase;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Picks how the backfill walks the table: the primary key; else the narrowest unique, non-partial, non-expression
 * index whose columns are all NOT NULL; else ctid page ranges.
 */
public final class WalkChooser {

    private static final String KEYS = "SELECT i.indexrelid::regclass::text, i.indisprimary,"
            + " array_agg(a.attname::text ORDER BY k.ord), array_agg(format_type(a.atttypid, a.atttypmod) ORDER BY k.ord),"
            + " bool_and(a.attnotnull)"
            + " FROM pg_index i"
            + " CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)"
            + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum"
            + " WHERE i.indrelid = to_regclass(?) AND i.indisunique AND i.indisvalid AND i.indpred IS NULL"
            + " AND i.indexprs IS NULL AND k.ord <= i.indnkeyatts"
            + " GROUP BY i.indexrelid, i.indisprimary"
            + " ORDER BY i.indisprimary DESC, count(*), i.indexrelid";

    private WalkChooser() {
    }

    public static BatchWalk choose(Connection connection, MigrationRecord m, String fillExpression) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(KEYS)) {
            ps.setString(1, m.quotedTable());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!rs.getBoolean(5)) {
                        continue;
                    }
                    String[] names = strings(rs.getArray(3));
                    String[] types = strings(rs.getArray(4));
                    if (List.of(names).contains(m.column())) {
                        continue;
                    }
                    List<KeyColumn> key = new ArrayList<>();
                    for (int i = 0; i < names.length; i++) {
                        key.add(new KeyColumn(names[i], types[i]));
                    }
                    String kind = rs.getBoolean(2) ? "primary key" : "unique key " + rs.getString(1);
                    return new KeysetWalk(m, kind, key, fillExpression);
                }
            }
        }
        Catalog catalog = new Catalog(connection);
        long pages = catalog.pages(m.schema(), m.table());
        long rows = catalog.estimatedRows(m.schema(), m.table());
        double rowsPerPage = pages > 0 && rows > 0 ? (double) rows / pages : 100;
        return new CtidWalk(m, fillExpression, pages, rowsPerPage);
    }

    private static String[] strings(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        String[] out = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = String.valueOf(values[i]);
        }
        return out;
    }
}
