package io.colshift.embedded;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The PgBouncer launcher in front of the test server: transaction pooling, started and stopped by PID. */
@WithPostgres
class PgBouncerIT {

    private final TestDatabase db;

    PgBouncerIT(TestDatabase db) {
        this.db = db;
    }

    private static int backendPid(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT pg_catalog.pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void consecutiveTransactionsOfOneClientRunOnDifferentServerConnections() throws Exception {
        try (PgBouncer bouncer = PgBouncer.transactionPool(db.jdbcUrl(), db.user(), db.password(), 2)) {
            String url = bouncer.jdbcUrl(db.name());
            try (Connection a = DriverManager.getConnection(url, db.credentials());
                 Connection b = DriverManager.getConnection(url, db.credentials());
                 Connection c = DriverManager.getConnection(url, db.credentials());
                 Statement sa = a.createStatement(); Statement sb = b.createStatement();
                 Statement sc = c.createStatement()) {
                c.setAutoCommit(false);
                int first = backendPid(sc);          // c holds one server connection
                int aBefore = backendPid(sa);        // so a runs on the other one
                b.setAutoCommit(false);
                int bHolds = backendPid(sb);         // the only free one: a's
                c.commit();
                int aAfter = backendPid(sa);         // the only free one now: c's
                b.commit();

                assertThat(aBefore).isNotEqualTo(first);
                assertThat(bHolds).isEqualTo(aBefore);
                assertThat(aAfter).as("a's backend after b took its server connection").isEqualTo(first)
                        .isNotEqualTo(aBefore);
            }
        }
    }

    @Test
    void aRoleWithAPasswordLogsInWithItAndOnlyWithIt() throws Exception {
        try (Connection admin = db.connect(); Statement st = admin.createStatement()) {
            st.execute("DROP ROLE IF EXISTS bouncer_app");
            st.execute("CREATE ROLE bouncer_app LOGIN PASSWORD 'app \"secret\"'");
        }
        try (PgBouncer bouncer = PgBouncer.transactionPool(db.jdbcUrl(), "bouncer_app", "app \"secret\"", 1)) {
            Properties good = new Properties();
            good.setProperty("user", "bouncer_app");
            good.setProperty("password", "app \"secret\"");
            try (Connection c = DriverManager.getConnection(bouncer.jdbcUrl(db.name()), good);
                 Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT current_user")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("bouncer_app");
            }
            Properties bad = new Properties();
            bad.setProperty("user", "bouncer_app");
            bad.setProperty("password", "guess");
            assertThatThrownBy(() -> DriverManager.getConnection(bouncer.jdbcUrl(db.name()), bad).close())
                    .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
        } finally {
            try (Connection admin = db.connect(); Statement st = admin.createStatement()) {
                st.execute("DROP ROLE IF EXISTS bouncer_app");
            }
        }
    }

    @Test
    void closingStopsTheProcessByItsPid() {
        PgBouncer bouncer = PgBouncer.transactionPool(db.jdbcUrl(), db.user(), db.password(), 1);
        ProcessHandle process = ProcessHandle.of(bouncer.pid()).orElseThrow();
        assertThat(process.isAlive()).isTrue();
        bouncer.close();
        assertThat(process.isAlive()).isFalse();
    }
}
