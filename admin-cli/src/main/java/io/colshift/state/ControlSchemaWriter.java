package io.colshift.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The only code that changes colshift state. Every change runs in one transaction that also bumps
 * the state version, appends to {@code events} and sends {@code NOTIFY <schema>, '<version>'}; the
 * method returns only after the commit, so the change is durable and announced when it returns.
 *
 * <p>Transitions are compare-and-set on the current phase, which makes a re-run after a crash
 * converge: a transition already made is reported as such, not applied twice.
 */
public final class ControlSchemaWriter {

    private final Connection connection;
    private final ControlSchema schema;
    private final String actor;

    /**
     * @param connection a connection this writer may commit on; it is left in auto-commit mode after each call
     * @param actor      who makes the changes, recorded in {@code events} (e.g. {@code cli:alice@host})
     */
    public ControlSchemaWriter(Connection connection, ControlSchema schema, String actor) {
        this.connection = connection;
        this.schema = schema;
        this.actor = actor;
    }

    public ControlSchema schema() {
        return schema;
    }

    /** Creates or upgrades the control schema. Idempotent. */
    public void init() throws SQLException {
        inTransaction(() -> {
            try (Statement st = connection.createStatement()) {
                // serialise concurrent `colshift init` runs: CREATE ... IF NOT EXISTS races on the catalog
                st.execute("SELECT pg_advisory_xact_lock(hashtext('colshift-init:" + schema.name() + "'))");
                for (String ddl : schema.ddl()) {
                    st.execute(ddl);
                }
            }
            return null;
        });
    }

    /**
     * Grants {@code role} what a driver needs: {@code USAGE} on the schema, {@code SELECT} on its tables, and
     * {@code INSERT, UPDATE} on {@code clients} for heartbeats. Idempotent; run again after an upgrade adds tables.
     */
    public void grantDriverAccess(String role) throws SQLException {
        String quoted = connection.unwrap(org.postgresql.PGConnection.class).escapeIdentifier(role);
        inTransaction(() -> {
            try (Statement st = connection.createStatement()) {
                st.execute("GRANT USAGE ON SCHEMA " + schema.name() + " TO " + quoted);
                st.execute("GRANT SELECT ON ALL TABLES IN SCHEMA " + schema.name() + " TO " + quoted);
                st.execute("GRANT INSERT, UPDATE ON " + schema.table("clients") + " TO " + quoted);
            }
            return null;
        });
    }

    /** The current state version. */
    public long version() throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM " + schema.table("state"))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Moves migration {@code id} from {@code from} to {@code to}.
     *
     * @return the new state version, or -1 when the migration was not in {@code from}
     *         (already moved by an earlier run, or moved by someone else)
     */
    public long transition(String id, Phase from, Phase to, String detail) throws SQLException {
        return inTransaction(() -> {
            int updated;
            try (PreparedStatement ps = connection.prepareStatement("UPDATE " + schema.table("migrations")
                    + " SET phase = ?, updated_at = now(), updated_by = ? WHERE id = ? AND phase = ? AND NOT archived")) {
                ps.setString(1, to.label());
                ps.setString(2, actor);
                ps.setString(3, id);
                ps.setString(4, from.label());
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                return -1L;
            }
            return bumpAndRecord(id, "phase", from.label(), to.label(), detail);
        });
    }

    /**
     * Sets the write flag of migration {@code id}.
     *
     * @return the new state version, or -1 when the flag already had that value or the migration does not exist
     */
    public long setWriteFlag(String id, boolean enabled, String detail) throws SQLException {
        return inTransaction(() -> {
            int updated;
            try (PreparedStatement ps = connection.prepareStatement("UPDATE " + schema.table("migrations")
                    + " SET writes_enabled = ?, updated_at = now(), updated_by = ?"
                    + " WHERE id = ? AND writes_enabled <> ? AND NOT archived")) {
                ps.setBoolean(1, enabled);
                ps.setString(2, actor);
                ps.setString(3, id);
                ps.setBoolean(4, enabled);
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                return -1L;
            }
            return bumpAndRecord(id, "writes", enabled ? "off" : "on", enabled ? "on" : "off", detail);
        });
    }

