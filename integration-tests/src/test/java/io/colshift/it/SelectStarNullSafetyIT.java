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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Once the column exists but is not backfilled (expanded), {@code SELECT *} through the driver must
 * show the spec's value for rows still NULL, as an explicit {@code SELECT status} does.
 */
@WithPostgres
class SelectStarNullSafetyIT {

    @Test
    void selectStarReadsTheFallbackForRowsNotYetBackfilled(TestDatabase db) throws Exception {
        UsersTable table = new UsersTable("public");
        try (Connection c = db.connect()) {
            table.createAndSeed(c, 100);
        }
        DatabaseTarget target = new DatabaseTarget(db.jdbcUrl(), db.user(), db.password(), "colshift");
        ColshiftCli cli = new ColshiftCli(target);
        Path spec = Files.createTempFile("users-status-", ".yaml");
        Files.writeString(spec, table.specYaml());
        try {
            ok(cli.run("init"));
            ok(cli.run("declare", spec.toString()));
            ok(cli.run("expand", UsersTable.MIGRATION_ID));
            assertThat(new DriverBarrier(target, table).awaitCurrentState(Duration.ofSeconds(10))).isTrue();
            try (Connection app = DriverManager.getConnection(db.colshiftUrl(), db.credentials())) {
                assertThat(status(app, "SELECT status FROM users WHERE id = ?", 3)).isEqualTo("active");
                assertThat(status(app, "SELECT * FROM users WHERE id = ?", 3)).isEqualTo("active");
                assertThat(status(app, "SELECT u.* FROM users u WHERE u.id = ?", 10)).isEqualTo("gone");
            }
        } finally {
            Files.deleteIfExists(spec);
        }
    }

    private static String status(Connection app, String sql, long id) throws Exception {
        try (PreparedStatement ps = app.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString("status");
            }
        }
    }

    private static void ok(CliResult result) {
        assertThat(result.exitCode()).as("%s", result).isZero();
    }
}
