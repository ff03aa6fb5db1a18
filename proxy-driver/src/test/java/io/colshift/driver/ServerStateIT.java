package io.colshift.driver;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import io.colshift.state.ControlSchema;
import io.colshift.state.ServerKey;
import io.colshift.state.StateWatcher;
import io.colshift.state.StateWatchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each connection follows the state of the server it reached, and no statement runs under a snapshot older than
 * the lease, whether colshift's own watcher connection works, is refused, or does not exist.
 */
@WithPostgres
class ServerStateIT {

    private final TestDatabase db;

    ServerStateIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeAll
    static void createTable(TestDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE users (id int PRIMARY KEY, name text)");
            st.execute("INSERT INTO users VALUES (1, 'ann')");
        }
    }

    @AfterAll
    static void stopWatchers() {
        StateWatchers.closeAll();
    }

    // ---- control schema, written the way the CLI writes it ------------------------------------------------

    private void install(String schema, int leaseMs) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (String ddl : ControlSchema.named(schema).ddl()) {
                st.execute(ddl);
            }
            st.execute("UPDATE " + schema + ".state SET lease_ms = " + leaseMs);
        }
    }

    /** Runs {@code sql} and bumps the version in one transaction, without NOTIFY unless asked. */
    private long change(String schema, boolean notify, String... sql) throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            long version;
            try (Statement st = c.createStatement()) {
                for (String s : sql) {
                    st.execute(s.replace("%s", schema));
                }
                try (ResultSet rs = st.executeQuery("UPDATE " + schema + ".state SET version = version + 1"
                        + " RETURNING version")) {
                    rs.next();
                    version = rs.getLong(1);
                }
                if (notify) {
                    st.execute("SELECT pg_notify('" + schema + "', '" + version + "')");
                }
            }
            c.commit();
            return version;
        }
    }

    private long declareStatus(String schema, boolean notify) throws SQLException {
        return change(schema, notify, "INSERT INTO %s.migrations (id, table_schema, table_name, column_name,"
                + " column_type, read_fallback, spec, phase) VALUES ('users-status', 'public', 'users', 'status',"
                + " 'text', '''active''', '{}', 'declared')");
    }

    private long withdrawStatus(String schema, boolean notify) throws SQLException {
        return change(schema, notify, "DELETE FROM %s.migrations WHERE id = 'users-status'");
    }

    private Properties props(String schema, String... settings) {
        Properties props = db.credentials();
        props.setProperty("colshift.controlSchema", schema);
        for (int i = 0; i < settings.length; i += 2) {
            props.setProperty(settings[i], settings[i + 1]);
        }
        return props;
    }

    private Connection connect(Properties props) throws SQLException {
        return DriverManager.getConnection(db.colshiftUrl(), props);
    }

    private static List<String> columnsOfStar(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM users WHERE id = 1")) {
            List<String> columns = new ArrayList<>();
            assertThat(rs.next()).isTrue();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                columns.add(rs.getMetaData().getColumnLabel(i) + "=" + rs.getString(i));
            }
            return columns;
        }
    }

    private int watcherBackends(String schema) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                     + " AND application_name = '" + StateWatcher.applicationName(ControlSchema.named(schema)) + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private StateWatcher holderOf(Connection c, String schema) throws SQLException {
        ServerKey key = ServerKey.of(c.unwrap(ColshiftConnection.class).realConnection(), ControlSchema.named(schema));
        return StateWatchers.find(key).orElseThrow();
    }

    private void role(String name, String schema, String options) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("DROP ROLE IF EXISTS " + name);
            st.execute("CREATE ROLE " + name + " LOGIN PASSWORD 'pw' " + options);
            st.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + name);
            st.execute("GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + name);
            st.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON users TO " + name);
        }
    }

    private Properties as(String role, Properties props) {
        props.setProperty("user", role);
        props.setProperty("password", "pw");
        return props;
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    /** Waits for what another thread does; the limit only bounds a broken run. */
    private static boolean eventually(Check check) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (check.holds()) {
                return true;
            }
            Thread.sleep(20);
        }
        return check.holds();
    }

    /** Lets the lease of the current snapshot run out; a fact of the design under test, not a measured timing. */
    private static void outliveLease(long leaseMs) throws InterruptedException {
        Thread.sleep(leaseMs + 50);
    }

    // ---- tests ------------------------------------------------------------------------------------------------

    @Test
    void aDriverWhoseWatcherIsRefusedFollowsEveryChangeOverItsOwnConnection() throws Exception {
        String schema = "cs_refused";
        install(schema, 100);
        role("cs_limited", schema, "CONNECTION LIMIT 1");
        try (Connection c = connect(as("cs_limited", props(schema, "colshift.pollMs", "50")))) {
            // the application's connection took the role's only slot: the watcher is refused (53300)
            assertThat(columnsOfStar(c)).containsExactly("id=1", "name=ann");
            StateWatcher holder = holderOf(c, schema);
            assertThat(holder.isWatching()).isTrue();

            long declared = declareStatus(schema, true);
            outliveLease(100);
            assertThat(columnsOfStar(c)).containsExactly("id=1", "name=ann", "status=active");
            assertThat(c.unwrap(ColshiftConnection.class).stateVersion()).isEqualTo(declared);

            long withdrawn = withdrawStatus(schema, true);
            outliveLease(100);
            assertThat(columnsOfStar(c)).containsExactly("id=1", "name=ann");
            assertThat(c.unwrap(ColshiftConnection.class).stateVersion()).isEqualTo(withdrawn);

            assertThat(holder.isConnected()).isFalse();
            assertThat(holder.getInlineRefreshes()).isPositive();
            assertThat(c.unwrap(ColshiftConnection.class).stateOrigin()).isEqualTo("application-connection");
        }
    }

    @Test
    void aWatchUrlThatCannotBeReachedLeavesTheStateToTheApplicationsConnections() throws Exception {
        String schema = "cs_closed_port";
        install(schema, 100);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Properties props = props(schema, "colshift.pollMs", "50",
                "colshift.watchUrl", "jdbc:postgresql://127.0.0.1:" + closedPort + "/nowhere");
        try (Connection c = connect(props)) {
            long version = declareStatus(schema, true);
            outliveLease(100);
            assertThat(columnsOfStar(c)).containsExactly("id=1", "name=ann", "status=active");
            assertThat(c.unwrap(ColshiftConnection.class).stateVersion()).isEqualTo(version);
            assertThat(holderOf(c, schema).isConnected()).isFalse();
            assertThat(watcherBackends(schema)).isZero();
        }
    }

    @Test
    void aClosedHolderTakesItsRewriteEngineAlongWhenTheNextServerIsFollowed() throws Exception {
        String schema = "cs_closed";
        install(schema, 2000);
        StateWatcher first;
        try (Connection c = connect(props(schema))) {
            first = holderOf(c, schema);
            assertThat(RewriteWiring.heldSeams()).contains(first);
        }
        StateWatchers.closeAll();
        try (Connection c = connect(props(schema))) {
            StateWatcher second = holderOf(c, schema);
            assertThat(second).isNotSameAs(first);
            assertThat(RewriteWiring.heldSeams()).contains(second).doesNotContain(first);
            assertThat(columnsOfStar(c)).containsExactly("id=1", "name=ann");
        }
    }

    @Test
    void withoutWatchersColshiftOpensNoConnectionOfItsOwnAndStillFollowsChanges() throws Exception {
        String schema = "cs_nowatch";
        install(schema, 2000);
        try (Connection c = connect(props(schema, "colshift.watch", "false", "colshift.pollMs", "100"))) {
            assertThat(columnsOfStar(c)).containsExactly("id=1", "name=ann");
            long version = declareStatus(schema, true);
            outliveLease(100); // without a watcher the lease is the poll interval
            assertThat(columnsOfStar(c)).containsExactly("id=1", "name=ann", "status=active");
            ColshiftConnection colshift = c.unwrap(ColshiftConnection.class);
            assertThat(colshift.stateVersion()).isEqualTo(version);
            assertThat(colshift.stateOrigin()).isEqualTo("application-connection");
            assertThat(holderOf(c, schema).isWatching()).isFalse();
            assertThat(holderOf(c, schema).getLeaseMs()).isEqualTo(100);
            assertThat(watcherBackends(schema)).isZero();
        }
    }

    @Test
    void theFirstStatementAfterTheLeaseRunsUnderTheNewStateEvenUnannounced() throws Exception {
        String schema = "cs_lease";
        install(schema, 100);
        // notifications off and a poll interval far beyond the test: only the lease brings the changes in
        try (Connection c = connect(props(schema, "colshift.listen", "false", "colshift.pollMs", "600000"))) {
            assertThat(columnsOfStar(c)).containsExactly("id=1", "name=ann");
            for (int round = 0; round < 3; round++) {
                long declared = declareStatus(schema, false);
                outliveLease(100);
                assertThat(columnsOfStar(c)).as("round %d, declared", round)
                        .containsExactly("id=1", "name=ann", "status=active");
                assertThat(c.unwrap(ColshiftConnection.class).stateVersion()).isEqualTo(declared);
                withdrawStatus(schema, false);
                outliveLease(100);
                assertThat(columnsOfStar(c)).as("round %d, withdrawn", round).containsExactly("id=1", "name=ann");
            }
        }
    }

    @Test
    void aRefreshInsideATransactionFollowsTheNewStateAndKeepsTheTransaction() throws Exception {
        String schema = "cs_in_tx";
        install(schema, 100);
        try (Connection c = connect(props(schema, "colshift.watch", "false", "colshift.pollMs", "100"))) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO users VALUES (10, 'tx')");
                long version = declareStatus(schema, false);
                outliveLease(100);
                // the refresh runs inside the open transaction, under a savepoint
                assertThat(columnsOfStar(c)).containsExactly("id=1", "name=ann", "status=active");
                assertThat(c.unwrap(ColshiftConnection.class).stateVersion()).isEqualTo(version);
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM users WHERE id = 10")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("the transaction's own insert is still there").isEqualTo(1);
                }
            }
            c.rollback();
            withdrawStatus(schema, false);
        }
    }

    @Test
    void aRefreshThatCannotReadTheControlSchemaLeavesTheTransactionUsableAndTheResultRight() throws Exception {
        String schema = "cs_revoked";
        install(schema, 100);
        declareStatus(schema, false);
        role("cs_app", schema, "");
        try (Connection c = connect(as("cs_app", props(schema, "colshift.watch", "false", "colshift.pollMs", "100")))) {
            assertThat(columnsOfStar(c)).containsExactly("id=1", "name=ann", "status=active");
            try (Connection admin = db.connect(); Statement st = admin.createStatement()) {
                st.execute("REVOKE SELECT ON " + schema + ".state FROM cs_app");
            }
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                outliveLease(100);
                // first statement of a transaction: the failed read ran in a transaction of its own, rolled back
                st.executeUpdate("INSERT INTO users VALUES (20, 'first')");
                outliveLease(100);
                // inside the open transaction: the failed read is rolled back to its savepoint
                try (ResultSet rs = st.executeQuery("SELECT * FROM users WHERE id = 20")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString("status")).as("still rewritten under the last state").isEqualTo("active");
                }
                st.executeUpdate("INSERT INTO users VALUES (21, 'second')");
            }
            c.commit();
            ColshiftConnection colshift = c.unwrap(ColshiftConnection.class);
            assertThat(colshift.statementsRunStale()).isGreaterThanOrEqualTo(2);
            assertThat(holderOf(c, schema).getInlineRefreshFailures()).isGreaterThanOrEqualTo(2);
        }
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM users WHERE id IN (20, 21)")) {
            rs.next();
            assertThat(rs.getInt(1)).as("both inserts committed").isEqualTo(2);
        }
    }

    @Test
    void threadsMeetingTheSameExpiredLeaseDoNotAllAskTheServer() throws Exception {
        String schema = "cs_herd";
        install(schema, 2000);
        int threads = 8;
        List<Connection> connections = new ArrayList<>();
        Properties props = props(schema, "colshift.watch", "false", "colshift.pollMs", "1000");
        try {
            for (int i = 0; i < threads; i++) {
                connections.add(connect(props));
            }
            StateWatcher holder = holderOf(connections.get(0), schema);
            assertThat(holder.getInlineRefreshes()).as("nothing ran yet").isZero();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<List<String>>> results = new ArrayList<>();
                for (Connection c : connections) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return columnsOfStar(c);
                    }));
                }
                start.countDown();
                for (Future<List<String>> result : results) {
                    assertThat(result.get()).containsExactly("id=1", "name=ann");
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(holder.getInlineRefreshes()).isPositive().isLessThan(threads);
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    @Test
    void eachHostOfAMultiHostUrlHasItsOwnStateHolder() throws Exception {
        String schema = "cs_multi";
        install(schema, 100);
        Properties parsed = org.postgresql.Driver.parseURL(db.jdbcUrl(), null);
        String host = parsed.getProperty("PGHOST");
        String port = parsed.getProperty("PGPORT");
        String other = host.equals("localhost") ? "127.0.0.1" : host.toUpperCase(Locale.ROOT);
        // hostRecheckSeconds=0: a host pgjdbc saw fail earlier in this JVM is not put last for the next 10 s
        String url = "jdbc:colshift:postgresql://" + host + ":" + port + "," + other + ":" + port + "/"
                + parsed.getProperty("PGDBNAME") + "?loadBalanceHosts=true&targetServerType=any&hostRecheckSeconds=0";
        Properties props = props(schema, "colshift.pollMs", "50");
        Map<String, Connection> byServer = new HashMap<>();
        List<Connection> opened = new ArrayList<>();
        try {
            for (int i = 0; i < 200 && byServer.size() < 2; i++) {
                Connection c = DriverManager.getConnection(url, props);
                opened.add(c);
                byServer.putIfAbsent(c.unwrap(ColshiftConnection.class).followedServer(), c);
            }
            assertThat(byServer).containsOnlyKeys(host + ":" + port, other + ":" + port);
            Connection a = byServer.get(host + ":" + port);
            Connection b = byServer.get(other + ":" + port);
            StateWatcher holderA = holderOf(a, schema);
            StateWatcher holderB = holderOf(b, schema);
            assertThat(holderA).isNotSameAs(holderB);
            assertThat(holderA.getServer()).isEqualTo(host + ":" + port);
            assertThat(holderB.getServer()).isEqualTo(other + ":" + port);

            long version = declareStatus(schema, true);
            outliveLease(100);
            assertThat(columnsOfStar(a)).containsExactly("id=1", "name=ann", "status=active");
            assertThat(columnsOfStar(b)).containsExactly("id=1", "name=ann", "status=active");
            assertThat(holderA.getStateVersion()).isEqualTo(version);
            assertThat(holderB.getStateVersion()).isEqualTo(version);
            assertThat(eventually(() -> watcherBackends(schema) == 2)).as("one watcher per server key").isTrue();
            withdrawStatus(schema, true);
        } finally {
            for (Connection c : opened) {
                c.close();
            }
        }
    }

    @Test
    void theWatcherRecordsTheApplicationRolesSearchPathNotItsOwnPinnedOne() throws Exception {
        String schema = "cs_search_path";
        install(schema, 2000);
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS app_first");
        }
        role("cs_sp_role", schema, "");
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("ALTER ROLE cs_sp_role SET search_path = app_first, public");
            st.execute("GRANT USAGE ON SCHEMA app_first TO cs_sp_role");
        }
        declareStatus(schema, true);
        StateWatcher watcher = (StateWatcher) StateWatchers.watch(db.jdbcUrl(), as("cs_sp_role", db.credentials()),
                schema, 1000);
        assertThat(watcher.current().searchPath()).containsExactly("app_first", "public");
        withdrawStatus(schema, true);
    }
}
