package io.colshift.driver;

import io.colshift.embedded.PgBouncer;
import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import io.colshift.state.StateWatcher;
import io.colshift.state.StateWatchers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same application through PgBouncer in transaction mode, once with plain pgjdbc and once with the colshift
 * driver, while a column is added step by step in the middle of the traffic.
 */
@WithPostgres
class TransactionPoolerIT {

    private static final int CLIENTS = 4;
    private static final int SERVER_CONNECTIONS = 2;
    private static final long PHASE_MS = 500;

    private final TestDatabase db;

    TransactionPoolerIT(TestDatabase db) {
        this.db = db;
    }

    private PooledWorkload.Outcome run(boolean colshift, int prepareThreshold) throws Exception {
        PooledMigration migration = new PooledMigration(db);
        migration.reset();
        try (Connection direct = db.connect()) {
            PooledWorkload.createTable(direct, CLIENTS);
        }
        try (PgBouncer bouncer = PgBouncer.transactionPool(db.jdbcUrl(), db.user(), db.password(), SERVER_CONNECTIONS)) {
            String plainUrl = bouncer.jdbcUrl(db.name()) + "?prepareThreshold=" + prepareThreshold;
            String url = colshift ? "jdbc:colshift:" + plainUrl.substring("jdbc:".length()) : plainUrl;
            Properties props = db.credentials();
            if (colshift) {
                props.setProperty("colshift.pollMs", "50");
            }
            PooledWorkload workload = new PooledWorkload(url, props, CLIENTS);
            try (Connection probe = DriverManager.getConnection(url, props)) {
                workload.start();
                Thread.sleep(PHASE_MS);
                for (PooledMigration.Step step : PooledMigration.STEPS) {
                    long version = migration.run(step);
                    if (colshift) {
                        awaitVersion(probe, version);
                        if (step == PooledMigration.STEPS.get(0)) {
                            workload.newVersionStatements();
                        }
                    }
                    Thread.sleep(PHASE_MS);
                }
                PooledWorkload.Outcome outcome = workload.stop();
                System.out.println((colshift ? "colshift" : "pgjdbc  ") + " prepareThreshold=" + prepareThreshold
                        + ": " + outcome);
                return outcome;
            } finally {
                workload.close();
                if (colshift) {
                    StateWatchers.find(plainUrl, db.credentials(), PooledMigration.SCHEMA).ifPresent(StateWatcher::close);
                }
            }
        }
    }

    private static void awaitVersion(Connection probe, long version) throws InterruptedException {
        ColshiftConnection c = (ColshiftConnection) probe;
        for (int i = 0; i < 400 && c.stateVersion() < version; i++) {
            Thread.sleep(25);
        }
        assertThat(c.stateVersion()).as("state version the driver runs").isGreaterThanOrEqualTo(version);
    }

    @ParameterizedTest(name = "prepareThreshold={0}")
    @ValueSource(ints = {0, 1, 5})
    void colshiftIsNoWorseThanPgjdbcThroughATransactionPooler(int prepareThreshold) throws Exception {
        PooledWorkload.Outcome plain = run(false, prepareThreshold);
        PooledWorkload.Outcome colshift = run(true, prepareThreshold);
        assertThat(colshift.wrongResults()).as("wrong results through colshift: %s", colshift).isZero();
        assertThat(colshift.failureCount()).as("colshift %s vs pgjdbc %s", colshift, plain)
                .isLessThanOrEqualTo(plain.failureCount());
    }
}
