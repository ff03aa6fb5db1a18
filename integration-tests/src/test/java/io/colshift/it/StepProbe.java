package io.colshift.it;

import io.colshift.demo.workload.UsersTable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * One look, through the driver, at how it treats {@code users.status} on one server, taken right after a CLI step
 * returned: a step returns only once every driver follows it, so there is no waiting and no retry here. Each check
 * answers what is wrong, or nothing.
 *
 * @param colshiftUrl {@code jdbc:colshift:} URL of the server (or servers) to look through
 * @param properties  the same settings the applications' pools use
 */
record StepProbe(String colshiftUrl, String user, String password, Map<String, String> properties) {

    private static final long RESERVED_ID = ReservedRows.FIRST;

    /** A read of {@code status} returns the spec's value for a reserved row. */
    Optional<String> statusReadable() {
        try (Connection c = connect()) {
            return statusReadable(c);
        } catch (SQLException e) {
            return Optional.of(describe("a connection", e));
        }
    }

    /** A write of {@code status} reaches the table ({@code RETURNING} shows the written value); rolled back. */
    Optional<String> writesPass() {
        try (Connection c = connect()) {
            return write(c, true);
        } catch (SQLException e) {
            return Optional.of(describe("a connection", e));
        }
    }

    /** A write of {@code status} is held back ({@code RETURNING} shows the spec's value); rolled back. */
    Optional<String> writesHeldBack() {
        try (Connection c = connect()) {
            return write(c, false);
        } catch (SQLException e) {
            return Optional.of(describe("a connection", e));
        }
    }

    /** {@link #statusReadable()} on a connection the caller has (e.g. from an application's pool). */
    static Optional<String> statusReadable(Connection c) {
        String sql = "SELECT status FROM users WHERE id = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, RESERVED_ID);
            try (ResultSet rs = ps.executeQuery()) {
                String expected = UsersTable.derivedStatus(UsersTable.seededDeleted(RESERVED_ID));
                if (!rs.next()) {
                    return Optional.of("no row for reserved id " + RESERVED_ID);
                }
                String status = rs.getString(1);
                return expected.equals(status) ? Optional.empty()
                        : Optional.of("read status " + status + " for reserved id " + RESERVED_ID + ", expected " + expected);
            }
        } catch (SQLException e) {
            return Optional.of(describe("a read of status", e));
        }
    }

    /**
     * A write of {@code status} on a connection the caller has, in a transaction rolled back afterwards.
     *
     * @param shouldPass whether it must reach the table, or be held back
     */
    static Optional<String> write(Connection c, boolean shouldPass) {
        String sql = "INSERT INTO users (email, name, status) VALUES (?, 'probe', 'probe') RETURNING status";
        try {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, "probe-" + System.nanoTime() + "@probe.test");
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    String returned = rs.getString(1);
                    String expected = shouldPass ? "probe" : UsersTable.DEFAULT_VALUE;
                    return expected.equals(returned) ? Optional.empty()
                            : Optional.of("a write of status came back as " + returned + ", expected " + expected
                            + (shouldPass ? " (written)" : " (held back)"));
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            return Optional.of(describe("a write of status", e));
        }
    }

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        properties.forEach(props::setProperty);
        return DriverManager.getConnection(colshiftUrl, props);
    }

    private static String describe(String what, SQLException e) {
        return what + " failed [" + e.getSQLState() + "]: " + e.getMessage();
    }
}
