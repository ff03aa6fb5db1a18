package io.colshift.phase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Existence checks that make each contract statement idempotent. */
public final class Constraints {

    /** A constraint on the table, or an index in its schema. */
    public record Found(boolean exists, boolean valid, boolean onTable) {
        static final Found NONE = new Found(false, false, false);
    }

    private final Connection connection;

    public Constraints(Connection connection) {
        this.connection = connection;
    }

    public Found constraint(MigrationRecord m, String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT convalidated FROM pg_constraint"
                + " WHERE conrelid = to_regclass(?) AND conname = ?")) {
            ps.setString(1, m.quotedTable());
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Found(true, rs.getBoolean(1), true) : Found.NONE;
            }
        }
    }

    /** A validated native not-null constraint on the column (PG 18+ catalogs them as contype 'n'). */
    public Found nativeNotNull(MigrationRecord m) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT bool_or(c.convalidated) FROM pg_constraint c"
                + " JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey)"
                + " WHERE c.conrelid = to_regclass(?) AND c.contype = 'n' AND a.attname = ?")) {
            ps.setString(1, m.quotedTable());
            ps.setString(2, m.column());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                boolean valid = rs.getBoolean(1);
                return rs.wasNull() ? Found.NONE : new Found(true, valid, true);
            }
        }
    }

    public Found index(MigrationRecord m, String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT i.indisvalid AND i.indisready,"
                + " i.indrelid = to_regclass(?) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " JOIN pg_index i ON i.indexrelid = c.oid WHERE n.nspname = ? AND c.relname = ?")) {
            ps.setString(1, m.quotedTable());
            ps.setString(2, m.schema());
            ps.setString(3, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Found(true, rs.getBoolean(1), rs.getBoolean(2)) : Found.NONE;
            }
        }
    }
}
