package io.colshift.it;

import io.colshift.demo.workload.UsersTable;
import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Once the column exists but is not backfilled (expanded), {@code SELECT *} through the driver must
 * show the spec's value for rows still NULL, as an explicit {@code SELECT status} does.
 */
@WithPostgres
class SelectStarNullSafetyIT {

    @Test
    void selectStarReadsTheFallbackForRowsNotYetBackfilled(TestDatabase db) throws Exception {
        try (UsersMigration users = new UsersMigration(db, 100)) {
            users.colshift("init");
            users.colshift("declare", users.spec.toString());
            users.colshift("expand", UsersTable.MIGRATION_ID);
            assertThat(users.driverRunsCurrentState()).isTrue();
            try (Connection app = DriverManager.getConnection(db.colshiftUrl(), db.credentials())) {
                assertThat(status(app, "SELECT status FROM users WHERE id = ?", 3)).isEqualTo("active");
                assertThat(status(app, "SELECT * FROM users WHERE id = ?", 3)).isEqualTo("active");
                assertThat(status(app, "SELECT u.* FROM users u WHERE u.id = ?", 10)).isEqualTo("gone");
            }
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
}
