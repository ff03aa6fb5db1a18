package io.colshift.demo.workload;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The simulated applications and their checks, on tables that need no rewriting: v1 on the table
 * before the migration, v2 on the table after it. If these were not clean, the rolling-deploy suite
 * could not tell a colshift bug from a bug of its own; and a check that cannot fail proves nothing,
 * so each is also shown failing when the database holds something else.
 */
@WithPostgres
class SimulatedAppIT {

    private static final long ROWS = 2_000;

    @Test
    void bothVersionsRunCleanAndEveryAcknowledgedWriteIsFound(TestDatabase db) throws Exception {
        UsersTable table = new UsersTable("clean");
        try (Connection c = db.connect()) {
            table.createAndSeed(c, ROWS);
        }
        Ledger ledger = new Ledger();
        WorkloadStats v1Stats = new WorkloadStats("v1");
        WorkloadStats v2Stats = new WorkloadStats("v2");
        DatabaseTarget target = new DatabaseTarget(db.jdbcUrl(), db.user(), db.password(), "colshift");
        try {
            try (SimulatedApp v1 = SimulatedApp.start(AppVersion.V1, target, table, ledger, ROWS, Traffic.of(2, 300), 0, 4,
                    v1Stats)) {
                Thread.sleep(1_500);
            }
            completeMigrationByHand(db, table);
            try (SimulatedApp v1 = SimulatedApp.start(AppVersion.V1, target, table, ledger, ROWS, Traffic.of(2, 300), 0, 4,
                    v1Stats);
                 SimulatedApp v2 = SimulatedApp.start(AppVersion.V2, target, table, ledger, ROWS, Traffic.of(2, 300), 2, 4,
                         v2Stats)) {
                Thread.sleep(1_500);
            }
        } finally {
            DriverShutdown.stopWatching(target);
        }

        assertThat(v1Stats.firstProblems()).isEmpty();
        assertThat(v2Stats.firstProblems()).isEmpty();
        assertThat(v2Stats.gatedWrites()).as("nothing holds writes back on a table that has the column").isZero();
        LedgerReport report;
        try (Connection c = db.connect()) {
            report = new LedgerVerifier(table).verify(c, ledger, ROWS, true);
        }
        assertThat(report.examples()).isEmpty();
        assertThat(report.clean()).isTrue();
        assertThat(ledger.rows()).anyMatch(r -> r.email().startsWith("v1-"))
                .anyMatch(r -> r.email().startsWith("v2-"))
                .anyMatch(ExpectedRow::deleted)
                .anyMatch(r -> r.status() != null && !r.status().equals(UsersTable.DEFAULT_VALUE));
    }

    @Test
    void verifierReportsWritesChangedOrLostBehindTheApplicationsBack(TestDatabase db) throws Exception {
        UsersTable table = new UsersTable("tampered");
        try (Connection c = db.connect()) {
            table.createAndSeed(c, ROWS);
        }
        Ledger ledger = new Ledger();
        ledger.acknowledge(ExpectedRow.seeded(5).withName("renamed by the app"));
        ledger.acknowledge(new ExpectedRow(0, "never-inserted@demo.test", "ghost", null, false, false));
        ledger.acknowledge(ExpectedRow.seeded(6).asDeleted());
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM tampered.users WHERE id = 7");

            LedgerReport report = new LedgerVerifier(table).verify(c, ledger, ROWS, false);

            assertThat(report.wrongValue()).as("id 5 still has its seeded name").isEqualTo(1);
            assertThat(report.missing()).isEqualTo(1);
            assertThat(report.resurrected()).as("id 6 was acknowledged as deleted").isEqualTo(1);
            assertThat(report.seededMissing()).isEqualTo(1);
            assertThat(report.lostWrites()).isEqualTo(4);
            assertThat(report.examples()).hasSize(4);
        }
    }

    @Test
    void clientsReportReadsThatDoNotMatchWhatTheyWrote(TestDatabase db) throws Exception {
        UsersTable table = new UsersTable("mismatch");
        try (Connection c = db.connect()) {
            table.createAndSeed(c, ROWS);
        }
        completeMigrationByHand(db, table);
        try (HikariDataSource pool = plainPool(db);
             Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("UPDATE mismatch.users SET name = 'changed behind its back', status = 'tampered'");
            WorkloadStats stats = new WorkloadStats("v2");
            for (AppClient client : List.of(
                    new V1Client(pool, table, new Ledger(), ROWS, 0, 1, 1),
                    new V2Client(pool, table, new Ledger(), ROWS, 0, 1, 1, stats))) {
                Throwable thrown = null;
                for (int i = 0; i < 200 && thrown == null; i++) {
                    thrown = catchThrowable(client::next);
                }
                assertThat(thrown).as("%s noticed", client.getClass().getSimpleName()).isInstanceOf(ResultMismatch.class);
            }
        }
    }

    /** The table as it is once the migration is complete, made without colshift. */
    private static void completeMigrationByHand(TestDatabase db, UsersTable table) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE " + table.qualifiedName() + " ADD COLUMN status text");
            st.execute("UPDATE " + table.qualifiedName() + " SET status = " + UsersTable.BACKFILL);
            st.execute("ALTER TABLE " + table.qualifiedName() + " ALTER COLUMN status SET DEFAULT 'active'");
            st.execute("ALTER TABLE " + table.qualifiedName() + " ALTER COLUMN status SET NOT NULL");
        }
    }

    private static HikariDataSource plainPool(TestDatabase db) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }
}
