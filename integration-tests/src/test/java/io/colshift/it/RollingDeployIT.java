package io.colshift.it;

import io.colshift.demo.CliResult;
import io.colshift.demo.workload.FinalSchema;
import io.colshift.demo.workload.LedgerReport;
import io.colshift.demo.workload.PhaseSummary;
import io.colshift.demo.workload.UsersTable;
import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The promise end to end: the old version (v1) and the new one (v2) keep working through every phase
 * of adding {@code users.status}, with zero failed statements and zero lost writes, while the real
 * commands advance the migration, including an expand that has to wait out a long transaction.
 */
@WithPostgres
class RollingDeployIT {

    private static final String ID = UsersTable.MIGRATION_ID;

    @Test
    void oldAndNewVersionsSeeNoErrorAndLoseNoWriteThroughTheWholeLifecycle(TestDatabase db) throws Exception {
        List<PhaseSummary> phases;
        try (RollingDeploy deploy = new RollingDeploy(db)) {
            deploy.startV1("before");
            deploy.hold();

            deploy.enter("declared");
            deploy.colshift("declare", deploy.spec.toString());
            deploy.deployV2();
            deploy.hold();

            deploy.enter("expanded");
            expandWhileALongTransactionHoldsTheTable(deploy, db);
            deploy.hold();

            deploy.colshift("flag", ID, "--writes", "on");
            deploy.awaitWritesPass();
            deploy.enter("writes on");
            deploy.hold();

            deploy.enter("backfilling");
            deploy.colshift("backfill", ID);
            deploy.enter("backfilled");
            deploy.hold();

            deploy.enter("contracted");
            deploy.colshift("contract", ID);
            deploy.hold();

            deploy.enter("complete");
            deploy.colshift("complete", ID);
            deploy.hold();
            phases = deploy.stop();

            String transcript = deploy.transcript();
            for (PhaseSummary phase : phases) {
                for (PhaseSummary.App app : phase.apps()) {
                    assertThat(app.errors()).as("failed statements of %s in phase %s\n%s", app.name(), phase.label(),
                            transcript).isZero();
                    assertThat(app.mismatches()).as("wrong results of %s in phase %s\n%s", app.name(), phase.label(),
                            transcript).isZero();
                }
                assertThat(phase.app("v1").ops()).as("v1 traffic in phase %s", phase.label()).isPositive();
            }
            assertThat(byLabel(phases, "declared").app("v2").ops()).as("v2 ran while the column did not exist").isPositive();
            assertThat(byLabel(phases, "declared").app("v2").gatedWrites())
                    .as("v2's writes of status were held back while the column did not exist").isPositive();
            for (String label : List.of("backfilled", "contracted", "complete")) {
                assertThat(byLabel(phases, label).app("v2").gatedWrites())
                        .as("v2's writes of status held back in phase %s, where they are allowed", label).isZero();
            }
            // a statement naming the column while it did not exist would have failed with undefined_column
            assertThat(deploy.v2Stats.errorsBySqlState()).doesNotContainKey("42703");

            LedgerReport ledger = deploy.verifyLedger(true);
            assertThat(ledger.checked()).isGreaterThan(100);
            assertThat(ledger.lostWrites()).as("lost or wrong acknowledged writes: %s", ledger.examples()).isZero();
            try (Connection c = db.connect()) {
                assertThat(FinalSchema.differencesFromSpec(c, deploy.table)).isEmpty();
            }
            assertThat(deploy.phase()).isEqualTo("complete");
        }
    }

    /**
     * A transaction that read the table and stays open holds a lock ADD COLUMN must wait for. Expand may
     * not finish (nor queue forever in front of the applications' statements) until it ends; then it must.
     */
    private static void expandWhileALongTransactionHoldsTheTable(RollingDeploy deploy, TestDatabase db) throws Exception {
        CliResult expanded;
        try (Connection longTransaction = db.connect()) {
            longTransaction.setAutoCommit(false);
            try (Statement st = longTransaction.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*) FROM users WHERE id < 100")) {
                rs.next();
            }
            CompletableFuture<CliResult> expand = CompletableFuture.supplyAsync(() -> deploy.colshiftAllowingFailure("expand", ID));
            Thread.sleep(RollingDeploy.HOLD.toMillis() * 2);
            assertThat(expand).as("expand cannot finish while a transaction holds the table").isNotDone();
            assertThat(deploy.columnExists()).isFalse();
            longTransaction.commit();
            expanded = expand.get(2, TimeUnit.MINUTES);
        }
        assertThat(expanded.exitCode()).as("%s", expanded).isZero();
        assertThat(deploy.columnExists()).isTrue();
    }

    private static PhaseSummary byLabel(List<PhaseSummary> phases, String label) {
        return phases.stream().filter(p -> p.label().equals(label)).findFirst().orElseThrow();
    }
}
