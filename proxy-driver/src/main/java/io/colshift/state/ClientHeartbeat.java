package io.colshift.state;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Tells {@code colshift status} which state version each of this JVM's state holders runs, by upserting one row
 * per holder and application in {@code clients}, with the server it follows and whether that server is a standby.
 * A holder's own row (its first application's) has the holder's client id; each further application seen on the
 * holder's connections gets the row {@code <holder id>/<n>} ({@link HeartbeatReport}), with the same version,
 * server and recovery flag. Visibility only: nothing, neither in the driver nor in the CLI's barriers, depends on
 * these rows.
 *
 * <p>Best effort: the application role may lack write access to the control schema, which only costs the CLI its
 * view of this driver. That is logged once, and the heartbeat keeps trying in case the privilege is granted
 * later. A control schema from before version 3 (no {@code counters} column) gets the rows without the counters,
 * one from before version 2 (no {@code server}, {@code in_recovery} columns) without those two columns either.
 */
final class ClientHeartbeat {

    private static final Logger LOG = LoggerFactory.getLogger(ClientHeartbeat.class);
    private static final String UNDEFINED_COLUMN = "42703";

    private final ControlSchema schema;
    private final String host;
    private final long pid;
    private boolean refusalLogged;
    private Columns columns = Columns.ALL;

    ClientHeartbeat(ControlSchema schema, String host, long pid) {
        this.schema = schema;
        this.host = host;
        this.pid = pid;
    }

    /**
     * Marks a holder's rows gone at once (its own and those of its further applications), so that {@code status}
     * stops listing them as live.
     */
    void leave(Connection c, String clientId) {
        String further = clientId + HeartbeatReport.SEPARATOR;
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + schema.table("clients")
                + " SET last_seen = '-infinity' WHERE client_id OPERATOR(pg_catalog.=) ?::pg_catalog.text"
                + " OR pg_catalog.substr(client_id, 1, ?) OPERATOR(pg_catalog.=) ?::pg_catalog.text")) {
            ps.setString(1, clientId);
            ps.setInt(2, further.length());
            ps.setString(3, further);
            ps.executeUpdate();
        } catch (SQLException e) {
            LOG.debug("colshift could not mark client {} gone: {}", clientId, e.getMessage());
        }
    }

    /**
     * @param clientId     the state holder reported on (the watcher's own, or a standby holder's of this JVM)
     * @param ackedVersion the state version it runs
     * @param server       the {@code host:port} it follows
     * @param inRecovery   whether that server is a standby
     * @param rows         the holder's rows, its own first: application name and adoption counters of each
     * @return whether every row of the heartbeat was recorded
     * @throws SQLException only when the connection itself failed (the caller reconnects); any other refusal
     *                      (no privilege, read-only standby, table missing) is logged once and reported as false
     */
    boolean beat(Connection c, String clientId, long ackedVersion, String server, boolean inRecovery,
                 List<HeartbeatReport> rows) throws SQLException {
        boolean all = true;
        for (int i = 0; i < rows.size(); i++) {
            HeartbeatReport row = rows.get(i);
            if (row.left()) {
                continue; // not renewed: the row ages out of the live drivers
            }
            // every row is tried: one refused row must not cost the others their report (nor their latency
            // interval, which reporting it ended)
            all &= beat(c, HeartbeatReport.clientId(clientId, i), row.applicationName(), ackedVersion, server,
                    inRecovery, row.counters());
        }
        return all;
    }

    private boolean beat(Connection c, String clientId, String applicationName, long ackedVersion, String server,
                         boolean inRecovery, String counters) throws SQLException {
        try {
            while (true) {
                try {
                    upsert(c, clientId, applicationName, ackedVersion, server, inRecovery, counters);
                    return true;
                } catch (SQLException e) {
                    // an older control schema: drop the newest columns it lacks, once, and keep beating
                    if (!UNDEFINED_COLUMN.equals(e.getSQLState()) || columns == Columns.BASIC) {
                        throw e;
                    }
                    columns = columns == Columns.ALL ? Columns.SERVER : Columns.BASIC;
                }
            }
        } catch (SQLException e) {
            if (ConnectionFailures.isConnectionFailure(e)) {
                throw e;
            }
            if (!refusalLogged) {
                refusalLogged = true;
                LOG.warn("colshift heartbeats to {} are refused ({}); statements are rewritten as usual, but"
                        + " `colshift status` cannot list this driver. Grant it with"
                        + " `colshift init --grant-to <role>`.", schema.table("clients"), e.getMessage());
            }
            return false;
        }
    }

    /** The heartbeat columns the control schema has: all (version 3), without counters (2), basic (1). */
    private enum Columns { ALL, SERVER, BASIC }

    private void upsert(Connection c, String clientId, String applicationName, long ackedVersion, String server,
                        boolean inRecovery, String counters) throws SQLException {
        boolean serverColumns = columns != Columns.BASIC;
        boolean countersColumn = columns == Columns.ALL;
        String cols = (serverColumns ? ", server, in_recovery" : "") + (countersColumn ? ", counters" : "");
        String values = (serverColumns ? ", ?, ?" : "") + (countersColumn ? ", CAST(? AS pg_catalog.jsonb)" : "");
        String updates = (serverColumns ? ", server = excluded.server, in_recovery = excluded.in_recovery" : "")
                + (countersColumn ? ", counters = excluded.counters" : "");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + schema.table("clients")
                + " (client_id, host, pid, application_name, acked_version" + cols + ") VALUES (?, ?, ?, ?, ?"
                + values + ") ON CONFLICT (client_id) DO UPDATE SET acked_version = excluded.acked_version,"
                + " last_seen = pg_catalog.now(), host = excluded.host, pid = excluded.pid,"
                + " application_name = excluded.application_name" + updates)) {
            ps.setString(1, clientId);
            ps.setString(2, host);
            ps.setLong(3, pid);
            ps.setString(4, applicationName);
            ps.setLong(5, ackedVersion);
            if (serverColumns) {
                ps.setString(6, server);
                ps.setBoolean(7, inRecovery);
            }
            if (countersColumn) {
                ps.setString(8, counters);
            }
            ps.executeUpdate();
        }
    }
}
