package io.colshift.it;

import io.colshift.demo.CliResult;
import io.colshift.demo.workload.PhaseSummary;
import io.colshift.demo.workload.UsersTable;
import io.colshift.embedded.PrimaryStandby;
import io.colshift.embedded.junit.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The primary restarts (fast shutdown, then up again on the same port and data) in the middle of the backfill,
 * with v1 and v2 writing to it and readers on its standby. While it is down, statements that need it fail with
 * connection errors, as they would without colshift; nothing reads wrong, no acknowledged write is lost, the
 * standby's readers never notice, the backfill resumes from its checkpoint, and the migration completes.
 */
class PrimaryRestartIT {

    private static final String ID = UsersTable.MIGRATION_ID;
    private static final String RESTART = "primary restart";

    @Test
    void primaryRestartDuringTheBackfillLosesNoWriteAndTheMigrationCompletes() throws Exception {
        try (PrimaryStandby pair = PrimaryStandby.start(Duration.ZERO)) {
            TestDatabase primary = pair.primary().createDatabase("app");
            List<TopologyDeploy.ReaderSite> sites = List.of(
                    new TopologyDeploy.ReaderSite("standby", pair.standby().database("app").colshiftUrl()));
            try (TopologyDeploy deploy = new TopologyDeploy(primary, primary.jdbcUrl(), sites, step -> Optional.empty())) {
                assertThat(pair.awaitReplay(Duration.ofSeconds(30))).as("the standby has the seeded table").isTrue();
                List<PhaseSummary> phases = deploy.runLifecycle(d -> backfillAcrossARestart(d, pair));
                deploy.assertPromisesKept(phases, List.of(RESTART));
                assertThat(TopologyDeploy.byLabel(phases, RESTART).app("v1@standby").errors())
                        .as("readers on the standby while the primary restarted").isZero();
                assertThat(deploy.errorsBySqlState().keySet()).as("only connection failures, while the primary was down")
                        .allMatch(state -> state.startsWith("08") || state.startsWith("57P") || state.equals("none"));
            }
        }
    }

    private static void backfillAcrossARestart(TopologyDeploy deploy, PrimaryStandby pair) throws Exception {
        long firstPid = pair.primary().pid();
        long started = System.nanoTime();
        try (CliProcess backfill = CliProcess.start(deploy.users.target, "backfill", ID,
                "--max-rows-per-second", "3000", "--max-batch", "500")) {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (deploy.backfilledRows() < ReservedRows.SEEDED / 5) {
                assertThat(backfill.isAlive()).as("backfill still running; its output:\n%s", backfill.output()).isTrue();
                assertThat(System.nanoTime()).as("backfill progress; its output:\n%s", backfill.output())
                        .isLessThan(deadline);
                Thread.sleep(50);
            }
            deploy.enter(RESTART);
            pair.primary().restart();
            assertThat(pair.primary().pid()).isNotEqualTo(firstPid);
            // the interrupted backfill may give up or carry on by itself; either way it ends
            long exitDeadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (backfill.isAlive() && System.nanoTime() < exitDeadline) {
                Thread.sleep(50);
            }
            assertThat(backfill.isAlive()).as("backfill ended after the restart; its output:\n%s", backfill.output())
                    .isFalse();
            deploy.record(new CliResult(List.of("backfill", ID, "(own process, across the restart)"), -1,
                    backfill.output(), ""), started);
            deploy.hold(); // the pools replace the connections the restart cut
        }
        deploy.enter("backfill resumed");
        long doneBefore = deploy.backfilledRows();
        if (!"backfilled".equals(deploy.phase())) {
            deploy.colshift("backfill", ID);
        }
        assertThat(deploy.phase()).isEqualTo("backfilled");
        assertThat(deploy.backfilledRows()).isGreaterThanOrEqualTo(doneBefore);
    }
}
