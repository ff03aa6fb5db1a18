package io.colshift.it;

import io.colshift.demo.workload.PhaseSummary;
import io.colshift.embedded.LocalPostgres;
import io.colshift.embedded.PrimaryStandby;
import io.colshift.embedded.junit.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A driver pointed at a hot standby that applies the primary's changes a second late, while the CLI runs against
 * the primary and v1 and v2 write there. The standby's copy of the control schema is consistent with the
 * standby's own catalog, so a driver that follows the state of the server it is connected to never rewrites for a
 * column the standby does not have yet, and every step returns only once the standby has replayed it.
 */
class StandbyReplicaIT {

    private static final Duration REPLAY_DELAY = Duration.ofSeconds(1);

    @Test
    void standbyDriverFollowsOnlyAfterReplay() throws Exception {
        try (PrimaryStandby pair = PrimaryStandby.start(REPLAY_DELAY)) {
            TestDatabase primary = pair.primary().createDatabase("app");
            LocalPostgres standby = pair.standby();
            TestDatabase onStandby = standby.database("app");
            List<TopologyDeploy.ReaderSite> sites = List.of(
                    new TopologyDeploy.ReaderSite("standby", onStandby.colshiftUrl()));
            try (TopologyDeploy deploy = new TopologyDeploy(primary, primary.jdbcUrl(), sites,
                    step -> standbyHasReplayed(standby, step))) {
                assertThat(pair.awaitReplay(Duration.ofSeconds(30))).as("the standby has the seeded table").isTrue();
                List<PhaseSummary> phases = deploy.runLifecycle(TopologyDeploy::plainBackfill);
                deploy.assertPromisesKept(phases, List.of());
                assertThat(standby.queryString("app", "SELECT count(*) FROM pg_stat_activity WHERE application_name = '"
                        + ReaderApp.applicationName("v1@standby") + "'"))
                        .as("the readers are gone; their connections were on the standby").isEqualTo("0");
            }
        }
    }

    /**
     * What the standby itself must hold the moment a step returned: the step's change, replayed. Nothing here
     * looks through the driver: it is the database's own view of what the drivers on the standby may rely on.
     */
    private static Optional<String> standbyHasReplayed(LocalPostgres standby, String step) throws Exception {
        String phase = standby.queryString("app", "SELECT phase FROM colshift.migrations WHERE id = 'users-status'");
        String column = standby.queryString("app", "SELECT CASE WHEN attnotnull THEN 'not null' ELSE 'nullable' END"
                + " FROM pg_attribute WHERE attrelid = 'public.users'::regclass AND attname = 'status'"
                + " AND NOT attisdropped");
        String actual = phase + "/" + (column == null ? "absent" : column);
        String expected = switch (step) {
            case "declare" -> "declared/absent";
            case "expand", "flag" -> "expanded/nullable";
            // the column is dropped after the barrier of the return to 'declared', so its drop may still be on its way
            case "rollback" -> "declared/" + (column == null ? "absent" : column);
            case "backfill" -> "backfilled/nullable";
            case "contract" -> "contracted/not null";
            case "complete" -> "complete/not null";
            default -> throw new IllegalArgumentException("no expectation for step " + step);
        };
        return expected.equals(actual) ? Optional.empty()
                : Optional.of("the standby shows " + actual + " (phase/column), expected " + expected);
    }
}
