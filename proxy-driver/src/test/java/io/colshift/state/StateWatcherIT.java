package io.colshift.state;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

@WithPostgres
class StateWatcherIT {

    private final TestDatabase db;

    StateWatcherIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeAll
    static void createTables(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS users (id bigint PRIMARY KEY, email text, deleted_at timestamptz)");
            st.execute("CREATE TABLE IF NOT EXISTS orders (id bigint PRIMARY KEY, user_id bigint, status text)");
            st.execute("CREATE TABLE IF NOT EXISTS audit_log (id bigint PRIMARY KEY, note text)");
        }
    }

    @AfterAll
    static void stopWatchers() {
        StateWatchers.closeAll();
    }

    private SnapshotSource watch(String schema, long pollMs) {
        return StateWatchers.watch(db.jdbcUrl(), db.credentials(), schema, pollMs);
    }

    @Test
    void publishesLiveMigrationsWithTheColumnsOfEveryTableThatSharesAColumnName() throws Exception {
        ControlState state = new ControlState(db, "cs_snapshot");
        state.declare("users-status", "users", "status", "text", "'active'");
        state.change("INSERT INTO %s.migrations (id, table_schema, table_name, column_name, column_type, spec, phase)"
                + " VALUES ('done-one', 'public', 'audit_log', 'note', 'text', '{}', 'contracted')");
        long version = state.change("INSERT INTO %s.migrations (id, table_schema, table_name, column_name, column_type,"
                + " spec, phase, archived) VALUES ('old-one', 'public', 'audit_log', 'x', 'text', '{}', 'complete', true)");

        StateSnapshot snapshot = watch("cs_snapshot", 1000).current();

        assertThat(snapshot.version()).isEqualTo(version);
        assertThat(snapshot.migrations()).extracting(ColumnMigration::id).containsExactly("users-status");
        ColumnMigration m = snapshot.migrations().get(0);
        assertThat(m.phase()).isEqualTo(Phase.DECLARED);
        assertThat(m.readFallback()).isEqualTo("'active'");
        assertThat(snapshot.tableColumns()).containsOnlyKeys("public.users", "public.orders");
        assertThat(snapshot.tableColumns().get("public.users")).containsExactly("id", "email", "deleted_at");
        assertThat(snapshot.tableColumns().get("public.orders")).containsExactly("id", "user_id", "status");
        assertThat(snapshot.searchPath()).contains("public");
    }

    @Test
    void missingControlSchemaMeansPassThroughUntilItIsCreated() throws Exception {
        SnapshotSource source = watch("cs_late", 50);
        assertThat(source.current()).isSameAs(StateSnapshot.EMPTY);
        StateWatcher watcher = (StateWatcher) source;
        assertThat(watcher.stats().controlSchemaPresent()).isFalse();
        assertThat(watcher.stats().connected()).isTrue();

        ControlState state = new ControlState(db, "cs_late");
        long version = state.declare("users-tier", "users", "tier", "int", "0");
        assertThat(Eventually.holds(() -> source.current().version() == version)).isTrue();
        assertThat(source.current().migrations()).extracting(ColumnMigration::id).containsExactly("users-tier");
    }

    @Test
    void reconnectsAfterItsBackendIsTerminatedAndKeepsTheLastSnapshotMeanwhile() throws Exception {
        ControlState state = new ControlState(db, "cs_reconnect");
        state.declare("users-flag", "users", "flag", "boolean", "false");
        StateWatcher watcher = (StateWatcher) watch("cs_reconnect", 200);
        StateSnapshot before = watcher.current();
        assertThat(before.migrations()).hasSize(1);

        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                     + " WHERE application_name = 'colshift watcher cs_reconnect' AND datname = current_database()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).isTrue();
        }
        assertThat(watcher.current()).isSameAs(before);

        long version = state.change("UPDATE %s.migrations SET writes_enabled = true WHERE id = 'users-flag'");
        assertThat(Eventually.holds(() -> watcher.current().version() == version)).isTrue();
        assertThat(watcher.current().migrations().get(0).writesEnabled()).isTrue();
        assertThat(watcher.stats().reconnects()).isGreaterThanOrEqualTo(1);
        assertThat(watcher.stats().connected()).isTrue();
    }

    @Test
    void aDroppedControlSchemaKeepsTheLastSnapshotRatherThanDroppingRewritesMidMigration() throws Exception {
        ControlState state = new ControlState(db, "cs_dropped");
        long version = state.declare("users-kept", "users", "kept", "text", "'x'");
        StateWatcher watcher = (StateWatcher) watch("cs_dropped", 50);
        assertThat(watcher.current().version()).isEqualTo(version);

        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA cs_dropped CASCADE");
        }
        assertThat(Eventually.holds(() -> !watcher.stats().controlSchemaPresent())).isTrue();
        assertThat(watcher.current().version()).isEqualTo(version);
        assertThat(watcher.current().migrations()).extracting(ColumnMigration::id).containsExactly("users-kept");
        assertThat(watcher.stats().connected()).isTrue();
    }

    @Test
    void heartbeatsRecordTheAcknowledgedVersion() throws Exception {
        ControlState state = new ControlState(db, "cs_beat");
        StateWatcher watcher = (StateWatcher) watch("cs_beat", 1000);
        long version = state.declare("users-beat", "users", "beat", "int", "NULL");
        assertThat(Eventually.holds(() -> ackedVersion("cs_beat", watcher.getClientId()) == version)).isTrue();
        assertThat(watcher.stats().heartbeats()).isPositive();
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT server, in_recovery FROM cs_beat.clients WHERE client_id = '"
                     + watcher.getClientId() + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString("server")).isEqualTo(watcher.getServer());
            assertThat(rs.getBoolean("in_recovery")).isFalse();
        }
    }

    @Test
    void aPrimarysWatcherListensAndRenewsItsLeaseWithinTheControlSchemasLease() throws Exception {
        ControlState state = new ControlState(db, "cs_renew");
        state.change("UPDATE %s.state SET lease_ms = 200");
        StateWatcher watcher = (StateWatcher) watch("cs_renew", 600_000);
        assertThat(watcher.stats().listening()).isTrue();
        assertThat(watcher.stats().inRecovery()).isFalse();
        assertThat(watcher.stats().leaseMs()).isEqualTo(200);
        String firstRefresh = watcher.getLastRefresh();
        // no change and a poll interval far beyond the test: only lease renewals move lastRefresh
        assertThat(Eventually.holds(() -> !watcher.getLastRefresh().equals(firstRefresh))).isTrue();
        assertThat(watcher.stats().stateOrigin()).isEqualTo("watcher-poll");
        assertThat(watcher.stats().inlineRefreshes()).isZero();
    }

    @Test
    void aControlSchemaFromBeforeLeasesIsFollowedWithTheDefaultLease() throws Exception {
        ControlState state = new ControlState(db, "cs_v1");
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE cs_v1.state DROP COLUMN lease_ms");
            st.execute("ALTER TABLE cs_v1.clients DROP COLUMN server, DROP COLUMN in_recovery");
        }
        long version = state.declare("users-v1", "users", "v1", "int", "1");
        StateWatcher watcher = (StateWatcher) watch("cs_v1", 1000);
        assertThat(watcher.current().version()).isEqualTo(version);
        assertThat(watcher.stats().leaseMs()).isEqualTo(WatchSettings.DEFAULT_LEASE_MS);
        assertThat(Eventually.holds(() -> ackedVersion("cs_v1", watcher.getClientId()) == version)).isTrue();
    }

    @Test
    void aRoleWithoutWriteAccessStillFollowsTheStateAndOnlyLosesHeartbeats() throws Exception {
        ControlState state = new ControlState(db, "cs_readonly");
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("DROP ROLE IF EXISTS cs_watch_reader");
            st.execute("CREATE ROLE cs_watch_reader LOGIN PASSWORD 'pw'");
            st.execute("GRANT USAGE ON SCHEMA cs_readonly TO cs_watch_reader");
            st.execute("GRANT SELECT ON ALL TABLES IN SCHEMA cs_readonly TO cs_watch_reader");
        }
        Properties reader = new Properties();
        reader.setProperty("user", "cs_watch_reader");
        reader.setProperty("password", "pw");
        StateWatcher watcher = (StateWatcher) StateWatchers.watch(db.jdbcUrl(), reader, "cs_readonly", 100);

        long version = state.declare("users-ro", "users", "ro", "int", "1");
        assertThat(Eventually.holds(() -> watcher.current().version() == version)).isTrue();
        assertThat(Eventually.holds(() -> watcher.stats().heartbeatFailures() > 0)).isTrue();
        assertThat(watcher.stats().heartbeats()).isZero();
        assertThat(watcher.stats().connected()).isTrue();
    }

    @Test
    void exposesItsNumbersThroughJmx() throws Exception {
        ControlState state = new ControlState(db, "cs_jmx");
        long version = state.declare("users-jmx", "users", "jmx", "int", "NULL");
        StateWatcher watcher = (StateWatcher) watch("cs_jmx", 1000);
        watcher.addCounters(() -> java.util.Map.of("rewrites", 42L));

        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        List<ObjectName> names = List.copyOf(server.queryNames(new ObjectName("io.colshift:type=StateWatcher,schema=cs_jmx,*"), null));
        assertThat(names).hasSize(1);
        assertThat(server.getAttribute(names.get(0), "StateVersion")).isEqualTo(version);
        assertThat((String[]) server.getAttribute(names.get(0), "Migrations"))
                .containsExactly("users-jmx public.users.jmx declared writes=off");
        assertThat(watcher.stats().counters()).containsEntry("rewrites", 42L);
        assertThat(watcher.stats().lastRefresh()).isNotNull();
    }

    @Test
    void oneWatcherPerDatabaseAndSchemaWhateverTheUrlParameters() {
        SnapshotSource a = watch("cs_shared", 1000);
        String withParams = db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "ApplicationName=other-pool";
        SnapshotSource b = StateWatchers.watch(withParams, db.credentials(), "cs_shared", 1000);
        assertThat(b).isSameAs(a);
        assertThat(StateWatchers.watch(db.jdbcUrl(), db.credentials(), "cs_other", 1000)).isNotSameAs(a);
    }

    private long ackedVersion(String schema, String clientId) {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT acked_version FROM " + schema + ".clients WHERE client_id = '"
                     + clientId + "'")) {
            return rs.next() ? rs.getLong(1) : -1;
        } catch (Exception e) {
            return -1;
        }
    }
}
