package io.colshift.phase;

import io.colshift.state.ControlSchema;
import io.colshift.state.Heartbeats;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Waits until every live driver has acknowledged a state version (rule 5: destructive steps wait for a barrier).
 * A driver is live when its last heartbeat in {@code clients} is recent ({@link Heartbeats#LIVE_WITHIN}). When no
 * driver sends heartbeats (they need write access to {@code clients}, which is optional), there is nothing to wait
 * on, so the barrier waits two poll intervals, the longest a polling driver can take to see a change, and says so.
 */
public final class ClientBarrier {

    private static final Duration RECHECK = Duration.ofMillis(250);

    private final Connection connection;
    private final ControlSchema schema;
    private final Duration pollInterval;
    private final Duration maxWait;

    public ClientBarrier(Connection connection, ControlSchema schema, Duration pollInterval, Duration maxWait) {
        this.connection = connection;
        this.schema = schema;
        this.pollInterval = pollInterval;
        this.maxWait = maxWait;
    }

    /** A live driver that has not yet acknowledged the version. */
    record Laggard(String clientId, String host, long pid, String applicationName, long ackedVersion) {
        String describe() {
            return clientId + " (" + (applicationName == null ? "no application_name" : applicationName) + " on "
                    + host + ", pid " + pid + ", at version " + ackedVersion + ")";
        }
    }

    /** @throws PreconditionFailed when live drivers have not acknowledged within {@code maxWait} */
    public void await(long version, Consumer<String> say) throws SQLException, PhaseException {
        if (liveClients() == 0) {
            Duration wait = pollInterval.multipliedBy(2);
            say.accept("barrier: no driver has sent a heartbeat in the last " + Durations.human(Heartbeats.LIVE_WITHIN)
                    + " (drivers without write access to " + schema.table("clients") + " send none); waiting 2 x poll"
                    + " interval = " + Durations.human(wait) + " for polling drivers to pick up state version " + version);
            Pause.sleep(wait);
            return;
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        long nextReport = 0;
        while (true) {
            List<Laggard> laggards = laggards(version);
            if (laggards.isEmpty()) {
                say.accept("barrier: every live driver runs state version " + version + " or later");
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new PreconditionFailed("after " + Durations.human(maxWait) + ", " + laggards.size()
                        + " live driver(s) still run an older state version than " + version + ": "
                        + describe(laggards) + ". They may be stuck or unable to read " + schema.name()
                        + "; the column was left in place. Run the same command again once they caught up.");
            }
            if (System.nanoTime() >= nextReport) {
                say.accept("barrier: waiting for " + laggards.size() + " driver(s) to acknowledge state version "
                        + version + ": " + describe(laggards));
                nextReport = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            }
            Pause.sleep(RECHECK);
        }
    }

    private int liveClients() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM " + schema.table("clients")
                + " WHERE last_seen >= now() - make_interval(secs => ?)")) {
            ps.setDouble(1, Heartbeats.LIVE_WITHIN.toMillis() / 1000.0);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private List<Laggard> laggards(long version) throws SQLException {
        List<Laggard> laggards = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT client_id, host, pid, application_name,"
                + " acked_version FROM " + schema.table("clients")
                + " WHERE last_seen >= now() - make_interval(secs => ?) AND acked_version < ? ORDER BY client_id")) {
            ps.setDouble(1, Heartbeats.LIVE_WITHIN.toMillis() / 1000.0);
            ps.setLong(2, version);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    laggards.add(new Laggard(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                            rs.getLong(5)));
                }
            }
        }
        return laggards;
    }

    private static String describe(List<Laggard> laggards) {
        List<String> parts = new ArrayList<>();
        for (Laggard l : laggards.subList(0, Math.min(5, laggards.size()))) {
            parts.add(l.describe());
        }
        return String.join(", ", parts) + (laggards.size() > 5 ? " and " + (laggards.size() - 5) + " more" : "");
    }
}
