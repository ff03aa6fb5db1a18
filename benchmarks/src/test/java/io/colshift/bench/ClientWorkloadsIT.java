package io.colshift.bench;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves the harness measures real work: every client runs every workload against PostgreSQL, and the
 * database afterwards holds exactly the rows and balances those operations must have produced.
 * Nothing here is timed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClientWorkloadsIT {

    private static final int ROWS = 2_000;
    private static final int THREADS = 2;
    private static final int OPS_PER_THREAD = 25;

    private BenchDatabase db;
    private BenchTarget target;

    @BeforeAll
    void startDatabase() throws SQLException {
        db = BenchDatabase.start(ROWS);
        db.initControlSchema();
        target = db.target();
    }

    @AfterAll
    void stopDatabase() {
        db.close();
    }

    @Order(0)
    @Test
    void seedsTheTablesOfTheWorkloads() throws SQLException {
        assertThat(count("SELECT count(*) FROM bench_users")).isEqualTo(ROWS);
        assertThat(count("SELECT max(id) FROM bench_users")).isEqualTo(ROWS);
        assertThat(count("SELECT count(*) FROM bench_branches")).isEqualTo(BenchDatabase.BRANCHES);
        assertThat(count("SELECT count(*) FROM bench_tellers")).isEqualTo(BenchDatabase.TELLERS);
        assertThat(count("SELECT count(*) FROM bench_history")).isZero();
        assertThat(count("SELECT count(*) FROM colshift.migrations")).as("no migration while idle").isZero();
    }

    @Order(1)
    @ParameterizedTest
    @EnumSource(Client.class)
    void everyClientRunsEveryWorkloadWithoutAMigration(Client client) throws Exception {
        try (ClientPool pool = client.open(target); Connection c = pool.dataSource().getConnection()) {
            assertThat(sitsOnItsPath(client, c)).as(client + " connection " + c.getClass().getName()).isTrue();
        }
        runAndVerifyAllWorkloads(client, Stage.IDLE);
    }

    /** The layer each client is measured for really is on the connection's path. */
    private static boolean sitsOnItsPath(Client client, Connection c) throws SQLException {
        return switch (client) {
            case RAW -> c.isWrapperFor(org.postgresql.PGConnection.class)
                    && !c.isWrapperFor(io.colshift.driver.ColshiftConnection.class);
            case COLSHIFT -> c.isWrapperFor(io.colshift.driver.ColshiftConnection.class);
            case P6SPY -> c.isWrapperFor(com.p6spy.engine.wrapper.ConnectionWrapper.class);
            case DATASOURCE_PROXY -> c instanceof net.ttddyy.dsproxy.proxy.ProxyJdbcObject;
            case SHARDINGSPHERE -> c instanceof org.apache.shardingsphere.driver.jdbc.core.connection.ShardingSphereConnection;
        };
    }

    @Order(2)
    @ParameterizedTest
    @EnumSource(Client.class)
    void theJmhBenchmarkRunsEveryWorkloadAgainstTheDatabaseItIsHanded(Client client) throws Exception {
        Path file = target.writeTo(Files.createTempDirectory("bench-target").resolve("target.properties"));
        assertThat(Files.getPosixFilePermissions(file)).hasSize(2); // owner read + write, nobody else
        long usersBefore = count("SELECT count(*) FROM bench_users");
        String previous = System.setProperty(BenchTarget.FILE_PROPERTY, file.toString());
        ClientBenchmark bench = new ClientBenchmark();
        bench.client = client;
        bench.stage = Stage.IDLE;
        try {
            bench.open();
            ClientBenchmark.Caller caller = new ClientBenchmark.Caller();
            caller.draw(bench);
            for (int i = 0; i < 10; i++) {
                bench.pointSelect(caller);
                bench.insert(caller);
                bench.update(caller);
                bench.tpcb(caller);
            }
        } finally {
            bench.close();
            restore(previous);
        }
        assertThat(count("SELECT count(*) FROM bench_users")).isEqualTo(usersBefore + 10);
        assertBooksBalance();
    }

    @Order(3)
    @Test
    void migratingStageLeavesRowsUnbackfilledSoThatOnlyColshiftReadsTheFallback() throws Exception {
        BackfillingMigration.activate(target);

        assertThat(RewriteProbe.rawValue(target)).as("raw pgjdbc reads the unbackfilled column").isNull();
        assertThat(RewriteProbe.colshiftRewrites(target, Duration.ofSeconds(10)))
                .as("colshift reads '" + BackfillingMigration.FALLBACK_VALUE + "' through its rewrite").isTrue();
        assertThat(count("SELECT count(*) FROM colshift.migrations WHERE id = '" + BackfillingMigration.ID
                + "' AND phase = 'backfilling' AND writes_enabled")).isEqualTo(1);
    }

    @Order(4)
    @ParameterizedTest
    @MethodSource("migratingStageClients")
    void everyClientOfTheMigratingStageRunsTheNewApplicationsWorkloads(Client client) throws Exception {
        runAndVerifyAllWorkloads(client, Stage.MIGRATING);
        String tag = tagOf(client);
        assertThat(count("SELECT count(*) FROM bench_users WHERE name = 'bench " + tag + "' AND status = 'new'"))
                .as("rows the new application inserted carry its status")
                .isEqualTo((long) THREADS * OPS_PER_THREAD);
    }

    static List<Client> migratingStageClients() {
        return Stage.MIGRATING.clients();
    }

    private void runAndVerifyAllWorkloads(Client client, Stage stage) throws Exception {
        String tag = tagOf(client);
        long expected = (long) THREADS * OPS_PER_THREAD;
        try (ClientPool pool = client.open(target)) {
            LatencyDriver driver = new LatencyDriver(pool, stage.statements(), ROWS);

            LatencyResult select = driver.runOperations(Workload.POINT_SELECT, THREADS, OPS_PER_THREAD);
            assertSucceeded(select, expected);

            long insertedBefore = count("SELECT count(*) FROM bench_users WHERE name = 'bench " + tag + "'");
            LatencyResult insert = driver.runOperations(Workload.INSERT, THREADS, OPS_PER_THREAD);
            assertSucceeded(insert, expected);
            assertThat(count("SELECT count(*) FROM bench_users WHERE name = 'bench " + tag + "'"))
                    .isEqualTo(insertedBefore + expected);

            long balanceBefore = count("SELECT sum(balance) FROM bench_users");
            LatencyResult update = driver.runOperations(Workload.UPDATE, THREADS, OPS_PER_THREAD);
            assertSucceeded(update, expected);
            assertThat(count("SELECT sum(balance) FROM bench_users")).isEqualTo(balanceBefore + update.deltaSum());

            long historyBefore = count("SELECT count(*) FROM bench_history WHERE filler = '" + tag + "'");
            long branchesBefore = count("SELECT sum(balance) FROM bench_branches");
            LatencyResult tpcb = driver.runOperations(Workload.TPCB, THREADS, OPS_PER_THREAD);
            assertSucceeded(tpcb, expected);
            assertThat(count("SELECT count(*) FROM bench_history WHERE filler = '" + tag + "'"))
                    .isEqualTo(historyBefore + expected);
            assertThat(count("SELECT sum(balance) FROM bench_branches")).isEqualTo(branchesBefore + tpcb.deltaSum());
            assertBooksBalance();
        }
    }

    private static void assertSucceeded(LatencyResult result, long expectedOperations) {
        assertThat(result.firstError()).as("first error").isNull();
        assertThat(result.errors()).isZero();
        assertThat(result.operations()).isEqualTo(expectedOperations);
        assertThat(result.latencies().getTotalCount()).isEqualTo(expectedOperations);
    }

    /** TPC-B's invariant: branches, tellers and history all account for the same money. */
    private void assertBooksBalance() throws SQLException {
        long history = count("SELECT coalesce(sum(delta), 0) FROM bench_history");
        assertThat(count("SELECT sum(balance) FROM bench_branches")).isEqualTo(history);
        assertThat(count("SELECT sum(balance) FROM bench_tellers")).isEqualTo(history);
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String tagOf(Client client) {
        return client.name().toLowerCase(Locale.ROOT);
    }

    private static void restore(String previous) {
        if (previous == null) {
            System.clearProperty(BenchTarget.FILE_PROPERTY);
        } else {
            System.setProperty(BenchTarget.FILE_PROPERTY, previous);
        }
    }
}
