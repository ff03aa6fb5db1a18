package io.colshift.security;

import io.colshift.embedded.EmbeddedServer;
import io.colshift.embedded.junit.TestDatabase;
import io.colshift.phase.SearchPathPin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The planted-function attack on PostgreSQL 14, the last version whose defaults let every role create objects in
 * {@code public}. Whatever version the rest of the suite runs on, this class starts an embedded PostgreSQL 14 of
 * its own, on 127.0.0.1, from the binaries jar the build copies into {@code target/pg-binaries}
 * ({@code colshift.pg14.binaries}), and stops it afterwards.
 */
class PlantedFunctionAttackOnPostgres14IT extends PlantedFunctionAttack {

    static final String BINARIES_PROPERTY = "colshift.pg14.binaries";

    private EmbeddedServer server;
    private TestDatabase db;

    @BeforeAll
    void startPostgres14() throws SQLException {
        String jar = System.getProperty(BINARIES_PROPERTY);
        if (jar == null) {
            throw new IllegalStateException(BINARIES_PROPERTY + " is not set: run this test through Maven (failsafe),"
                    + " which copies the PostgreSQL 14 binaries into admin-cli/target/pg-binaries");
        }
        server = EmbeddedServer.start(Path.of(jar));
        Properties props = new Properties();
        props.setProperty("user", server.user());
        props.setProperty("password", server.password());
        try (Connection c = SearchPathPin.pin(DriverManager.getConnection(server.jdbcUrl("postgres"), props));
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE attack14");
        }
        db = new TestDatabase("attack14", server.jdbcUrl("attack14"), server.user(), server.password());
    }

    @AfterAll
    void stopPostgres14() throws SQLException {
        dropRole();
        if (server != null) {
            server.close();
        }
    }

    @Override
    TestDatabase database() {
        return db;
    }

    @Override
    int expectedMajorVersion() {
        return 14;
    }
}