    /**
     * Declares a migration, or replaces the spec of one still in {@code declared} (nothing has been done in the
     * database yet, so a corrected spec is safe to take).
     *
     * @param specJson the spec as JSON, stored in {@code migrations.spec}
     * @return the new state version, or -1 when the migration exists with this very spec, or exists but is past
     *         {@code declared} or archived (then nothing changes)
     */
    public long declare(ValidatedSpec validated, String specJson, String detail) throws SQLException {
        MigrationSpec spec = validated.spec();
        return inTransaction(() -> {
            int updated;
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + schema.table("migrations")
                    + " AS m (id, table_schema, table_name, column_name, column_type, default_expr, backfill_expr,"
                    + " read_fallback, not_null, index_spec, spec, phase, updated_by)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, 'declared', ?)"
                    + " ON CONFLICT (id) DO UPDATE SET table_schema = excluded.table_schema,"
                    + " table_name = excluded.table_name, column_name = excluded.column_name,"
                    + " column_type = excluded.column_type, default_expr = excluded.default_expr,"
                    + " backfill_expr = excluded.backfill_expr, read_fallback = excluded.read_fallback,"
                    + " not_null = excluded.not_null, index_spec = excluded.index_spec, spec = excluded.spec,"
                    + " updated_at = now(), updated_by = excluded.updated_by"
                    + " WHERE m.phase = 'declared' AND NOT m.archived AND m.spec <> excluded.spec"
                    + " RETURNING (xmax = 0) AS inserted")) {
                ps.setString(1, spec.id());
                ps.setString(2, spec.tableSchema());
                ps.setString(3, spec.tableName());
                ps.setString(4, spec.column());
                ps.setString(5, spec.type());
                ps.setString(6, spec.defaultExpr());
                ps.setString(7, spec.backfillExpr());
                ps.setString(8, validated.readFallback());
                ps.setBoolean(9, spec.notNull());
                ps.setString(10, spec.index() == null ? null
                        : "{\"concurrently\": " + spec.index().concurrently() + "}");
                ps.setString(11, specJson);
                ps.setString(12, actor);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return -1L;
                    }
                    updated = rs.getBoolean(1) ? 1 : 2;
                }
            }
            return bumpAndRecord(spec.id(), updated == 1 ? "declare" : "redeclare", null, Phase.DECLARED.label(), detail);
        });
    }

    /** Marks a {@code complete} migration archived: drivers stop loading it. */
    public long archive(String id, String detail) throws SQLException {
        return inTransaction(() -> {
            int updated;
            try (PreparedStatement ps = connection.prepareStatement("UPDATE " + schema.table("migrations")
                    + " SET archived = true, updated_at = now(), updated_by = ? WHERE id = ? AND NOT archived")) {
                ps.setString(1, actor);
                ps.setString(2, id);
                updated = ps.executeUpdate();
            }
            return updated == 0 ? -1L : bumpAndRecord(id, "archived", "false", "true", detail);
        });
    }

    /**
     * Runs {@code change} (which may modify {@code migrations} through {@link #connection()}) and records it
     * as one state change, for operations this class has no dedicated method for (e.g. {@code declare}).
     *
     * @return the new state version
     */
    public long record(String migrationId, String kind, String from, String to, String detail, SqlAction change)
            throws SQLException {
        return inTransaction(() -> {
            change.run(connection);
            return bumpAndRecord(migrationId, kind, from, to, detail);
        });
    }

    /** Appends an event without changing the state version (progress notes, refusals worth auditing). */
    public void note(String migrationId, String kind, String detail) throws SQLException {
        inTransaction(() -> {
            insertEvent(migrationId, kind, null, null, null, detail);
            return null;
        });
    }

    public Connection connection() {
        return connection;
    }

    private long bumpAndRecord(String id, String kind, String from, String to, String detail) throws SQLException {
        long version;
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("UPDATE " + schema.table("state")
                     + " SET version = version + 1, changed_at = now() RETURNING version")) {
            rs.next();
            version = rs.getLong(1);
        }
        insertEvent(id, kind, from, to, version, detail);
        try (PreparedStatement ps = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, schema.channel());
            ps.setString(2, Long.toString(version));
            ps.execute();
        }
        return version;
    }

    private void insertEvent(String id, String kind, String from, String to, Long version, String detail)
            throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + schema.table("events")
                + " (actor, migration_id, kind, from_value, to_value, state_version, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, actor);
            ps.setString(2, id);
            ps.setString(3, kind);
            ps.setString(4, from);
            ps.setString(5, to);
            if (version == null) {
                ps.setNull(6, java.sql.Types.BIGINT);
            } else {
                ps.setLong(6, version);
            }
            ps.setString(7, detail);
            ps.executeUpdate();
        }
    }

    private <T> T inTransaction(SqlWork<T> work) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            T result = work.run();
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** A change to run inside a recorded state change. */
    @FunctionalInterface
    public interface SqlAction {
        void run(Connection connection) throws SQLException;
    }
}
