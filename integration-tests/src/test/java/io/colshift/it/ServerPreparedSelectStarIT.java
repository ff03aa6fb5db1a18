package io.colshift.it;

import io.colshift.demo.workload.UsersTable;
import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * pgjdbc caches server-side prepared statements by their text. After {@code ADD COLUMN}, executing a
 * cached {@code SELECT *} fails with "cached plan must not change result type" (SQLSTATE 0A000) —
 * and colshift makes that happen by design, because once a migration is contracted the application's
 * original text comes back, whose plan was prepared before the column existed. pgjdbc heals this by
 * itself only in auto-commit mode; inside a transaction the error aborts the transaction. An
 * application that prepared the statement before the migration must not notice, in either mode.
 */
@WithPostgres
class ServerPreparedSelectStarIT {

    private static final String SELECT_STAR = "SELECT * FROM users WHERE id = ?";

    @Test
    void plainPgjdbcHealsACachedSelectStarAfterAddColumnOnlyOutsideATransaction(TestDatabase db) throws Exception {
        try (Connection setup = db.connect(); Statement st = setup.createStatement()) {
            st.execute("CREATE TABLE trap (id int PRIMARY KEY, a text)");
            st.execute("INSERT INTO trap VALUES (1, 'x')");
        }
        Properties props = db.credentials();
        props.setProperty("prepareThreshold", "1");
        try (Connection app = DriverManager.getConnection(db.jdbcUrl(), props);
             PreparedStatement ps = app.prepareStatement("SELECT * FROM trap WHERE id = ?")) {
            ps.setInt(1, 1);
            assertThat(columnCount(ps)).isEqualTo(2);
            assertThat(columnCount(ps)).isEqualTo(2);
            addColumn(db, "b");
            // in auto-commit mode pgjdbc re-prepares and retries by itself
            assertThat(columnCount(ps)).isEqualTo(3);

            app.setAutoCommit(false);
            assertThat(columnCount(ps)).isEqualTo(3);
            app.commit();
            addColumn(db, "c");
            // inside a transaction it cannot: the error has already aborted the transaction
            assertThatThrownBy(() -> columnCount(ps)).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("0A000"))
                    .hasMessageContaining("cached plan must not change result type");
            app.rollback();
        }
    }

    private static int columnCount(PreparedStatement ps) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            return rs.getMetaData().getColumnCount();
        }
    }

    private static void addColumn(TestDatabase db, String column) throws SQLException {
        try (Connection ddl = db.connect(); Statement st = ddl.createStatement()) {
            st.execute("ALTER TABLE trap ADD COLUMN " + column + " text");
        }
    }

    @Test
    void cachedSelectStarKeepsWorkingThroughEveryPhaseInAndOutOfTransactions(TestDatabase db) throws Exception {
        try (UsersMigration users = new UsersMigration(db, 100)) {
            users.colshift("init");
            Properties props = db.credentials();
            props.setProperty("prepareThreshold", "1");
            try (Connection app = DriverManager.getConnection(db.colshiftUrl(), props)) {
                assertThat(selectStarColumns(app)).doesNotContain("status");
                app.setAutoCommit(false);
                assertThat(selectStarColumns(app)).doesNotContain("status");
                app.commit();
                List<List<String>> steps = List.of(
                        List.of("declare", users.spec.toString()),
                        List.of("expand", UsersTable.MIGRATION_ID),
                        List.of("flag", UsersTable.MIGRATION_ID, "--writes", "on"),
                        List.of("backfill", UsersTable.MIGRATION_ID),
                        List.of("contract", UsersTable.MIGRATION_ID),
                        List.of("complete", UsersTable.MIGRATION_ID));
                for (List<String> step : steps) {
                    users.colshift(step.toArray(String[]::new));
                    assertThat(users.driverRunsCurrentState())
                            .as("the driver runs the state `colshift %s` published", step.get(0)).isTrue();
                    for (boolean inTransaction : new boolean[] {true, false, true}) {
                        String when = "SELECT * after `colshift " + step.get(0) + "`"
                                + (inTransaction ? ", in a transaction" : "");
                        app.setAutoCommit(!inTransaction);
                        List<String> columns;
                        try {
                            columns = selectStarColumns(app);
                        } catch (SQLException e) {
                            throw new AssertionError(when + " failed: " + e.getMessage(), e);
                        }
                        assertThat(columns).as(when).containsSubsequence("id", "email", "name", "deleted_at", "created_at")
                                .containsOnlyOnce("status");
                        if (inTransaction) {
                            app.commit();
                        }
                    }
                }
            }
        }
    }

    /** Column labels of the cached {@code SELECT *}, after checking it found its row. */
    private static List<String> selectStarColumns(Connection app) throws SQLException {
        try (PreparedStatement ps = app.prepareStatement(SELECT_STAR)) {
            ps.setLong(1, 7);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("email")).isEqualTo(UsersTable.seededEmail(7));
                int n = rs.getMetaData().getColumnCount();
                List<String> labels = new java.util.ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    labels.add(rs.getMetaData().getColumnLabel(i));
                }
                return labels;
            }
        }
    }
}
