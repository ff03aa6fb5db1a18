package io.colshift.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Design rule 5 through the CLI: a step returns only after its commit plus the staleness lease, and after every
 * streaming standby replayed it plus the lease; rows in {@code clients} neither shorten nor are needed for that.
 * Standbys here are {@link FakeStandby real replication connections} whose replay position the test chooses.
 */
@WithPostgres
class BarrierIT {

    private static final String LEASE = "300ms";
    private static final long LEASE_MS = 300;

    private final TestDatabase db;
    private final Cli cli;
    private FakeStandby standby;
    private String slot;

    BarrierIT(TestDatabase db) {
        this.db = db;
        this.cli = new Cli(db);
    }

    @AfterEach
    void removeStandbysAndSlots() throws Exception {
        if (standby != null) {
            standby.close();
            standby = null;
        }
        if (slot != null) {
            exec("SELECT pg_drop_replication_slot('" + slot + "')");
            slot = null;
        }
    }

    /** A table {@code name} with a declared migration {@code name-c} in control schema {@code name}. */
    private void declared(String name, Path dir) throws Exception {
        exec("CREATE TABLE " + name + " (id int PRIMARY KEY)");
        exec("INSERT INTO " + name + " SELECT generate_series(1, 20)");
        Cli.Result init = cli.run("init", "--schema", name, "--lease", LEASE);
        assertThat(init.exitCode()).as(init.all()).isZero();
        Path spec = dir.resolve(name + ".yaml");
        Files.writeString(spec, "id: " + id(name) + "\ntable: " + name + "\ncolumn: c\ntype: int\ndefault: \"7\"\n");
        Cli.Result declared = cli.run("declare", "--schema", name, spec.toString());
        assertThat(declared.exitCode()).as(declared.all()).isZero();
    }

    private static String id(String name) {
        return name.replace('_', '-') + "-c";
    }

    private void expanded(String name, Path dir) throws Exception {
        declared(name, dir);
        Cli.Result expand = cli.run("expand", "--schema", name, id(name));
        assertThat(expand.exitCode()).as(expand.all()).isZero();
    }

    @Test
    void dropColumnWaitsTheLeaseAfterItsCommitWhateverForgedHeartbeatsClaim(@TempDir Path dir) throws Exception {
        expanded("bar_forged", dir);
        // the application role may write clients: rows claiming every version there will ever be prove nothing
        exec("INSERT INTO bar_forged.clients (client_id, host, pid, application_name, acked_version, server,"
                + " in_recovery) VALUES ('forged-1', 'web-1', 1, 'shop', 9000000000000, 'db:5432', false),"
                + " ('forged-2', 'web-2', 2, 'shop', 9000000000000, 'replica:5432', true)");
        assertThat(count("SELECT count(*) FROM pg_stat_replication")).isZero();

        Cli.Result rollback = cli.run("rollback", "--schema", "bar_forged", id("bar_forged"), "--drop-column");
        double afterMs = number("SELECT extract(epoch FROM clock_timestamp()) * 1000");

        assertThat(rollback.exitCode()).as(rollback.all()).isZero();
        long version = count("SELECT version FROM bar_forged.state");
        // the publish transaction started before its commit, and this clock was read after the command returned
        double publishedMs = number("SELECT extract(epoch FROM at) * 1000 FROM bar_forged.events"
                + " WHERE kind = 'phase' AND to_value = 'declared' ORDER BY id DESC LIMIT 1");
        assertThat(afterMs - publishedMs).isGreaterThanOrEqualTo(LEASE_MS);
        String out = rollback.out();
        assertThat(out).contains("barrier: every server follows state version " + version + " (lease 300 ms)")
                .contains("heartbeats (information only, never waited on): 2 live driver(s), 2 report state version "
                        + version + " or later");
        assertThat(out.indexOf("every server follows")).isLessThan(out.indexOf("DROP COLUMN"));
        assertThat(columnExists("bar_forged")).isFalse();
    }

