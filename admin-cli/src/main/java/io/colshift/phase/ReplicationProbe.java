package io.colshift.phase;

import io.colshift.state.SafeText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What the primary knows about the servers that replay its WAL: the streaming standbys connected to it right now
 * ({@code pg_stat_replication}) and the physical replication slots no standby is using ({@code pg_replication_slots}).
 * Logical replication senders and base backups are left out: they run no driver reading a replicated control
 * schema. Standbys of standbys (cascading replication) report to their upstream standby, not here.
 */
public final class ReplicationProbe {

    private static final String STANDBYS = "SELECT r.pid, r.application_name, pg_catalog.host(r.client_addr),"
            + " r.state, r.replay_lsn::text,"
            + " pg_catalog.pg_wal_lsn_diff(CAST(? AS pg_catalog.pg_lsn), r.replay_lsn)::bigint,"
            + " (EXTRACT(EPOCH FROM r.replay_lag) * 1000)::bigint"
            + " FROM pg_catalog.pg_stat_replication r"
            + " WHERE r.state IS DISTINCT FROM 'backup'"
            + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_replication_slots s"
            + " WHERE s.slot_type = 'logical' AND s.active_pid = r.pid)"
            + " ORDER BY r.application_name, r.pid";

    private final Connection connection;

    public ReplicationProbe(Connection connection) {
        this.connection = connection;
    }

    /**
     * One streaming standby as its WAL sender on the primary reports it.
     *
     * @param state           e.g. {@code streaming}, {@code catchup}; {@code null} when the role may not see details
     * @param replayLsn       the last WAL position the standby reported replayed, or {@code null}
     * @param bytesBehind     how far {@code replayLsn} is behind the position asked about (0 or less: past it),
     *                        {@code null} when unknown
     * @param replayLagMillis PostgreSQL's own measure of the replay delay, {@code null} when idle or unknown
     */
    public record Standby(int pid, String applicationName, String clientAddr, String state, String replayLsn,
                          Long bytesBehind, Long replayLagMillis) {

        /** Whether the role running the CLI may see this standby's positions (else they all read NULL). */
        public boolean detailsVisible() {
            return state != null;
        }

        public boolean replayed() {
            return bytesBehind != null && bytesBehind <= 0;
        }

        /** {@code application_name/client_addr}, escaped for printing. */
        public String label() {
            String name = applicationName == null || applicationName.isEmpty() ? null : applicationName;
            String addr = clientAddr == null ? (detailsVisible() ? "local" : null) : clientAddr;
            String label = name == null ? (addr == null ? "pid " + pid : addr) : addr == null ? name : name + "/" + addr;
            return SafeText.of(label);
        }
    }

    /** The standbys connected now, with how far each is behind {@code lsn}. */
    public List<Standby> standbys(String lsn) throws SQLException {
        List<Standby> standbys = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(STANDBYS)) {
            ps.setString(1, lsn);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    standbys.add(new Standby(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), (Long) rs.getObject(6), (Long) rs.getObject(7)));
                }
            }
        }
        return standbys;
    }

    /** Physical replication slots no WAL sender is using: each stands for a standby that is disconnected now. */
    public List<String> inactivePhysicalSlots() throws SQLException {
        List<String> slots = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT slot_name FROM pg_catalog.pg_replication_slots"
                     + " WHERE slot_type = 'physical' AND NOT active ORDER BY slot_name")) {
            while (rs.next()) {
                slots.add(rs.getString(1));
            }
        }
        return slots;
    }

    /** Whether this role sees WAL senders' positions: superusers and members of pg_read_all_stats (or pg_monitor). */
    public boolean positionsVisible() throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_catalog.pg_has_role('pg_read_all_stats', 'USAGE')")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    /** The role the CLI runs as, escaped for printing. */
    public String role() throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT current_user")) {
            rs.next();
            return SafeText.of(rs.getString(1));
        }
    }

    /** The server's WAL position now: written, on a primary; replayed, on a standby (where status may be run). */
    public String currentLsn() throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT (CASE WHEN pg_catalog.pg_is_in_recovery()"
                     + " THEN pg_catalog.pg_last_wal_replay_lsn() ELSE pg_catalog.pg_current_wal_lsn() END)::text")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
