package io.colshift.it;

import io.colshift.demo.workload.UsersTable;
import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
        try (UsersMigration users = new UsersMigration(db, 100)) {
            users.colshift("init");
            users.colshift("declare", users.spec.toString());
            assertThat(users.driverRunsCurrentState()).isTrue();
            Properties props = db.credentials();
            props.setProperty("prepareThreshold", "1");
            try (Connection app = DriverManager.getConnection(db.colshiftUrl(), props)) {
                app.setAutoCommit(false);
                assertThat(statusColumns(app)).isEqualTo(1);
                assertThat(statusColumns(app)).isEqualTo(1);
                app.commit();

                users.colshift("expand", UsersTable.MIGRATION_ID);

                assertThat(statusColumns(app)).as("status columns of SELECT * right after ADD COLUMN").isEqualTo(1);
                app.commit();
            }
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
}