    @Test
    void withoutHeartbeatsOrStandbysTheBarrierIsTheLeaseAlone(@TempDir Path dir) throws Exception {
        declared("bar_alone", dir);
        assertThat(count("SELECT count(*) FROM bar_alone.clients")).isZero();
        assertThat(count("SELECT count(*) FROM pg_stat_replication")).isZero();

        Cli.Result on = cli.run("flag", "--schema", "bar_alone", id("bar_alone"), "--writes", "on");
        double afterMs = number("SELECT extract(epoch FROM clock_timestamp()) * 1000");

        assertThat(on.exitCode()).as(on.all()).isZero();
        long version = count("SELECT version FROM bar_alone.state");
        double changedMs = number("SELECT extract(epoch FROM changed_at) * 1000 FROM bar_alone.state");
        assertThat(afterMs - changedMs).isGreaterThanOrEqualTo(LEASE_MS);
        assertThat(on.out()).contains("barrier: every server follows state version " + version + " (lease 300 ms)")
                .doesNotContain("heartbeat").doesNotContain("poll").doesNotContain("waiting for");
    }

    @Test
    void aStandbyHoldsTheStepUntilItReplayedTheChange(@TempDir Path dir) throws Exception {
        declared("bar_standby", dir);
        standby = FakeStandby.connect(db, "replica-a");
        Cli cliWithOwnOutput = new Cli(db);
        CompletableFuture<Cli.Result> expand = CompletableFuture.supplyAsync(() ->
                cliWithOwnOutput.run("expand", "--schema", "bar_standby", id("bar_standby")));
        // the column is added and published while the standby still reports nothing replayed
        awaitTrue(() -> count("SELECT count(*) FROM bar_standby.migrations WHERE phase = 'expanded'") == 1);
        Thread.sleep(3 * LEASE_MS);
        assertThat(expand).as("held by the standby").isNotDone();

        standby.replayUpToNow(db);
        Cli.Result result = expand.get(1, TimeUnit.MINUTES);

        assertThat(result.exitCode()).as(result.all()).isZero();
        long version = count("SELECT version FROM bar_standby.state");
        assertThat(result.out()).containsPattern("barrier: waiting for standby replica-a/\\S+ to replay [0-9A-F]+/[0-9A-F]+"
                + " \\(no replay position reported yet\\)")
                .containsPattern("barrier: standby replica-a/\\S+ replayed [0-9A-F]+/[0-9A-F]+ \\(at [0-9A-F]+/[0-9A-F]+\\)")
                .contains("barrier: every server follows state version " + version + " (lease 300 ms)");
    }

    @Test
    void aStepThatFindsItsChangeMadeStillWaitsTheBarrier(@TempDir Path dir) throws Exception {
        // an earlier run may have committed and been killed before its barrier: the re-run must not return early
        expanded("bar_rerun", dir);
        standby = FakeStandby.connect(db, "replica-behind");

        Cli.Result again = cli.run("expand", "--schema", "bar_rerun", id("bar_rerun"), "--barrier-timeout", "1s");

        assertThat(again.exitCode()).as(again.all()).isEqualTo(ExitCodes.PRECONDITION_NOT_MET);
        assertThat(again.out()).contains("expand has nothing to do").contains("waiting for standby replica-behind");
        assertThat(again.err()).contains("colshift expand " + id("bar_rerun"));
        // the audit trail says the barrier gave up
        assertThat(count("SELECT count(*) FROM bar_rerun.events WHERE kind = 'barrier-wait' AND migration_id = '"
                + id("bar_rerun") + "' AND state_version IS NULL AND detail LIKE '%replica-behind%'")).isOne();
    }

