package io.colshift.phase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Catalog lookups about the migrating table and column. Read-only. */
public final class Catalog {

    private final Connection connection;

    public Catalog(Connection connection) {
        this.connection = connection;
    }

    public boolean tableExists(String schema, String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, Sql.qualified(schema, table));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    public ColumnState column(String schema, String table, String column) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT format_type(a.atttypid, a.atttypmod),"
                + " a.attnotnull, pg_get_expr(d.adbin, d.adrelid)"
                + " FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
                + " WHERE a.attrelid = to_regclass(?) AND a.attname = ? AND a.attnum > 0 AND NOT a.attisdropped")) {
            ps.setString(1, Sql.qualified(schema, table));
            ps.setString(2, column);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return ColumnState.ABSENT;
                }
                return new ColumnState(true, rs.getString(1), rs.getBoolean(2), rs.getString(3));
            }
        }
    }

    /** Rows according to the planner statistics ({@code reltuples}), or -1 when the table was never analysed. */
    public long estimatedRows(String schema, String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass(?)")) {
            ps.setString(1, Sql.qualified(schema, table));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    /** Heap size in pages, for ctid-range batching and hold-time estimates. */
    public long pages(String schema, String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT pg_relation_size(to_regclass(?)) / current_setting('block_size')::bigint")) {
            ps.setString(1, Sql.qualified(schema, table));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public long tableBytes(String schema, String table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_table_size(to_regclass(?))")) {
            ps.setString(1, Sql.qualified(schema, table));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
