package io.colshift.it;

import io.colshift.demo.CliResult;
import io.colshift.demo.ColshiftCli;
import io.colshift.demo.workload.DatabaseTarget;
import io.colshift.demo.workload.DriverBarrier;
import io.colshift.demo.workload.UsersTable;
import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Between {@code ADD COLUMN} (committed by {@code colshift expand}) and the moment a driver hears of
 * the new state, applications still send the declared-phase text. A {@code SELECT *} server-prepared
 * in that text must not fail inside a transaction ("cached plan must not change result type") nor
 * return the column twice.
 */
@WithPostgres
class AddColumnWindowIT {

    @Test
    void cachedSelectStarInATransactionSurvivesAddColumnBeforeTheDriverHearsOfIt(TestDatabase db) throws Exception {
        UsersTable table = new UsersTable("public");
        try (Connection c = db.connect()) {
            table.createAndSeed(c, 100);
        }
        DatabaseTarget target = new DatabaseTarget(db.jdbcUrl(), db.user(), db.password(), "colshift");
        ColshiftCli cli = new ColshiftCli(target);
        Path spec = Files.createTempFile("users-status-", ".yaml");
        Files.writeString(spec, table.specYaml());
        ok(cli.run("init"));
        ok(cli.run("declare", spec.toString()));
        assertThat(new DriverBarrier(target, table).awaitCurrentState(Duration.ofSeconds(10))).isTrue();
        Properties props = db.credentials();
        props.setProperty("prepareThreshold", "1");
        try (Connection app = DriverManager.getConnection(db.colshiftUrl(), props)) {
            app.setAutoCommit(false);
            assertThat(statusColumns(app)).isEqualTo(1);
            assertThat(statusColumns(app)).isEqualTo(1);
            app.commit();

            ok(cli.run("expand", UsersTable.MIGRATION_ID));

            assertThat(statusColumns(app)).as("status columns of SELECT * right after ADD COLUMN").isEqualTo(1);
            app.commit();
        } finally {
            Files.deleteIfExists(spec);
        }
    }

    private static int statusColumns(Connection app) throws Exception {
        try (PreparedStatement ps = app.prepareStatement("SELECT * FROM users WHERE id = ?")) {
            ps.setLong(1, 3);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                int n = 0;
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    n += "status".equals(rs.getMetaData().getColumnLabel(i)) ? 1 : 0;
                }
                return n;
            }
        }
    }

    private static void ok(CliResult result) {
        assertThat(result.exitCode()).as("%s", result).isZero();
    }
}