    @Test
    void aStandbyThatNeverReplaysEndsTheStepWithExit3AndTheChangeStays(@TempDir Path dir) throws Exception {
        declared("bar_stuck", dir);
        standby = FakeStandby.connect(db, "replica-stuck");

        Cli.Result on = cli.run("flag", "--schema", "bar_stuck", id("bar_stuck"), "--writes", "on",
                "--barrier-timeout", "1s");

        assertThat(on.exitCode()).as(on.all()).isEqualTo(ExitCodes.PRECONDITION_NOT_MET);
        assertThat(on.err()).contains("gave up after 1.0 s").contains("standby replica-stuck")
                .contains("committed and stays").contains("colshift flag " + id("bar_stuck") + " --writes on");
        assertThat(count("SELECT count(*) FROM bar_stuck.migrations WHERE writes_enabled")).isOne();
        assertThat(count("SELECT count(*) FROM bar_stuck.events WHERE kind = 'barrier-wait'"
                + " AND detail LIKE '%replica-stuck%'")).isOne();
    }

    @Test
    void aLeaseChangeWhoseStandbyNeverReplaysItIsRecordedAsABarrierWait(@TempDir Path dir) throws Exception {
        declared("bar_lease", dir);
        standby = FakeStandby.connect(db, "replica-lease");

        Cli.Result init = cli.run("init", "--schema", "bar_lease", "--lease", "500ms", "--barrier-timeout", "1s");

        assertThat(init.exitCode()).as(init.all()).isEqualTo(ExitCodes.PRECONDITION_NOT_MET);
        assertThat(init.err()).contains("standby replica-lease").contains("colshift init --lease 500ms");
        assertThat(count("SELECT count(*) FROM bar_lease.state WHERE lease_ms = 500")).isOne();
        assertThat(count("SELECT count(*) FROM bar_lease.events WHERE kind = 'barrier-wait'"
                + " AND detail LIKE '%replica-lease%'")).isOne();
    }

    @Test
    void anInactivePhysicalSlotBlocksADropButIsOnlyReportedOtherwise(@TempDir Path dir) throws Exception {
        expanded("bar_slot", dir);
        slot = "bar_gone_standby";
        exec("SELECT pg_create_physical_replication_slot('" + slot + "')");

        Cli.Result keep = cli.run("rollback", "--schema", "bar_slot", id("bar_slot"), "--barrier-timeout", "1s");
        assertThat(keep.exitCode()).as(keep.all()).isZero();
        assertThat(keep.out()).contains("physical replication slot bar_gone_standby is inactive")
                .contains("every connected server follows state version");

        Cli.Result drop = cli.run("rollback", "--schema", "bar_slot", id("bar_slot"), "--drop-column",
                "--barrier-timeout", "1s");
        assertThat(drop.exitCode()).as(drop.all()).isEqualTo(ExitCodes.PRECONDITION_NOT_MET);
        assertThat(drop.out()).contains("waiting for the standby of inactive physical replication slot bar_gone_standby");
        assertThat(drop.err()).contains("slot bar_gone_standby is inactive").contains("DROP COLUMN")
                .contains("was not run").contains("pg_drop_replication_slot('bar_gone_standby')");
        assertThat(columnExists("bar_slot")).isTrue();
    }

