package io.colshift.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import io.colshift.state.ColumnMigration;
import io.colshift.state.SnapshotSource;
import io.colshift.state.StateWatcher;
import io.colshift.state.StateWatchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The CLI changes state; watchers in "application" code see it, by LISTEN or by polling. */
@WithPostgres
class StatePropagationIT {

    private final TestDatabase db;
    private final Cli cli;

    StatePropagationIT(TestDatabase db) {
        this.db = db;
        this.cli = new Cli(db);
    }

    @BeforeAll
    static void createTable(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS users (id bigint PRIMARY KEY, email text)");
        }
    }

    @AfterAll
    static void stopWatchers() {
        StateWatchers.closeAll();
    }

    private void declareIn(String schema, Path dir) throws Exception {
        assertThat(cli.run("init", "--schema", schema, "--lease", "200ms").exitCode()).isZero();
        Path spec = dir.resolve(schema + ".yaml");
        Files.writeString(spec, "id: users-plan\ntable: users\ncolumn: plan\ntype: text\ndefault: \"'free'\"\n");
        Cli.Result declared = cli.run("declare", "--schema", schema, spec.toString());
        assertThat(declared.exitCode()).as(declared.all()).isZero();
    }

    private static boolean writesOn(SnapshotSource source) {
        return source.current().migrations().stream().anyMatch(ColumnMigration::writesEnabled);
    }

    private static HikariDataSource pool(TestDatabase db, String applicationName) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "ApplicationName=" + applicationName);
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    @Test
    void aFlagFlippedByTheCliIsSeenByBothOfTwoSeparatePools(@TempDir Path dir) throws Exception {
        declareIn("cs_pools", dir);
        try (HikariDataSource poolA = pool(db, "app-a"); HikariDataSource poolB = pool(db, "app-b")) {
            // what a driver receives from each pool: its URL and the credentials HikariCP hands to Driver.connect
            SnapshotSource a = StateWatchers.watch(poolA.getJdbcUrl(), db.credentials(), "cs_pools", 1000);
            SnapshotSource b = StateWatchers.watch(poolB.getJdbcUrl(), db.credentials(), "cs_pools", 1000);
            assertThat(b).isSameAs(a);
            assertThat(writesOn(a)).isFalse();
            assertThat(writesOn(b)).isFalse();

            Cli.Result on = cli.run("flag", "--schema", "cs_pools", "users-plan", "--writes", "on");
            assertThat(on.exitCode()).as(on.all()).isZero();

            assertThat(eventually(() -> writesOn(a) && writesOn(b))).isTrue();
            try (Connection c = poolA.getConnection(); Connection d = poolB.getConnection()) {
                assertThat(c.isValid(1) && d.isValid(1)).isTrue();
            }
        }
    }

    @Test
    void changesArriveByListenNotify(@TempDir Path dir) throws Exception {
        declareIn("cs_listen", dir);
        // a poll interval far beyond the wait: only a notification can deliver the change in time
        StateWatcher watcher = (StateWatcher) StateWatchers.watch(db.jdbcUrl(), db.credentials(), "cs_listen", 600_000);
        assertThat(watcher.stats().listening()).isTrue();

        assertThat(cli.run("flag", "--schema", "cs_listen", "users-plan", "--writes", "on").exitCode()).isZero();

        assertThat(eventually(() -> writesOn(watcher))).isTrue();
        assertThat(watcher.stats().notifications()).isPositive();
        assertThat(watcher.stats().polls()).isZero();
    }

    @Test
    void changesArriveByPollingWhenNotificationsAreOff(@TempDir Path dir) throws Exception {
        declareIn("cs_poll", dir);
        Properties props = db.credentials();
        props.setProperty("colshift.listen", "false");
        StateWatcher watcher = (StateWatcher) StateWatchers.watch(db.jdbcUrl(), props, "cs_poll", 100);
        assertThat(watcher.stats().listening()).isFalse();

        assertThat(cli.run("flag", "--schema", "cs_poll", "users-plan", "--writes", "on").exitCode()).isZero();

        assertThat(eventually(() -> writesOn(watcher))).isTrue();
        assertThat(watcher.stats().notifications()).isZero();
        assertThat(watcher.stats().polls()).isPositive();
    }

    @Test
    void aFlagChangeHasReachedAListeningDriverWhenTheCommandReturns(@TempDir Path dir) throws Exception {
        declareIn("cs_wait", dir);
        StateWatcher watcher = (StateWatcher) StateWatchers.watch(db.jdbcUrl(), db.credentials(), "cs_wait", 1000);

        Cli.Result on = cli.run("flag", "--schema", "cs_wait", "users-plan", "--writes", "on");

        assertThat(on.exitCode()).as(on.all()).isZero();
        assertThat(on.out()).contains("barrier: every server follows state version");
        // the barrier waited the lease after the commit: no need to wait for the driver any more
        assertThat(writesOn(watcher)).isTrue();
    }

    @Test
    void aDriverStuckAtAnOldVersionDoesNotHoldTheFlagButIsReported(@TempDir Path dir) throws Exception {
        declareIn("cs_stuck", dir);
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            // a live driver (fresh heartbeat) stuck at a version before the flag change: its own lease protects it
            st.execute("INSERT INTO cs_stuck.clients (client_id, host, pid, application_name, acked_version)"
                    + " VALUES ('stuck-client', 'app-host', 4242, 'stuck-app', 0)");
        }

        Cli.Result on = cli.run("flag", "--schema", "cs_stuck", "users-plan", "--writes", "on", "--wait",
                "--wait-timeout", "1s");

        assertThat(on.exitCode()).as(on.all()).isZero();
        assertThat(on.out()).contains("have not reported it yet: stuck-client (stuck-app on app-host, pid 4242,"
                + " at version 0)");
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(
                     "SELECT writes_enabled FROM cs_stuck.migrations WHERE id = 'users-plan'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBoolean(1)).isTrue();
        }
    }

    @Test
    void statusPointsToAllForDriversThatStoppedReportingAndAllListsThem(@TempDir Path dir) throws Exception {
        declareIn("cs_gone", dir);
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO cs_gone.clients (client_id, host, pid, application_name, acked_version, last_seen)"
                    + " VALUES ('long-gone-client', 'old-host', 7, 'old-app', 1, now() - interval '1 day')");
        }

        Cli.Result live = cli.run("status", "--schema", "cs_gone");
        assertThat(live.out()).contains("1 gone (--all lists them)").doesNotContain("long-gone-client");

        Cli.Result all = cli.run("status", "--schema", "cs_gone", "--all");
        assertThat(all.out()).contains("1 gone").doesNotContain("(--all lists them)").contains("long-gone-client");
    }

    @Test
    void heartbeatsOfLiveDriversAreVisibleToStatus(@TempDir Path dir) throws Exception {
        declareIn("cs_status", dir);
        StateWatcher watcher = (StateWatcher) StateWatchers.watch(db.jdbcUrl(), db.credentials(), "cs_status", 1000);
        assertThat(cli.run("flag", "--schema", "cs_status", "users-plan", "--writes", "on").exitCode()).isZero();

        ObjectMapper json = new ObjectMapper();
        assertThat(eventually(() -> {
            Cli.Result status = cli.run("status", "--schema", "cs_status", "--json");
            try {
                JsonNode root = json.readTree(status.out());
                long version = root.get("state_version").asLong();
                for (JsonNode client : root.get("clients")) {
                    if (client.get("client_id").asText().equals(watcher.getClientId())) {
                        return client.get("live").asBoolean() && client.get("acked_version").asLong() == version;
                    }
                }
                return false;
            } catch (Exception e) {
                return false;
            }
        })).isTrue();

        Cli.Result text = cli.run("status", "--schema", "cs_status");
        assertThat(text.out()).contains("1 live, 0 behind").contains(watcher.getClientId()).contains("current");

        watcher.close();
        Cli.Result afterClose = cli.run("status", "--schema", "cs_status");
        assertThat(afterClose.out()).contains("0 live").contains("1 gone").doesNotContain(watcher.getClientId());
        Cli.Result all = cli.run("status", "--schema", "cs_status", "--all");
        assertThat(all.out()).contains(watcher.getClientId()).contains("gone");
    }

    private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }
}
