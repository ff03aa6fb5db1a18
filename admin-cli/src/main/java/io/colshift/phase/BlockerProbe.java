package io.colshift.phase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds who blocks a waiting session. It must run on a different connection while the waiter is still waiting:
 * once the waiter's lock timeout fires, {@code pg_blocking_pids} has nothing left to report.
 */
public final class BlockerProbe {

    private static final String BLOCKERS = "SELECT a.pid, a.application_name, host(a.client_addr), a.state,"
            + " extract(epoch FROM now() - a.xact_start) * 1000, a.query"
            + " FROM pg_stat_activity a WHERE a.pid = ANY(pg_blocking_pids(?)) ORDER BY a.xact_start NULLS LAST, a.pid";

    private final Connection monitor;

    public BlockerProbe(Connection monitor) {
        this.monitor = monitor;
    }

    public List<Blocker> blockersOf(int waitingPid) throws SQLException {
        List<Blocker> blockers = new ArrayList<>();
        try (PreparedStatement ps = monitor.prepareStatement(BLOCKERS)) {
            ps.setInt(1, waitingPid);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double ageMs = rs.getDouble(5);
                    Duration age = rs.wasNull() ? null : Duration.ofMillis((long) ageMs);
                    blockers.add(new Blocker(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), age,
                            rs.getString(6)));
                }
            }
        }
        return blockers;
    }

    /** How many sessions are waiting right now on locks held by {@code pid}. */
    public int waitersOn(int pid) throws SQLException {
        try (PreparedStatement ps = monitor.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND ? = ANY(pg_blocking_pids(pid))")) {
            ps.setInt(1, pid);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The worst replay lag among streaming replicas, in ms (0 without replicas). */
    public long replicaLagMillis() throws SQLException {
        try (PreparedStatement ps = monitor.prepareStatement("SELECT coalesce(max(extract(epoch FROM replay_lag)"
                + " * 1000), 0)::bigint FROM pg_stat_replication");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