    @Test
    void aRoleBlindToStandbyPositionsIsRefusedADropUpFrontAndWarnedOtherwise(@TempDir Path dir) throws Exception {
        String role = "cs_barrier_blind";
        exec("DROP ROLE IF EXISTS " + role);
        exec("CREATE ROLE " + role + " LOGIN PASSWORD 'blind-pw'");
        try {
            exec("GRANT CREATE ON DATABASE " + db.name() + " TO " + role);
            exec("CREATE TABLE bar_blind_t (id int PRIMARY KEY)");
            exec("ALTER TABLE bar_blind_t OWNER TO " + role);
            Cli blind = new Cli(db).withEnvironment("COLSHIFT_PASSWORD", "blind-pw");
            String[] as = {"--url", db.jdbcUrl(), "--user", role, "--schema", "bar_blind"};
            Cli.Result init = blind.raw(argv("init", as, "--lease", LEASE));
            assertThat(init.exitCode()).as(init.all()).isZero();
            Path spec = dir.resolve("blind.yaml");
            Files.writeString(spec, "id: bar-blind\ntable: bar_blind_t\ncolumn: c\ntype: int\n");
            Cli.Result declare = blind.raw(argv("declare", as, spec.toString()));
            assertThat(declare.exitCode()).as(declare.all()).isZero();
            Cli.Result expand = blind.raw(argv("expand", as, "bar-blind"));
            assertThat(expand.exitCode()).as(expand.all()).isZero();
            standby = FakeStandby.connect(db, "replica-hidden");
            standby.replayUpToNow(db);
            long before = count("SELECT version FROM bar_blind.state");

            Cli.Result drop = blind.raw(argv("rollback", as, "bar-blind", "--drop-column"));

            assertThat(drop.exitCode()).as(drop.all()).isEqualTo(ExitCodes.PRECONDITION_NOT_MET);
            assertThat(drop.err()).contains("role " + role + " cannot see the replay position of 1 streaming standby")
                    .contains("pg_read_all_stats").contains("GRANT pg_monitor TO " + role).contains("nothing was changed");
            assertThat(count("SELECT version FROM bar_blind.state")).isEqualTo(before);
            assertThat(count("SELECT count(*) FROM bar_blind.migrations WHERE phase = 'expanded'")).isOne();

            Cli.Result on = blind.raw(argv("flag", as, "bar-blind", "--writes", "on"));
            assertThat(on.exitCode()).as(on.all()).isZero();
            assertThat(on.out()).contains("barrier: warning: role " + role + " cannot see the replay position")
                    .contains("the primary and every standby it could check follow state version");
        } finally {
            exec("DROP OWNED BY " + role);
            exec("DROP ROLE " + role);
        }
    }

    @Test
    void statusShowsTheLeaseTheStandbysAndTheServerEachDriverFollows(@TempDir Path dir) throws Exception {
        declared("bar_status", dir);
        standby = FakeStandby.connect(db, "replica-status");
        exec("INSERT INTO bar_status.clients (client_id, host, pid, application_name, acked_version, server,"
                + " in_recovery) VALUES ('on-standby', 'web-1', 11, E'evil\\u001b[2Japp', 1, 'replica:5433', true)");
        awaitTrue(() -> count("SELECT count(*) FROM pg_stat_replication WHERE application_name = 'replica-status'"
                + " AND state IS NOT NULL") == 1);

        Cli.Result text = cli.run("status", "--schema", "bar_status");
        assertThat(text.exitCode()).as(text.all()).isZero();
        assertThat(text.out()).contains("staleness lease 300 ms").contains("standbys: 1 streaming")
                .contains("replica-status/").contains("replica:5433 (standby)").contains("evil\\e[2Japp")
                .doesNotContain("\u001b");

        Cli.Result json = cli.run("status", "--schema", "bar_status", "--json");
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.get("lease_ms").asLong()).isEqualTo(LEASE_MS);
        JsonNode standbyNode = root.get("replication").get("standbys").get(0);
        assertThat(standbyNode.get("application_name").asText()).isEqualTo("replica-status");
        assertThat(standbyNode.get("name").asText()).startsWith("replica-status/");
        assertThat(standbyNode.has("replay_lsn")).isTrue();
        assertThat(root.get("replication").get("positions_visible").asBoolean()).isTrue();
        JsonNode client = root.get("clients").get(0);
        assertThat(client.get("server").asText()).isEqualTo("replica:5433");
        assertThat(client.get("in_recovery").asBoolean()).isTrue();
    }

    private static String[] argv(String command, String[] connection, String... rest) {
        String[] argv = new String[1 + connection.length + rest.length];
        argv[0] = command;
        System.arraycopy(connection, 0, argv, 1, connection.length);
        System.arraycopy(rest, 0, argv, 1 + connection.length, rest.length);
        return argv;
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(Check check) throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!check.holds()) {
            assertThat(System.nanoTime() < deadline).as("condition within 30 s").isTrue();
            Thread.sleep(20);
        }
    }

    private boolean columnExists(String table) throws Exception {
        return count("SELECT count(*) FROM information_schema.columns WHERE table_name = '" + table
                + "' AND column_name = 'c'") == 1;
    }

    private void exec(String sql) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private long count(String sql) throws Exception {
        return (long) number(sql);
    }

    private double number(String sql) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }
}
