package io.colshift.state;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Tells the CLI which state version this driver runs, by upserting its row in {@code clients}. Best effort:
 * the application role may lack write access to the control schema, which only costs the CLI its view of
 * this driver. That is logged once, and the heartbeat keeps trying in case the privilege is granted later.
 */
final class ClientHeartbeat {

    private static final Logger LOG = LoggerFactory.getLogger(ClientHeartbeat.class);

    private final ControlSchema schema;
    private final String clientId;
    private final String host;
    private final long pid;
    private final String applicationName;
    private boolean refusalLogged;

    ClientHeartbeat(ControlSchema schema, String clientId, String host, long pid, String applicationName) {
        this.schema = schema;
        this.clientId = clientId;
        this.host = host;
        this.pid = pid;
        this.applicationName = applicationName;
    }

    /** Marks this client gone at once, so that barriers do not wait for it until its heartbeat expires. */
    void leave(Connection c) {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + schema.table("clients")
                + " SET last_seen = '-infinity' WHERE client_id = ?")) {
            ps.setString(1, clientId);
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.debug("colshift could not mark client {} gone: {}", clientId, e.getMessage());
        }
    }

    /**
     * @return whether the heartbeat was recorded
     * @throws SQLException only when the connection itself failed (the caller reconnects); any other refusal
     *                      (no privilege, read-only standby, table missing) is logged once and reported as false
     */
    boolean beat(Connection c, long ackedVersion) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + schema.table("clients")
                + " (client_id, host, pid, application_name, acked_version) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (client_id) DO UPDATE SET acked_version = excluded.acked_version, last_seen = now(),"
                + " host = excluded.host, pid = excluded.pid, application_name = excluded.application_name")) {
            ps.setString(1, clientId);
            ps.setString(2, host);
            ps.setLong(3, pid);
            ps.setString(4, applicationName);
            ps.setLong(5, ackedVersion);
            ps.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (ConnectionFailures.isConnectionFailure(e)) {
                throw e;
            }
            if (!refusalLogged) {
                refusalLogged = true;
                LOG.warn("colshift heartbeats to {} are refused ({}); statements are rewritten as usual, but"
                        + " `colshift status` and rollback barriers cannot see this driver. Grant it with"
                        + " `colshift init --grant-to <role>`.", schema.table("clients"), e.getMessage());
            }
            return false;
        }
    }
}
