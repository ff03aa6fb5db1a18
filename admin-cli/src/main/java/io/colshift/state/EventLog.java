package io.colshift.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reads the audit trail ({@code events}) for {@code history} and {@code status}. Changes nothing. */
public final class EventLog {

    private final Connection connection;
    private final ControlSchema schema;

    public EventLog(Connection connection, ControlSchema schema) {
        this.connection = connection;
        this.schema = schema;
    }

    /**
     * The last {@code limit} events (of migration {@code id} when not null, newer than {@code since} when not null),
     * oldest first, so that the trail reads in the order things happened.
     */
    public List<EventRow> events(String id, Duration since, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT id, at, actor, migration_id, kind, from_value, to_value,"
                + " state_version, detail FROM " + schema.table("events") + " WHERE true");
        if (id != null) {
            sql.append(" AND migration_id = ?");
        }
        if (since != null) {
            sql.append(" AND at >= now() - make_interval(secs => ?)");
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        List<EventRow> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql.toString())) {
            int i = 1;
            if (id != null) {
                ps.setString(i++, id);
            }
            if (since != null) {
                ps.setDouble(i++, since.toMillis() / 1000.0);
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new EventRow(rs.getLong(1), iso(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), (Long) rs.getObject(8), rs.getString(9)));
                }
            }
        }
        Collections.reverse(rows);
        return rows;
    }

    /**
     * Migrations completed (archived) or rolled back within {@code within}, most recent first. A rollback is the
     * {@code phase} event back to {@code declared} that the rollback step records.
     */
    public List<RecentOutcome> recentOutcomes(Duration within) throws SQLException {
        List<RecentOutcome> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT e.migration_id,"
                + " m.table_schema || '.' || m.table_name, m.column_name,"
                + " CASE WHEN e.kind = 'archived' THEN 'completed' ELSE 'rolled back' END, e.at, e.actor,"
                + " e.state_version, e.detail FROM " + schema.table("events") + " e LEFT JOIN "
                + schema.table("migrations") + " m ON m.id = e.migration_id"
                + " WHERE e.at >= now() - make_interval(secs => ?) AND e.migration_id IS NOT NULL"
                + " AND (e.kind = 'archived' OR (e.kind = 'phase' AND e.to_value = 'declared'"
                + " AND e.from_value IS DISTINCT FROM 'declared'))"
                + " ORDER BY e.at DESC, e.id DESC")) {
            ps.setDouble(1, within.toMillis() / 1000.0);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new RecentOutcome(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            iso(rs, 5), rs.getString(6), (Long) rs.getObject(7), rs.getString(8)));
                }
            }
        }
        return rows;
    }

    private static String iso(ResultSet rs, int column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant().toString();
    }
}
