package io.colshift.phase;

import io.colshift.state.ControlSchema;
import io.colshift.state.Heartbeats;
import io.colshift.state.MigrationCounters;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Reads the p99 latency the drivers report for one migration's statements ({@code clients.counters -> id ->>
 * 'p99Ms'}, written with every heartbeat over the last heartbeat interval).
 *
 * <p>The application role writes those rows, so they are untrusted input: at most {@link #MAX_CLIENTS} rows and
 * {@link #MAX_TEXT} characters per value are read, anything that is not a finite non-negative number is ignored,
 * and values are capped at {@link #MAX_P99_MS}, as
 * {@link MigrationCounters#millis} reads them for {@code status} too. The backfill only ever slows down on these figures, never speeds
 * up beyond its other throttles, so a forged value can at worst make it slow (a huge current p99) or leave the
 * latency throttle inert (a huge baseline), never harm the application.
 *
 * <p>The figure is the <b>maximum</b> over live drivers: the slowest instance's users are the ones a backfill hurts,
 * and one instance reporting alone is not outvoted by idle ones. A driver running several applications reports one
 * row per application name; each row counts like a driver of its own. Only heartbeats of the last two intervals count:
 * older figures describe a load that is gone.
 */
final class AppLatencyProbe {

    static final int MAX_CLIENTS = 10_000;
    static final int MAX_TEXT = 32;
    static final double MAX_P99_MS = MigrationCounters.MAX_MS;
    private static final String UNDEFINED_COLUMN = "42703";

    /** One reading: the highest p99, and when the newest heartbeat that contributed to it was written. */
    record Reading(double p99Ms, int drivers, long newestBeatMicros) {
    }

    private final Connection connection;
    private final String sql;
    private final String migrationId;
    private boolean unavailable;

    AppLatencyProbe(Connection connection, ControlSchema schema, String migrationId) {
        this.connection = connection;
        this.migrationId = migrationId;
        this.sql = "SELECT pg_catalog.left((c.counters OPERATOR(pg_catalog.->) ?) OPERATOR(pg_catalog.->>) 'p99Ms', "
                + MAX_TEXT + "), (pg_catalog.date_part('epoch', c.last_seen) * 1000000)::bigint FROM "
                + schema.table("clients") + " c WHERE c.last_seen > pg_catalog.now() - pg_catalog.make_interval("
                + "secs => " + Heartbeats.INTERVAL.multipliedBy(2).toMillis() / 1000.0 + ")"
                + " AND pg_catalog.jsonb_typeof(c.counters) = 'object' LIMIT " + MAX_CLIENTS;
    }

    /** The latest reading, or null when no live driver reports a p99 for this migration (or the schema has none). */
    Reading read() {
        if (unavailable) {
            return null;
        }
        double max = -1;
        int drivers = 0;
        long newest = Long.MIN_VALUE;
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, migrationId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    double p99 = parse(rs.getString(1));
                    if (p99 < 0) {
                        continue;
                    }
                    drivers++;
                    max = Math.max(max, p99);
                    newest = Math.max(newest, rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            // best effort like the other throttle signals; a schema before version 3 has no counters at all
            unavailable = UNDEFINED_COLUMN.equals(e.getSQLState());
            return null;
        }
        return drivers == 0 ? null : new Reading(max, drivers, newest);
    }

    /** A reported value, or -1 when it is not a finite non-negative number. */
    static double parse(String text) {
        if (text == null || text.isEmpty() || text.length() >= MAX_TEXT) {
            return -1;
        }
        try {
            Double v = MigrationCounters.millis(Double.parseDouble(text));
            return v == null ? -1 : v;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
