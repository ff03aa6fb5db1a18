package io.colshift.it;

import io.colshift.demo.CliResult;
import io.colshift.demo.workload.AppVersion;
import io.colshift.demo.workload.DatabaseTarget;
import io.colshift.demo.workload.DriverBarrier;
import io.colshift.demo.workload.Ledger;
import io.colshift.demo.workload.LedgerReport;
import io.colshift.demo.workload.LedgerVerifier;
import io.colshift.demo.workload.PhaseSummary;
import io.colshift.demo.workload.SimulatedApp;
import io.colshift.demo.workload.Timeline;
import io.colshift.demo.workload.Traffic;
import io.colshift.demo.workload.UsersTable;
import io.colshift.demo.workload.WorkloadStats;
import io.colshift.embedded.junit.TestDatabase;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rolling deploy in a test: the {@code users} table, v1 and (after {@code declare}) v2 running
 * through the driver, the real {@code colshift} commands, and the per-phase record of what both
 * applications saw. Small enough for CI: 20 000 rows, a few seconds of traffic per phase.
 */
final class RollingDeploy implements AutoCloseable {

    static final long ROWS = 20_000;
    static final Duration HOLD = Duration.ofSeconds(2);
    private static final Traffic TRAFFIC = Traffic.of(2, 150);
    private static final Duration BARRIER_TIMEOUT = Duration.ofSeconds(10);

    final TestDatabase db;
    private final UsersMigration users;
    final DatabaseTarget target;
    final UsersTable table;
    final Ledger ledger = new Ledger();
    final WorkloadStats v1Stats = new WorkloadStats(AppVersion.V1.label());
    final WorkloadStats v2Stats = new WorkloadStats(AppVersion.V2.label());
    final Path spec;
    private final List<CliResult> commands = new ArrayList<>();
    private Timeline timeline;
    private SimulatedApp v1;
    private SimulatedApp v2;

    RollingDeploy(TestDatabase db) throws Exception {
        this.db = db;
        this.users = new UsersMigration(db, ROWS);
        this.target = users.target;
        this.table = users.table;
        this.spec = users.spec;
        colshift("init");
    }

    /** Starts v1 (the application before the migration), opening the phase {@code label}. */
    void startV1(String label) {
        timeline = new Timeline(List.of(v1Stats, v2Stats), label);
        v1 = SimulatedApp.start(AppVersion.V1, target, table, ledger, ROWS, TRAFFIC, 0, 2 * TRAFFIC.threads(), v1Stats);
    }

    /** Deploys v2 once the driver serves the declared column, as a pipeline would. */
    void deployV2() throws InterruptedException {
        assertThat(new DriverBarrier(target, table).awaitColumnReadable(BARRIER_TIMEOUT))
                .as("the driver serves users.status after declare").isTrue();
        v2 = SimulatedApp.start(AppVersion.V2, target, table, ledger, ROWS, TRAFFIC, TRAFFIC.threads(),
                2 * TRAFFIC.threads(), v2Stats);
    }

    /**
     * Runs the common opening of a backfill scenario: v1 running, the column declared, v2 deployed,
     * the column expanded and its writes let through, each step in its own phase of the timeline.
     */
    void deployBothVersionsWithWritesOn() throws InterruptedException {
        startV1("before");
        enter("declared");
        colshift("declare", spec.toString());
        deployV2();
        enter("expanded");
        colshift("expand", UsersTable.MIGRATION_ID);
        colshift("flag", UsersTable.MIGRATION_ID, "--writes", "on");
        awaitWritesPass();
    }

    /** Withdraws v2, as a rollback of the deploy would. */
    void undeployV2() {
        if (v2 != null) {
            v2.close();
            v2 = null;
        }
    }

    void awaitWritesPass() throws InterruptedException {
        assertThat(new DriverBarrier(target, table).awaitWritesPass(BARRIER_TIMEOUT))
                .as("the driver lets writes of status through after flag --writes on").isTrue();
    }

    /** Opens the phase {@code label} in the record of what the applications saw. */
    void enter(String label) {
        timeline.enter(label);
    }

    /** Runs {@code colshift <args>} in this JVM and asserts it succeeded. */
    CliResult colshift(String... args) {
        CliResult result = users.cli.run(args);
        commands.add(result);
        assertThat(result.exitCode()).as("%s", result).isZero();
        return result;
    }

    /** Runs {@code colshift <args>} in this JVM and returns whatever it did. */
    CliResult colshiftAllowingFailure(String... args) {
        CliResult result = users.cli.run(args);
        commands.add(result);
        return result;
    }

    void hold() throws InterruptedException {
        Thread.sleep(HOLD.toMillis());
    }

    /** Stops both applications and returns what they saw, phase by phase. */
    List<PhaseSummary> stop() {
        closeApps();
        return timeline.finish();
    }

    LedgerReport verifyLedger(boolean withStatus) throws SQLException {
        try (Connection c = db.connect()) {
            return new LedgerVerifier(table).verify(c, ledger, ROWS, withStatus);
        }
    }

    /** The migration's phase as recorded in the control schema. */
    String phase() throws SQLException {
        return queryString("SELECT phase FROM colshift.migrations WHERE id = '" + UsersTable.MIGRATION_ID + "'");
    }

    /** Rows the backfill has checkpointed as done (0 before it started). */
    long backfilledRows() throws SQLException {
        String done = queryString("SELECT rows_done FROM colshift.backfill_progress WHERE migration_id = '"
                + UsersTable.MIGRATION_ID + "'");
        return done == null ? 0 : Long.parseLong(done);
    }

    boolean columnExists() throws SQLException {
        return "1".equals(queryString("SELECT count(*) FROM pg_attribute WHERE attrelid = '"
                + table.qualifiedName() + "'::regclass AND attname = '" + UsersTable.COLUMN + "' AND NOT attisdropped"));
    }

    long rowsWithoutStatus() throws SQLException {
        return Long.parseLong(queryString("SELECT count(*) FROM " + table.qualifiedName() + " WHERE "
                + UsersTable.COLUMN + " IS NULL"));
    }

    private String queryString(String sql) throws SQLException {
        try (Connection c = db.connect(); java.sql.Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Every command run so far, with its output: the first thing to read when an assertion fails. */
    String transcript() {
        StringBuilder text = new StringBuilder();
        commands.forEach(c -> text.append(c).append('\n'));
        text.append("v1 problems: ").append(v1Stats.firstProblems()).append('\n');
        text.append("v2 problems: ").append(v2Stats.firstProblems()).append('\n');
        return text.toString();
    }

    private void closeApps() {
        if (v2 != null) {
            v2.close();
            v2 = null;
        }
        if (v1 != null) {
            v1.close();
            v1 = null;
        }
    }

    @Override
    public void close() throws Exception {
        closeApps();
        users.close();
    }
}
