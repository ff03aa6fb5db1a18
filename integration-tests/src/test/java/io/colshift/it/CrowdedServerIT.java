package io.colshift.it;

import io.colshift.demo.CliResult;
import io.colshift.demo.workload.FinalSchema;
import io.colshift.demo.workload.UsersTable;
import io.colshift.embedded.LocalPostgres;
import io.colshift.embedded.junit.TestDatabase;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fleet bigger than the server: {@value #JVMS} JVMs with {@value FleetJvm#INSTANCES} application instances each,
 * every instance with its own copy of the driver (its own class loader, so its own watcher), against a server with
 * {@code max_connections = 100}. The instances' connections take their slots first, so the server refuses some of
 * the watchers (SQLSTATE 53300); those instances have no colshift connection of their own and must still follow
 * every step, reading the state over their own connections, from the moment the step returns.
 */
class CrowdedServerIT {

    static final String APPLICATION_NAME = "colshift-fleet";
    private static final int JVMS = 5;
    private static final int INSTANCES = JVMS * FleetJvm.INSTANCES;
    private static final String ROLE_PREFIX = "fleet_";
    private static final String ID = UsersTable.MIGRATION_ID;

    private final List<String> problems = new ArrayList<>();
    private final List<String> commands = new ArrayList<>();
    private final long startNanos = System.nanoTime();

    @Test
    void fiftyDriversInFiveJvmsFollowEveryStepWhileTheServerRefusesSomeOfTheirWatchers() throws Exception {
        try (LocalPostgres server = LocalPostgres.builder().name("crowded").maxConnections(100)
                .setting("superuser_reserved_connections", "10").start()) {
            TestDatabase db = server.createDatabase("app");
            try (UsersMigration users = new UsersMigration(db, ReservedRows.SEEDED)) {
                prepareRoles(db, users);
                List<FleetProcess> fleet = new ArrayList<>();
                try {
                    startFleet(fleet, db);
                    note("fleet started");
                    // every instance holds its one connection: now the slots that remain go to whichever watcher
                    // asks first, and there are fewer of them than instances
                    liftConnectionLimits(db);
                    awaitWatchers(db);
                    note("connections after the limits were lifted: " + connectionsByKind(db));
                    runLifecycle(fleet, users);
                    Map<String, Long> connections = connectionsByKind(db);
                    note("connections at the end: " + connections);
                    if (connections.getOrDefault("application", 0L) != INSTANCES) {
                        problems.add("instances holding their connection at the end: " + connections);
                    }
                    if (connections.getOrDefault("colshift", 0L) >= INSTANCES) {
                        problems.add("every watcher got a connection: the server refused none " + connections);
                    }
                    checkReports(fleet);
                } finally {
                    for (FleetProcess jvm : fleet) {
                        if (!problems.isEmpty()) {
                            note("fleet JVM errors:\n" + jvm.errors());
                        }
                        jvm.close();
                    }
                }
                note(count(server.log(), "too many connections for role") + " connections refused by the role limit"
                        + " while the fleet started, " + count(server.log(), "remaining connection slots are reserved")
                        + " by max_connections afterwards");
                assertThat(server.log()).as("the server refused connections for want of slots (53300)")
                        .containsAnyOf("too many connections for role", "remaining connection slots are reserved",
                                "sorry, too many clients already");
                StringBuilder transcript = new StringBuilder();
                commands.forEach(c -> transcript.append(c).append('\n'));
                System.out.println(transcript); // the test's report file keeps it: when each step ran, how long it took
                assertThat(problems).as("what went wrong in the fleet\n%s", transcript).isEmpty();
                try (Connection c = db.connect()) {
                    assertThat(FinalSchema.differencesFromSpec(c, users.table)).isEmpty();
                }
            }
        }
    }

    /**
     * One role per instance, allowed a single connection while the fleet starts: each instance's own connection
     * comes first (the driver opens it before its watcher), so the start is the same every time, and no instance
     * waits for a slot a watcher took.
     */
    private void prepareRoles(TestDatabase db, UsersMigration users) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE fleet NOLOGIN");
        }
        long start = System.nanoTime();
        CliResult init = users.cli.run("init", "--grant-to", "fleet", "--lease", TopologyDeploy.LEASE_MS + "ms");
        record(init, start);
        assertThat(init.exitCode()).as("%s", init).isZero();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON users TO fleet");
            st.execute("GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO fleet");
            for (int i = 0; i < INSTANCES; i++) {
                st.execute("CREATE ROLE " + ROLE_PREFIX + i + " LOGIN CONNECTION LIMIT 1 IN ROLE fleet");
            }
        }
    }

    private static void startFleet(List<FleetProcess> fleet, TestDatabase db) throws Exception {
        List<Path> jars = FleetProcess.driverJars();
        for (int jvm = 0; jvm < JVMS; jvm++) {
            fleet.add(FleetProcess.start(jvm, JVMS, db.jdbcUrl(), ROLE_PREFIX, db.user(), jars));
        }
        for (FleetProcess jvm : fleet) {
            assertThat(jvm.await()).as("fleet JVM started; its errors:\n%s", jvm.errors()).isEqualTo("@started");
        }
    }

    private static void liftConnectionLimits(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (int i = 0; i < INSTANCES; i++) {
                st.execute("ALTER ROLE " + ROLE_PREFIX + i + " CONNECTION LIMIT -1");
            }
        }
    }

    /** Gives refused watchers a few seconds to try again, until the free slots are gone (or they stopped asking). */
    private static void awaitWatchers(TestDatabase db) throws Exception {
        long deadline = System.nanoTime() + 12_000_000_000L;
        while (System.nanoTime() < deadline && connectionsByKind(db).getOrDefault("colshift", 0L) < 40) {
            Thread.sleep(200);
        }
    }

    private void runLifecycle(List<FleetProcess> fleet, UsersMigration users) throws Exception {
        all(fleet, "v1");
        note("v1 runs");
        hold();
        all(fleet, "enter declared");
        colshift(users, "declare", users.spec.toString());
        probe(fleet, "declare", "read", "held");
        note("probed");
        all(fleet, "v2");
        hold();
        all(fleet, "enter expanded");
        colshift(users, "expand", ID);
        probe(fleet, "expand", "read", "held");
        hold();
        all(fleet, "stop-v2");
        all(fleet, "enter rolled back");
        colshift(users, "rollback", ID, "--drop-column");
        probe(fleet, "rollback --drop-column", "read", "held");
        hold();
        all(fleet, "v2");
        all(fleet, "enter expanded again");
        colshift(users, "expand", ID);
        probe(fleet, "expand again", "read", "held");
        colshift(users, "flag", ID, "--writes", "on");
        probe(fleet, "flag --writes on", "pass");
        all(fleet, "enter writes on");
        hold();
        all(fleet, "enter backfilling");
        colshift(users, "backfill", ID);
        all(fleet, "enter backfilled");
        hold();
        all(fleet, "enter contracted");
        colshift(users, "contract", ID);
        probe(fleet, "contract", "read", "pass");
        hold();
        all(fleet, "enter complete");
        colshift(users, "complete", ID);
        probe(fleet, "complete", "read", "pass");
        hold();
    }

    private void colshift(UsersMigration users, String... args) {
        long start = System.nanoTime();
        CliResult result = users.cli.run(args);
        record(result, start);
        assertThat(result.exitCode()).as("%s", result).isZero();
    }

    private static long count(String text, String what) {
        return text.split(java.util.regex.Pattern.quote(what), -1).length - 1L;
    }

    private void note(String event) {
        commands.add(String.format("[%.1fs] %s", (System.nanoTime() - startNanos) / 1e9, event));
    }

    private void record(CliResult result, long start) {
        long now = System.nanoTime();
        commands.add(String.format("[%.1fs, took %.1fs] %s", (start - startNanos) / 1e9, (now - start) / 1e9, result));
    }

    /** Asks every JVM at once; each looks at its instances at once. */
    private void probe(List<FleetProcess> fleet, String step, String... kinds) throws Exception {
        for (String kind : kinds) {
            fleet.forEach(jvm -> jvm.send("probe " + kind));
            for (FleetProcess jvm : fleet) {
                String answer = jvm.await();
                if (!answer.equals("@ok")) {
                    problems.add("after " + step + ", probe " + kind + ": " + answer);
                }
            }
        }
    }

    private static void all(List<FleetProcess> fleet, String command) throws Exception {
        fleet.forEach(jvm -> jvm.send(command));
        for (FleetProcess jvm : fleet) {
            assertThat(jvm.await()).as("%s; errors:\n%s", command, jvm.errors()).isEqualTo("@ok");
        }
    }

    private static void hold() throws InterruptedException {
        Thread.sleep(TopologyDeploy.HOLD.toMillis());
    }

    /** What each JVM saw: any failed or wrong statement in any phase, held-back writes after the flag, lost writes. */
    private void checkReports(List<FleetProcess> fleet) throws Exception {
        Map<String, Long> ops = new TreeMap<>();
        fleet.forEach(jvm -> jvm.send("finish"));
        for (FleetProcess jvm : fleet) {
            for (String line : jvm.report()) {
                String[] w = line.split(" ", 7);
                switch (w[0]) {
                    case "@phase" -> {
                        String app = w[1];
                        String phase = w[6];
                        ops.merge(app + " in " + phase, Long.parseLong(w[2]), Long::sum);
                        if (Long.parseLong(w[3]) + Long.parseLong(w[4]) != 0) {
                            problems.add(app + " in phase " + phase + ": " + w[3] + " failed, " + w[4] + " wrong");
                        }
                        if (List.of("backfilling", "backfilled", "contracted", "complete").contains(phase)
                                && Long.parseLong(w[5]) != 0) {
                            problems.add(app + " in phase " + phase + ": " + w[5] + " writes of status held back");
                        }
                    }
                    case "@problem" -> problems.add(line);
                    case "@ledger" -> {
                        if (!w[2].equals("0")) {
                            problems.add("lost or wrong acknowledged writes: " + line);
                        }
                    }
                    default -> problems.add("unexpected report line: " + line);
                }
            }
        }
        assertThat(ops).as("v1 ran in every phase, v2 from declare on").allSatisfy((key, n) -> {
            if (key.startsWith("v1") || !key.endsWith(" before") && !key.endsWith(" rolled back")) {
                assertThat(n).as(key).isPositive();
            }
        });
    }

    /** Connections to the database by whose they are: the instances' own, or colshift's (the watchers). */
    private static Map<String, Long> connectionsByKind(TestDatabase db) throws Exception {
        Map<String, Long> kinds = new TreeMap<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT application_name = '" + APPLICATION_NAME + "', count(*)"
                     + " FROM pg_stat_activity WHERE usename LIKE '" + ROLE_PREFIX + "%' GROUP BY 1")) {
            while (rs.next()) {
                kinds.put(rs.getBoolean(1) ? "application" : "colshift", rs.getLong(2));
            }
        }
        return kinds;
    }
}
