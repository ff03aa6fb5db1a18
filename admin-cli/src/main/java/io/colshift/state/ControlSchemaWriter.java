package io.colshift.state;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * The only code that changes colshift state. Every change runs in one transaction that also bumps
 * the state version, appends to {@code events} and sends {@code NOTIFY <schema>, '<version>'}; the
 * method returns only after the commit, so the change is durable and announced when it returns.
 *
 * <p>Transitions are compare-and-set on the current phase, which makes a re-run after a crash
 * converge: a transition already made is reported as such, not applied twice.
 *
 * <p>After each commit that bumps the state version, the writer remembers it as {@link #lastCommit()}: the WAL
 * position right after the commit and the moment the commit returned, which is what the step's barrier waits
 * from. Those transactions run with {@code synchronous_commit = remote_apply}: the commit record is flushed before
 * the commit returns (so the WAL position read afterwards is past it), and standbys report their replay of it at
 * once instead of at their next status interval. The commit waits only for synchronous standbys, if any are
 * configured, which the barrier would wait for anyway.
 */
public final class ControlSchemaWriter {

    private final Connection connection;
    private final ControlSchema schema;
    private final String actor;
    private Long uncommittedVersion;
    private StateCommit lastCommit;

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
        init(null);
    }

    /**
     * Creates or upgrades the control schema. Idempotent. A schema created by this call starts with
     * {@code initialLease} (when not null) in the same transaction, so no driver ever sees another lease and no
     * barrier is needed; on an existing schema the lease is left alone (see {@link #setLease}).
     *
     * @return whether this call created the schema
     */
    public boolean init(Duration initialLease) throws SQLException {
        return inTransaction(() -> {
            boolean created;
            try (Statement st = connection.createStatement()) {
                // serialise concurrent `colshift init` runs: CREATE ... IF NOT EXISTS races on the catalog
                st.execute("SELECT pg_advisory_xact_lock(hashtext('colshift-init:" + schema.name() + "'))");
                try (ResultSet rs = st.executeQuery("SELECT pg_catalog.to_regclass('" + schema.table("state")
                        + "') IS NULL")) {
                    rs.next();
                    created = rs.getBoolean(1);
                }
                for (String ddl : schema.ddl()) {
                    st.execute(ddl);
                }
            }
            if (created && initialLease != null) {
                try (PreparedStatement ps = connection.prepareStatement("UPDATE " + schema.table("state")
                        + " SET lease_ms = ?")) {
                    ps.setLong(1, initialLease.toMillis());
                    ps.executeUpdate();
                }
                insertEvent(null, "lease", null, Long.toString(initialLease.toMillis()), 1L,
                        "control schema created with this staleness lease");
            }
            return created;
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

    /** The last state change this writer committed, if it committed any. */
    public Optional<StateCommit> lastCommit() {
        return Optional.ofNullable(lastCommit);
    }

    /**
     * Sets the staleness lease, recorded as a {@code lease} event (from and to in milliseconds) and a new state
     * version, so that drivers pick the new lease up like any other change.
     *
     * @return the new state version, or -1 when the lease already had that value
     */
    public long setLease(Duration lease, String detail) throws SQLException {
        long ms = lease.toMillis();
        return inTransaction(() -> {
            long old;
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT lease_ms FROM " + schema.table("state") + " FOR UPDATE")) {
                rs.next();
                old = rs.getLong(1);
            }
            if (old == ms) {
                return -1L;
            }
            try (PreparedStatement ps = connection.prepareStatement("UPDATE " + schema.table("state")
                    + " SET lease_ms = ?")) {
                ps.setLong(1, ms);
                ps.executeUpdate();
            }
            return bumpAndRecord(null, "lease", Long.toString(old), Long.toString(ms), detail);
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

    /**
     * {@link #note}, best effort: for recording a failure the command reports anyway, on a connection that may be
     * what failed. A failure to record it must not hide the failure itself.
     */
    public void noteQuietly(String migrationId, String kind, String detail) {
        try {
            note(migrationId, kind, detail);
        } catch (SQLException | RuntimeException ignored) {
            // the caller reports the failure itself
        }
    }

    public Connection connection() {
        return connection;
    }

    private long bumpAndRecord(String id, String kind, String from, String to, String detail) throws SQLException {
        long version;
        try (Statement st = connection.createStatement()) {
            // see the class comment: flushed before the commit returns, replay reported by standbys at once
            st.execute("SELECT pg_catalog.set_config('synchronous_commit', 'remote_apply', true)");
        }
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
        uncommittedVersion = version;
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
        uncommittedVersion = null;
        try {
            T result = work.run();
            connection.commit();
            if (uncommittedVersion != null) {
                rememberCommit(uncommittedVersion);
            }
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            uncommittedVersion = null;
            connection.setAutoCommit(autoCommit);
        }
    }

    private void rememberCommit(long version) throws SQLException {
        long committedAt = System.nanoTime();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_catalog.pg_current_wal_lsn()::text")) {
            rs.next();
            lastCommit = new StateCommit(version, rs.getString(1), committedAt);
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
