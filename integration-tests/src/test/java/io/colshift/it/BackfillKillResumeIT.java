package io.colshift.it;

import io.colshift.demo.workload.FinalSchema;
import io.colshift.demo.workload.LedgerReport;
import io.colshift.demo.workload.PhaseSummary;
import io.colshift.demo.workload.UsersTable;
import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backfill killed with SIGKILL halfway (its process destroyed, not asked to stop) and started
 * again converges: every row filled, the migration completes, and neither application notices.
 */
@WithPostgres
class BackfillKillResumeIT {

    private static final String ID = UsersTable.MIGRATION_ID;

    @Test
    void killedBackfillResumesAndTheMigrationCompletesWithoutErrorsOrLostWrites(TestDatabase db) throws Exception {
        try (RollingDeploy deploy = new RollingDeploy(db)) {
            deploy.deployBothVersionsWithWritesOn();

            deploy.enter("backfilling");
            long doneAtKill;
            try (CliProcess backfill = CliProcess.start(deploy.target, "backfill", ID,
                    "--max-rows-per-second", "2000", "--max-batch", "500")) {
                awaitBackfilledRows(deploy, backfill, RollingDeploy.ROWS / 10);
                assertThat(backfill.kill()).as("killed, not finished").isNotZero();
                doneAtKill = deploy.backfilledRows();
            }
            assertThat(deploy.phase()).isEqualTo("backfilling");
            assertThat(doneAtKill).isBetween(1L, RollingDeploy.ROWS - 1);
            assertThat(deploy.rowsWithoutStatus()).as("rows left for the resumed backfill").isPositive();
            deploy.hold();

            deploy.enter("resumed");
            deploy.colshift("backfill", ID);
            assertThat(deploy.phase()).isEqualTo("backfilled");
            assertThat(deploy.backfilledRows()).isGreaterThanOrEqualTo(doneAtKill);

            deploy.enter("contracted");
            deploy.colshift("contract", ID);
            deploy.colshift("complete", ID);
            deploy.hold();
            List<PhaseSummary> phases = deploy.stop();

            String transcript = deploy.transcript();
            for (PhaseSummary phase : phases) {
                for (PhaseSummary.App app : phase.apps()) {
                    assertThat(app.errors() + app.mismatches()).as("failed or wrong statements of %s in phase %s\n%s",
                            app.name(), phase.label(), transcript).isZero();
                }
            }
            LedgerReport ledger = deploy.verifyLedger(true);
            assertThat(ledger.lostWrites()).as("lost or wrong acknowledged writes: %s", ledger.examples()).isZero();
            try (Connection c = db.connect()) {
                assertThat(FinalSchema.differencesFromSpec(c, deploy.table)).isEmpty();
            }
        }
    }

    private static void awaitBackfilledRows(RollingDeploy deploy, CliProcess backfill, long rows) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (deploy.backfilledRows() < rows) {
            assertThat(backfill.isAlive()).as("backfill still running; its output:\n%s", backfill.output()).isTrue();
            assertThat(System.nanoTime()).as("backfill made progress within a minute; its output:\n%s",
                    backfill.output()).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
