package io.colshift.driver;

import io.colshift.embedded.PgBouncer;
import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import io.colshift.state.StateWatcher;
import io.colshift.state.StateWatchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same application through PgBouncer in transaction mode, once with plain pgjdbc and once with the colshift
 * driver, while a column is added step by step in the middle of the traffic. Named statements do not survive a
 * transaction pooler that does not keep them (PgBouncer 1.18 here): with {@code prepareThreshold} above 0, plain
 * pgjdbc's clients fail with 42P05/26000/08P01 and now and then get another client's statement's result. The
 * colshift driver detects the pooler and sends every statement unnamed, so it must see no failure and no wrong
 * result at any threshold, and never touch another client's prepared statements.
 */
@WithPostgres
class TransactionPoolerIT {

    private static final int CLIENTS = 4;
    private static final int SERVER_CONNECTIONS = 2;
    private static final long PHASE_MS = 300;

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
            String url = colshift ? colshiftUrl(plainUrl) : plainUrl;
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
        for (int i = 0; i < 1200 && c.stateVersion() < version; i++) {
            Thread.sleep(25);
        }
        assertThat(c.stateVersion()).as("state version the driver runs").isGreaterThanOrEqualTo(version);
    }

    private static String colshiftUrl(String plainUrl) {
        return "jdbc:colshift:" + plainUrl.substring("jdbc:".length());
    }

    private static int prepareThreshold(Connection c) throws SQLException {
        return c.unwrap(org.postgresql.PGConnection.class).getPrepareThreshold();
    }

    private static int readById(PreparedStatement ps, int id) throws SQLException {
        ps.setInt(1, id);
        try (ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            return rs.getInt("id");
        }
    }

    @Test
    void aPoolerIsDetectedFromTheBackendPidAndADirectConnectionIsNot() throws Exception {
        try (PgBouncer bouncer = PgBouncer.transactionPool(db.jdbcUrl(), db.user(), db.password(), 1)) {
            String pooled = colshiftUrl(bouncer.jdbcUrl(db.name())) + "?prepareThreshold=5";
            try (Connection viaPooler = DriverManager.getConnection(pooled, db.credentials());
                 Connection toldNone = DriverManager.getConnection(pooled + "&colshift.pooler=none", db.credentials());
                 Connection keepsNames = DriverManager.getConnection(pooled + "&colshift.pooler=transaction-prepared",
                         db.credentials());
                 Connection direct = DriverManager.getConnection(db.colshiftUrl(), db.credentials())) {
                assertThat(viaPooler.unwrap(ColshiftConnection.class).sharesBackends()).isTrue();
                assertThat(prepareThreshold(viaPooler)).as("detected: every statement unnamed").isZero();
                assertThat(toldNone.unwrap(ColshiftConnection.class).sharesBackends()).isFalse();
                assertThat(prepareThreshold(toldNone)).isEqualTo(5);
                assertThat(keepsNames.unwrap(ColshiftConnection.class).sharesBackends()).isTrue();
                assertThat(prepareThreshold(keepsNames)).as("the pooler keeps named statements").isEqualTo(5);
                assertThat(direct.unwrap(ColshiftConnection.class).sharesBackends()).isFalse();
                assertThat(prepareThreshold(direct)).as("pgjdbc's default").isEqualTo(5);
            } finally {
                StateWatchers.find(bouncer.jdbcUrl(db.name()), db.credentials(), PooledMigration.SCHEMA)
                        .ifPresent(StateWatcher::close);
            }
        }
    }

    /**
     * One server connection shared by a plain pgjdbc client with a named statement and a colshift client that sees
     * the state move: DEALLOCATE ALL from colshift would land on that server connection and the plain client's next
     * transaction would fail with 26000 "prepared statement S_1 does not exist".
     */
    @Test
    void aStateChangeLeavesOtherClientsPreparedStatementsAlone() throws Exception {
        PooledMigration migration = new PooledMigration(db);
        migration.reset();
        try (Connection direct = db.connect()) {
            PooledWorkload.createTable(direct, 1);
        }
        try (PgBouncer bouncer = PgBouncer.transactionPool(db.jdbcUrl(), db.user(), db.password(), 1)) {
            String plainUrl = bouncer.jdbcUrl(db.name()) + "?prepareThreshold=1";
            Properties props = db.credentials();
            props.setProperty("colshift.pollMs", "50");
            try (Connection plain = DriverManager.getConnection(plainUrl, db.credentials());
                 Connection colshift = DriverManager.getConnection(colshiftUrl(plainUrl), props);
                 PreparedStatement named = plain.prepareStatement("SELECT * FROM accounts WHERE id = ?");
                 PreparedStatement other = colshift.prepareStatement("SELECT * FROM accounts WHERE id = ?")) {
                assertThat(readById(named, 1)).isEqualTo(1);
                assertThat(readById(named, 2)).isEqualTo(2);
                assertThat(named.unwrap(org.postgresql.PGStatement.class).isUseServerPrepare()).isTrue();

                awaitVersion(colshift, migration.run(PooledMigration.STEPS.get(0)));
                assertThat(readById(other, 3)).as("colshift's first statement under the new state").isEqualTo(3);

                plain.setAutoCommit(false); // inside a transaction pgjdbc cannot heal a lost statement by retrying
                assertThat(readById(named, 4)).isEqualTo(4);
                plain.commit();
            } finally {
                StateWatchers.find(plainUrl, db.credentials(), PooledMigration.SCHEMA).ifPresent(StateWatcher::close);
            }
        }
    }

    @ParameterizedTest(name = "prepareThreshold={0}")
    @ValueSource(ints = {0, 1, 5})
    void colshiftIsNoWorseThanPgjdbcThroughATransactionPooler(int prepareThreshold) throws Exception {
        PooledWorkload.Outcome plain = run(false, prepareThreshold);
        PooledWorkload.Outcome colshift = run(true, prepareThreshold);
        assertThat(colshift.operations()).as("operations through colshift").isGreaterThan(100);
        assertThat(colshift.wrongResults()).as("wrong results through colshift: %s", colshift).isZero();
        assertThat(colshift.failureCount()).as("colshift %s vs pgjdbc %s", colshift, plain)
                .isLessThanOrEqualTo(plain.failureCount());
    }
}
