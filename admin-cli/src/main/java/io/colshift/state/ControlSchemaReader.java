package io.colshift.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads colshift state for the CLI: migrations, backfill checkpoints, live drivers. Changes nothing. */
public final class ControlSchemaReader {

    private static final String MIGRATION_COLUMNS = "id, table_schema, table_name, column_name, column_type,"
            + " default_expr, backfill_expr, read_fallback, not_null, index_spec::text, spec::text, phase,"
            + " writes_enabled, archived, created_at, updated_at, updated_by";

    private final Connection connection;
    private final ControlSchema schema;

    public ControlSchemaReader(Connection connection, ControlSchema schema) {
        this.connection = connection;
        this.schema = schema;
    }

    /** {@code state.lease_ms}: the staleness lease drivers keep to. */
    public long leaseMillis() throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT lease_ms FROM " + schema.table("state"))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public long version() throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM " + schema.table("state"))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public Optional<MigrationRow> migration(String id) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + MIGRATION_COLUMNS + " FROM "
                + schema.table("migrations") + " WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(migrationRow(rs)) : Optional.empty();
            }
        }
    }

    /** Migrations in creation order; archived ones only when asked for. */
    public List<MigrationRow> migrations(boolean includeArchived) throws SQLException {
        List<MigrationRow> rows = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + MIGRATION_COLUMNS + " FROM " + schema.table("migrations")
                     + (includeArchived ? "" : " WHERE NOT archived") + " ORDER BY created_at, id")) {
            while (rs.next()) {
                rows.add(migrationRow(rs));
            }
        }
        return rows;
    }

    /** The live migration (not archived) that adds {@code column} to {@code schema.table}, if any. */
    public Optional<MigrationRow> liveMigrationOf(String tableSchema, String tableName, String column) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + MIGRATION_COLUMNS + " FROM "
                + schema.table("migrations") + " WHERE table_schema = ? AND table_name = ? AND column_name = ?"
                + " AND NOT archived")) {
            ps.setString(1, tableSchema);
            ps.setString(2, tableName);
            ps.setString(3, column);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(migrationRow(rs)) : Optional.empty();
            }
        }
    }

    public Optional<BackfillProgressRow> backfillProgress(String id) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT migration_id, last_key::text, rows_done,"
                + " rows_estimate, batch_size, paused, updated_at FROM " + schema.table("backfill_progress")
                + " WHERE migration_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new BackfillProgressRow(rs.getString(1), rs.getString(2), rs.getLong(3),
                        (Long) rs.getObject(4), (Integer) rs.getObject(5), rs.getBoolean(6), iso(rs, 7)));
            }
        }
    }

    /** Every driver that ever sent a heartbeat, live ones first, most recent first. */
    public List<ClientRow> clients() throws SQLException {
        List<ClientRow> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT client_id, host, pid, application_name,"
                + " acked_version, started_at, last_seen, server, in_recovery,"
                + " last_seen >= now() - make_interval(secs => ?) AS live FROM "
                + schema.table("clients") + " ORDER BY live DESC, last_seen DESC, client_id")) {
            ps.setLong(1, Heartbeats.LIVE_WITHIN.toSeconds());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ClientRow(rs.getString(1), rs.getString(2), (Long) rs.getObject(3), rs.getString(4),
                            rs.getLong(5), iso(rs, 6), iso(rs, 7), rs.getString(8), (Boolean) rs.getObject(9),
                            rs.getBoolean(10)));
                }
            }
        }
        return rows;
    }

    /**
     * Every heartbeat row's adoption counters by client id, or empty when {@code clients} has no {@code counters}
     * column (a control schema older than version 3): then there is no adoption data at all.
     */
    public Optional<java.util.Map<String, ClientCounters>> clientCounters() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute"
                + " WHERE attrelid = pg_catalog.to_regclass(?) AND attname = 'counters' AND NOT attisdropped)")) {
            ps.setString(1, schema.table("clients"));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return Optional.empty();
                }
            }
        }
        java.util.Map<String, ClientCounters> counters = new java.util.LinkedHashMap<>();
        // the length cap is applied before the text reaches the JVM: the application role writes these rows
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT client_id, CASE WHEN pg_catalog.octet_length(counters::text) <= "
                     + ClientCounters.MAX_CHARS + " THEN counters::text END FROM " + schema.table("clients"))) {
            while (rs.next()) {
                counters.put(rs.getString(1), ClientCounters.parse(rs.getString(1), rs.getString(2)));
            }
        }
        return Optional.of(counters);
    }

    private MigrationRow migrationRow(ResultSet rs) throws SQLException {
        return new MigrationRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9), rs.getString(10),
                rs.getString(11), UnreadableState.phase(schema, rs.getString(1), rs.getString(12)), rs.getBoolean(13), rs.getBoolean(14),
                iso(rs, 15), iso(rs, 16), rs.getString(17));
    }

    private static String iso(ResultSet rs, int column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant().toString();
    }
}
