package io.colshift.driver;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import io.colshift.state.ControlSchema;
import io.colshift.state.StateWatcher;
import io.colshift.state.StateWatchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import javax.management.openmbean.TabularData;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import static io.colshift.driver.ControlState.awaitVersion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The driver as a sensor, through {@code jdbc:colshift:} on a real server: each execution that reads or writes a
 * migrating column, each write held back, each statement refused or sent unchanged shows up per migration in the
 * heartbeat row ({@code clients.counters}) and in JMX; statements on other tables leave no trace.
 */
@WithPostgres
class AdoptionCountersIT {

    private static final AtomicInteger TESTS = new AtomicInteger();
    private static final String UNREWRITABLE = "SELECT u.status FROM users u NATURAL JOIN (SELECT 1 AS id) x";

    private final String schema = "cs_adopt_" + TESTS.incrementAndGet();
    private final TestDatabase db;

    AdoptionCountersIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void expandUsersStatus() throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            st.execute("DROP TABLE IF EXISTS users, orders CASCADE");
            st.execute("CREATE TABLE users (id int PRIMARY KEY, name text, status text)");
            st.execute("CREATE TABLE orders (id int PRIMARY KEY)");
            st.execute("INSERT INTO users VALUES (1, 'ann', NULL)");
            for (String ddl : ControlSchema.named(schema).ddl()) {
                st.execute(ddl);
            }
        }
        admin("INSERT INTO " + schema + ".migrations (id, table_schema, table_name, column_name, column_type,"
                + " default_expr, read_fallback, spec, phase) VALUES ('users-status', 'public', 'users', 'status',"
                + " 'text', '''active''', '''active''', '{}', 'expanded')", bumpVersion());
    }

    @Test
    void readsWritesHeldBackWritesAndRefusalsShowUpInTheHeartbeatAndJmx() throws Exception {
        try (Connection c = connect(""); Statement st = c.createStatement()) {
            awaitVersion(c, 2);
            try (ResultSet rs = st.executeQuery("SELECT status FROM users WHERE id = 1")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("active");
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE users SET status = ?, name = ? WHERE id = ?")) {
                ps.setString(1, "vip");
                ps.setString(2, "anna");
                ps.setInt(3, 1);
                assertThat(ps.executeUpdate()).isEqualTo(1); // the name is written, the status held back
            }
            st.executeQuery("SELECT id FROM orders").close(); // no migration: not counted anywhere
            admin("UPDATE " + schema + ".migrations SET writes_enabled = true", bumpVersion());
            awaitVersion(c, 3);
            st.executeUpdate("INSERT INTO users (id, name, status) VALUES (2, 'bob', 'new')"); // sent as written
        }
        try (Connection strict = connect("colshift.strict=true"); Statement st = strict.createStatement()) {
            assertThatThrownBy(() -> st.executeQuery(UNREWRITABLE)).isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(UnrewritablePolicy.SQLSTATE_STRICT);
        }
        try (Connection pass = connect("colshift.unrewritable=pass"); Statement st = pass.createStatement()) {
            st.executeQuery(UNREWRITABLE).close();
        }

        Map<String, String> m = awaitHeartbeatCounters(n -> "1".equals(n.get("passedUnchanged")));
        assertThat(m).containsEntry("reads", "1").containsEntry("writes", "2").containsEntry("heldBack", "1")
                .containsEntry("rewritten", "2").containsEntry("refused", "1").containsEntry("passedUnchanged", "1");
        assertThat(migrationsReported()).containsExactly("users-status");

        TabularData jmx = jmxCounters();
        assertThat(jmxCounter(jmx, "adoption.users-status.reads")).isEqualTo(1);
        assertThat(jmxCounter(jmx, "adoption.users-status.writes")).isEqualTo(2);
        assertThat(jmxCounter(jmx, "adoption.users-status.heldBack")).isEqualTo(1);
        assertThat(jmxCounter(jmx, "adoption.users-status.refused")).isEqualTo(1);
        assertThat(jmxCounter(jmx, "adoption.users-status.passedUnchanged.unsupported")).isEqualTo(1);
    }

    @Test
    void statementsOnTheMigratingTableReportTheirLatencyOfTheLastInterval() throws Exception {
        try (Connection c = connect(""); Statement st = c.createStatement()) {
            awaitVersion(c, 2);
            for (int i = 0; i < 20; i++) {
                st.executeQuery("SELECT status, pg_sleep(0.002) FROM users WHERE id = 1").close();
            }
        }
        // a heartbeat may fall in the middle of the loop: wait for the one after the last statement
        Map<String, String> m = awaitHeartbeatCounters(n -> "20".equals(n.get("reads")) && n.containsKey("p99Ms"));
        assertThat(m).containsEntry("reads", "20");
        // every statement slept 2 ms: whatever else it cost, neither percentile can be below that
        assertThat(Double.parseDouble(m.get("p50Ms"))).isGreaterThanOrEqualTo(1.7);
        assertThat(Double.parseDouble(m.get("p99Ms"))).isGreaterThanOrEqualTo(Double.parseDouble(m.get("p50Ms")));
    }

    @Test
    void twoApplicationsInOneJvmReportTheirAdoptionInRowsOfTheirOwn() throws Exception {
        try (Connection v1 = connect("ApplicationName=shop-v1"); Connection v2 = connect("ApplicationName=shop-v2");
             Statement old = v1.createStatement(); Statement fresh = v2.createStatement()) {
            awaitVersion(v1, 2);
            for (int i = 0; i < 3; i++) {
                old.executeQuery("SELECT * FROM users WHERE id = 1").close(); // gets the column, does not name it
                old.executeQuery("SELECT id, name FROM users WHERE id = 1").close();
            }
            fresh.executeQuery("SELECT status FROM users WHERE id = 1").close();
            fresh.executeQuery("SELECT id, status FROM users").close();
        }

        Map<String, Map<String, String>> rows = awaitRows(r -> r.size() == 2
                && "2".equals(r.getOrDefault("shop-v2", Map.of()).get("reads")));
        assertThat(rows.get("shop-v1")).containsEntry("reads", "0").containsEntry("writes", "0")
                .containsEntry("rewritten", "3");
        assertThat(rows.get("shop-v2")).containsEntry("reads", "2").containsEntry("writes", "0");
        List<String> ids = clientIds();
        assertThat(ids).hasSize(2);
        String holder = ids.stream().filter(id -> !id.contains("/")).findFirst().orElseThrow();
        assertThat(ids).containsExactlyInAnyOrder(holder, holder + "/1");
        assertThat(sameVersionServerAndRecovery()).isTrue();
    }

    @Test
    void aRefusedRowDoesNotKeepTheJvmsOtherApplicationsFromReporting() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE " + schema + ".clients ADD CONSTRAINT refuses_v1"
                    + " CHECK (application_name IS DISTINCT FROM 'shop-v1')");
        }
        // v1 connects first: its row is the holder's own, the first one each heartbeat writes, and it is refused
        try (Connection v1 = connect("ApplicationName=shop-v1"); Connection v2 = connect("ApplicationName=shop-v2");
             Statement fresh = v2.createStatement()) {
            awaitVersion(v1, 2);
            fresh.executeQuery("SELECT status FROM users WHERE id = 1").close();
            Map<String, Map<String, String>> rows = awaitRows(r -> "1".equals(r.getOrDefault("shop-v2", Map.of())
                    .get("reads")));
            assertThat(rows).doesNotContainKey("shop-v1");
        }
    }

    @Test
    void aClosingHolderMarksTheRowsOfAllItsApplicationsGone() throws Exception {
        try (Connection v1 = connect("ApplicationName=shop-v1"); Connection v2 = connect("ApplicationName=shop-v2");
             Statement old = v1.createStatement(); Statement fresh = v2.createStatement()) {
            awaitVersion(v1, 2);
            old.executeQuery("SELECT * FROM users").close();
            fresh.executeQuery("SELECT status FROM users").close();
        }
        awaitRows(r -> r.size() == 2);
        StateWatchers.watchers().stream().filter(w -> w.getControlSchema().equals(schema)).toList()
                .forEach(StateWatcher::close);
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE last_seen = '-infinity'), count(*) FROM "
                     + schema + ".clients")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(2).isEqualTo(rs.getLong(2));
        }
    }

    @Test
    void aSingleApplicationHasExactlyOneRowAsBefore() throws Exception {
        try (Connection a = connect("ApplicationName=billing"); Connection b = connect("ApplicationName=billing");
             Statement st = a.createStatement(); Statement other = b.createStatement()) {
            awaitVersion(a, 2);
            st.executeQuery("SELECT status FROM users").close();
            other.executeQuery("SELECT status FROM users").close();
        }
        Map<String, Map<String, String>> rows = awaitRows(r -> "2".equals(r.getOrDefault("billing", Map.of())
                .get("reads")));
        assertThat(rows).containsOnlyKeys("billing");
        assertThat(clientIds()).hasSize(1).allMatch(id -> !id.contains("/"));
    }

    @Test
    void applicationNamesBeyondTheBoundShareOneRow() throws Exception {
        int names = ApplicationAdoption.MAX_APPLICATIONS + 4;
        for (int i = 0; i < names; i++) {
            try (Connection c = connect("ApplicationName=tenant-" + i); Statement st = c.createStatement()) {
                awaitVersion(c, 2);
                st.executeQuery("SELECT status FROM users").close();
            }
        }
        Map<String, Map<String, String>> rows = awaitRows(r -> "4".equals(r.getOrDefault(
                ApplicationAdoption.OTHER_APPLICATIONS, Map.of()).get("reads")));
        assertThat(rows).hasSize(ApplicationAdoption.MAX_APPLICATIONS + 1);
        assertThat(rows.get("tenant-0")).containsEntry("reads", "1");
        assertThat(rows.get("tenant-15")).containsEntry("reads", "1");
        assertThat(rows).doesNotContainKey("tenant-16");
        assertThat(clientIds()).hasSize(ApplicationAdoption.MAX_APPLICATIONS + 1);
    }

    @Test
    void aControlSchemaWithoutTheCountersColumnStillGetsHeartbeats() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE " + schema + ".clients DROP COLUMN counters");
        }
        try (Connection c = connect(""); Statement st = c.createStatement()) {
            awaitVersion(c, 2);
            st.executeQuery("SELECT status FROM users").close();
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (clientRows() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(clientRows()).isPositive();
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------

    /**
     * The {@code users-status} counters of the latest heartbeat row, once they satisfy {@code condition}
     * (heartbeats are seconds apart); read with PostgreSQL's own JSON functions.
     */
    private Map<String, String> awaitHeartbeatCounters(Predicate<Map<String, String>> condition) throws Exception {
        Map<String, String> last = Map.of();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            last = new LinkedHashMap<>();
            try (Connection c = db.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT e.key, e.value::text FROM (SELECT counters FROM " + schema
                         + ".clients WHERE counters IS NOT NULL AND counters <> '{}'::jsonb ORDER BY last_seen DESC LIMIT 1) r,"
                         + " jsonb_each(r.counters->'users-status') e")) {
                while (rs.next()) {
                    last.put(rs.getString(1), rs.getString(2));
                }
            }
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("heartbeat counters never matched; last seen: " + last);
    }

    /**
     * The {@code users-status} counters of every heartbeat row by application name, once they satisfy
     * {@code condition}.
     */
    private Map<String, Map<String, String>> awaitRows(Predicate<Map<String, Map<String, String>>> condition)
            throws Exception {
        Map<String, Map<String, String>> last = Map.of();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            last = new LinkedHashMap<>();
            try (Connection c = db.connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT r.application_name, e.key, e.value::text FROM " + schema
                         + ".clients r, jsonb_each(r.counters->'users-status') e")) {
                while (rs.next()) {
                    last.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2),
                            rs.getString(3));
                }
            }
            if (condition.test(last)) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("heartbeat rows never matched; last seen: " + last);
    }

    private List<String> clientIds() throws SQLException {
        List<String> ids = new java.util.ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT client_id FROM " + schema + ".clients")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    /** Whether every row of the holder tells the same state version, server and recovery flag. */
    private boolean sameVersionServerAndRecovery() throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(DISTINCT (acked_version, server, in_recovery)) FROM "
                     + schema + ".clients")) {
            rs.next();
            return rs.getLong(1) == 1;
        }
    }

    private List<String> migrationsReported() throws SQLException {
        List<String> ids = new java.util.ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT jsonb_object_keys(counters) FROM (SELECT counters FROM " + schema
                     + ".clients WHERE counters IS NOT NULL AND counters <> '{}'::jsonb ORDER BY last_seen DESC LIMIT 1) r")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    private long clientRows() {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM " + schema + ".clients")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            return 0;
        }
    }

    private TabularData jmxCounters() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        List<ObjectName> names = List.copyOf(server.queryNames(
                new ObjectName("io.colshift:type=StateWatcher,schema=" + schema + ",*"), null));
        assertThat(names).hasSize(1);
        return (TabularData) server.getAttribute(names.get(0), "Counters");
    }

    private static long jmxCounter(TabularData counters, String key) {
        CompositeData row = counters.get(new Object[] {key});
        assertThat(row).as(key).isNotNull();
        return (Long) row.get("value");
    }

    private Connection connect(String options) throws SQLException {
        Properties props = db.credentials();
        props.setProperty("colshift.controlSchema", schema);
        props.setProperty("colshift.pollMs", "100");
        for (String option : options.isEmpty() ? new String[0] : options.split("&")) {
            String[] kv = option.split("=", 2);
            props.setProperty(kv[0], kv[1]);
        }
        return DriverManager.getConnection(db.colshiftUrl(), props);
    }

    private void admin(String... statements) throws SQLException {
        ControlState.admin(db, statements);
    }

    private String bumpVersion() {
        return ControlState.bumpVersion(schema);
    }
}
