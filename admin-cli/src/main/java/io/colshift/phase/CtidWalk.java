package io.colshift.phase;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Walks a table that has neither a primary key nor a unique NOT NULL key in ranges of physical pages
 * ({@code ctid >= '(p,0)' AND ctid < '(q,0)'}). Rows updated by the application move to other pages, and rows
 * inserted during the walk land beyond its end; both are left to the final sweep. From PostgreSQL 14 a range is
 * read with a TID range scan; on older servers every batch scans the whole table, so give such tables a key.
 * The walk ends at the page count the table had when the walk started.
 */
public final class CtidWalk implements BatchWalk {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String sql;
    private final long endPage;
    private final double rowsPerPage;

    public CtidWalk(MigrationRecord m, String fillExpression, long endPage, double rowsPerPage) {
        this.endPage = endPage;
        this.rowsPerPage = Math.max(1.0, rowsPerPage);
        this.sql = "WITH colshift_fill AS (UPDATE " + m.quotedTable() + " SET " + m.quotedColumn() + " = ("
                + fillExpression + ") WHERE ctid >= CAST(? AS tid) AND ctid < CAST(? AS tid) AND " + m.quotedColumn()
                + " IS NULL RETURNING 1) SELECT count(*) FROM colshift_fill";
    }

    @Override
    public String describe() {
        return "ctid ranges (no primary key or unique NOT NULL key; " + endPage + " pages)";
    }

    public String sql() {
        return sql;
    }

    @Override
    public BatchResult next(Connection connection, String lastKey, int size) throws SQLException {
        long from = lastKey == null ? 0 : readPage(lastKey);
        if (from >= endPage) {
            return new BatchResult(0, 0, null, true);
        }
        long pages = Math.max(1, Math.round(size / rowsPerPage));
        long to = Math.min(endPage, from + pages);
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, "(" + from + ",0)");
            ps.setString(2, "(" + to + ",0)");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new BatchResult(rs.getInt(1), (int) Math.min(Integer.MAX_VALUE, Math.round((to - from) * rowsPerPage)),
                        "{\"page\": " + to + "}", to >= endPage);
            }
        }
    }

    private static long readPage(String lastKey) throws SQLException {
        try {
            return JSON.readTree(lastKey).path("page").asLong(0);
        } catch (Exception e) {
            throw new SQLException("backfill checkpoint " + lastKey + " is not a ctid-range checkpoint", e);
        }
    }
}
