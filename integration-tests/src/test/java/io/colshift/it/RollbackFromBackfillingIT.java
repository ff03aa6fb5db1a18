package io.colshift.it;

import io.colshift.demo.workload.LedgerReport;
import io.colshift.demo.workload.PhaseSummary;
import io.colshift.demo.workload.UsersTable;
import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rolling back in the middle of the backfill: the new version is withdrawn, the backfill stopped,
 * and {@code colshift rollback --drop-column} returns the table to what v1 was built for, while v1
 * keeps running without a single failed statement or lost write.
 */
@WithPostgres
class RollbackFromBackfillingIT {

    private static final String ID = UsersTable.MIGRATION_ID;

    @Test
    void rollbackFromBackfillingDropsTheColumnWhileTheOldVersionKeepsWorking(TestDatabase db) throws Exception {
        try (RollingDeploy deploy = new RollingDeploy(db)) {
            deploy.deployBothVersionsWithWritesOn();

            deploy.enter("backfilling");
            try (CliProcess backfill = CliProcess.start(deploy.target, "backfill", ID,
                    "--max-rows-per-second", "2000", "--max-batch", "500")) {
                while (deploy.backfilledRows() == 0) {
                    assertThat(backfill.isAlive()).as("backfill still running; its output:\n%s", backfill.output())
                            .isTrue();
                    Thread.sleep(50);
                }
                deploy.hold();
                backfill.kill();
            }
            assertThat(deploy.phase()).isEqualTo("backfilling");

            // the new version goes first: after the rollback nothing may depend on the column
            deploy.undeployV2();
            deploy.enter("rolled back");
            deploy.colshift("rollback", ID, "--drop-column");
            deploy.hold();
            List<PhaseSummary> phases = deploy.stop();

            String transcript = deploy.transcript();
            for (PhaseSummary phase : phases) {
                for (PhaseSummary.App app : phase.apps()) {
                    assertThat(app.errors() + app.mismatches()).as("failed or wrong statements of %s in phase %s\n%s",
                            app.name(), phase.label(), transcript).isZero();
                }
            }
            assertThat(phases.get(phases.size() - 1).app("v1").ops()).as("v1 traffic after the rollback").isPositive();
            assertThat(deploy.columnExists()).as("column dropped").isFalse();
            assertThat(deploy.phase()).isEqualTo("declared");
            LedgerReport ledger = deploy.verifyLedger(false);
            assertThat(ledger.lostWrites()).as("lost or wrong acknowledged writes: %s", ledger.examples()).isZero();
        }
    }
}
