package io.colshift.phase;

import io.colshift.state.ControlSchema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.ResultSet;
import java.time.Duration;

/**
 * The staleness lease a barrier waits: {@code state.lease_ms} as read at the step, but never less than a previous
 * value that was replaced less than twice that previous value ago (from the {@code lease} events). A driver that
 * read its state just before the lease was lowered keeps the old, longer lease until its next refresh, so for a while
 * barriers must keep waiting the old one. Twice the old lease covers the time the lowering took to commit with a wide
 * margin, and keeps the rule to one query.
 *
 * @param current  {@code state.lease_ms}
 * @param previous the longest lease replaced within twice its own length, or {@code null}
 */
record Lease(Duration current, Duration previous) {

    private static final String QUERY = "SELECT s.lease_ms, (SELECT max(p.ms) FROM (SELECT CASE WHEN e.from_value"
            + " ~ '^[0-9]{1,7}$' THEN e.from_value::int END AS ms, e.at FROM %1$s e WHERE e.kind = 'lease'"
            + " AND e.at >= now() - interval '30 minutes') p WHERE p.at >= now() - 2 * p.ms * interval '1 millisecond')"
            + " FROM %2$s s";

    /** What to wait. */
    Duration waited() {
        return previous != null && previous.compareTo(current) > 0 ? previous : current;
    }

    /** {@code 2 s}, or {@code 2 s, the previous 10 s still in force} while a lowered lease is not yet the only one. */
    String describe() {
        return Lease.human(current) + (waited().equals(current) ? ""
                : ", the previous " + Lease.human(previous) + " still in force");
    }

    static Lease read(Connection connection, ControlSchema schema) throws SQLException, PhaseException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery(String.format(QUERY, schema.table("events"), schema.table("state")))) {
            rs.next();
            long previous = rs.getLong(2);
            return new Lease(Duration.ofMillis(rs.getLong(1)), rs.wasNull() ? null : Duration.ofMillis(previous));
        } catch (SQLException e) {
            if ("42703".equals(e.getSQLState())) {
                throw new PreconditionFailed("control schema '" + schema.name() + "' predates the staleness lease"
                        + " (state.lease_ms): run `colshift init` to upgrade it, then run this command again");
            }
            throw e;
        }
    }

    /** {@code 200 ms}, {@code 2 s}, {@code 2.5 s}, {@code 10 min}: how leases are written in messages. */
    static String human(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + " min";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + " s";
        }
        return Durations.human(d);
    }
}
