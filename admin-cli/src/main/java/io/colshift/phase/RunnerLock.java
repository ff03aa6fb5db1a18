package io.colshift.phase;

import io.colshift.state.ControlSchema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One runner per migration: a session-level advisory lock keyed on (control schema, migration id), held for the
 * whole command. PostgreSQL releases it when the session ends, so a killed runner never leaves it behind.
 * A second runner is refused with the holder's pid, application name and client address.
 */
public final class RunnerLock implements AutoCloseable {

    private static final String NAMESPACE = "colshift-runner";

    private final Connection connection;
    private final String key;
    private boolean held;

    private RunnerLock(Connection connection, String key) {
        this.connection = connection;
        this.key = key;
    }

    /**
     * @param connection a connection that stays open for the whole command
     * @param command    what this runner does, shown to anyone refused (e.g. {@code backfill})
     * @throws PreconditionFailed when another runner holds the lock
     */
    public static RunnerLock acquire(Connection connection, ControlSchema schema, String migrationId, String command)
            throws SQLException, PreconditionFailed {
        RunnerLock lock = new RunnerLock(connection, schema.name() + ":" + migrationId);
        connection.setClientInfo("ApplicationName", "colshift " + command + " " + migrationId);
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT pg_try_advisory_lock(hashtext('" + NAMESPACE + "'), hashtext(?))")) {
            ps.setString(1, lock.key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                lock.held = rs.getBoolean(1);
            }
        }
        if (!lock.held) {
            throw new PreconditionFailed("another colshift runner is working on migration '" + migrationId + "': "
                    + lock.holder() + ". Only one runner per migration may run; wait for it to finish"
                    + " (or stop it: its progress is checkpointed), then run this command again.");
        }
        return lock;
    }

    private String holder() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT l.pid, a.application_name, host(a.client_addr),"
                + " a.usename, to_char(a.backend_start, 'YYYY-MM-DD HH24:MI:SS TZ')"
                + " FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid"
                + " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2"
                + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + " AND l.classid = hashtext('" + NAMESPACE + "')::oid AND l.objid = hashtext(?)::oid")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return "it finished just now (try again)";
                }
                String app = rs.getString(2);
                String addr = rs.getString(3);
                return "held by pid " + rs.getInt(1) + " (" + (app == null || app.isEmpty() ? "no application_name" : app)
                        + ", " + (addr == null ? "local socket" : "from " + addr) + ", user " + rs.getString(4)
                        + ", connected since " + rs.getString(5) + ")";
            }
        }
    }

    @Override
    public void close() throws SQLException {
        if (held && !connection.isClosed()) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT pg_advisory_unlock(hashtext('" + NAMESPACE + "'), hashtext(?))")) {
                ps.setString(1, key);
                ps.execute();
            }
            held = false;
        }
    }
}
