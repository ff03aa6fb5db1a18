package io.colshift.it;

import io.colshift.demo.workload.PhaseSummary;
import io.colshift.embedded.LocalPostgres;
import io.colshift.embedded.PgBouncer;
import io.colshift.embedded.junit.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

/**
 * The whole lifecycle with every application connection — v1 and v2 writers and both readers — going through
 * PgBouncer in transaction mode, with pgjdbc's default {@code prepareThreshold}, fewer server connections than
 * clients, and the drivers' watchers reaching the server through the same pooler (where {@code LISTEN} is deaf).
 * The CLI talks to PostgreSQL directly, as an operator's would. Nothing may fail and nothing may read wrong: the
 * lease makes a state change visible by the time a step returns, however late polling hears of it.
 */
class PgBouncerDeployIT {

    /** Server connections PgBouncer keeps per database and user; the applications hold more client connections. */
    private static final int SERVER_CONNECTIONS = 4;

    @Test
    void everyApplicationThroughATransactionPoolerFollowsEveryStepWithoutAFailedStatement() throws Exception {
        try (LocalPostgres server = LocalPostgres.start()) {
            TestDatabase db = server.createDatabase("app");
            try (PgBouncer bouncer = PgBouncer.transactionPool(db.jdbcUrl(), db.user(), db.password(),
                    SERVER_CONNECTIONS)) {
                String pooled = bouncer.jdbcUrl("app");
                List<TopologyDeploy.ReaderSite> sites = List.of(
                        new TopologyDeploy.ReaderSite("pgbouncer", "jdbc:colshift:" + pooled.substring("jdbc:".length())));
                try (TopologyDeploy deploy = new TopologyDeploy(db, pooled, sites, step -> Optional.empty())) {
                    List<PhaseSummary> phases = deploy.runLifecycle(TopologyDeploy::plainBackfill);
                    deploy.assertPromisesKept(phases, List.of());
                }
            }
        }
    }
}
