package io.colshift.driver;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** colshift underneath HikariCP, configured the two ways applications do it. */
@WithPostgres
class HikariIT {

    private final TestDatabase db;

    HikariIT(TestDatabase db) {
        this.db = db;
    }

    @Test
    void worksWithJdbcUrlAndDriverClassName() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.colshiftUrl());
        config.setDriverClassName(ColshiftDriver.class.getName());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.setMaximumPoolSize(2);
        config.setPoolName("colshift-url");
        try (HikariDataSource pool = new HikariDataSource(config)) {
            exercise(pool, "url");
        }
    }

    @Test
    void worksWithDataSourceClassNameAndAConnectionTestQuery() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setDataSourceClassName(ColshiftDataSource.class.getName());
        config.addDataSourceProperty("url", db.colshiftUrl());
        config.addDataSourceProperty("user", db.user());
        config.addDataSourceProperty("password", db.password());
        config.addDataSourceProperty("cacheSize", "100");
        config.setConnectionTestQuery("SELECT 1");
        config.setMaximumPoolSize(2);
        config.setPoolName("colshift-ds");
        try (HikariDataSource pool = new HikariDataSource(config)) {
            exercise(pool, "ds");
            assertThat(pool.getHikariPoolMXBean().getTotalConnections()).isPositive();
        }
    }

    private static void exercise(HikariDataSource pool, String name) throws Exception {
        for (int round = 0; round < 3; round++) {
            try (Connection c = pool.getConnection()) {
                assertThat(c.isValid(2)).isTrue();
                assertThat(c.isWrapperFor(ColshiftConnection.class)).isTrue();
                assertThat(c.unwrap(ColshiftConnection.class).stateVersion()).isZero();
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE TABLE IF NOT EXISTS pooled_" + name + " (id int PRIMARY KEY, v text)");
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO pooled_" + name + " VALUES (?, ?)")) {
                    ps.setInt(1, round);
                    ps.setString(2, "round" + round);
                    assertThat(ps.executeUpdate()).isEqualTo(1);
                }
            }
        }
        try (Connection c = pool.getConnection()) {
            PGConnection pg = c.unwrap(PGConnection.class);
            assertThat(pg.getBackendPID()).isPositive();
            CopyManager copy = new CopyManager(c.unwrap(BaseConnection.class));
            assertThat(copy.copyIn("COPY pooled_" + name + " FROM STDIN (FORMAT csv)", new StringReader("10,ten\n")))
                    .isEqualTo(1);
            StringWriter out = new StringWriter();
            pg.getCopyAPI().copyOut("COPY (SELECT id FROM pooled_" + name + " ORDER BY id) TO STDOUT", out);
            assertThat(out.toString()).isEqualTo("0\n1\n2\n10\n");

            try (Statement st = c.createStatement()) {
                st.execute("LISTEN pool_" + name);
                st.execute("NOTIFY pool_" + name + ", 'ping'");
            }
            assertThat(pg.getNotifications(5000)).extracting(n -> n.getParameter()).containsExactly("ping");
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM pooled_" + name)) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(4);
                assertThat(rs.getStatement().getConnection()).isSameAs(c);
            }
        }
    }
}
