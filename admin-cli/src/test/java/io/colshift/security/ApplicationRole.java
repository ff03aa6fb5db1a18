package io.colshift.security;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.phase.SearchPathPin;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The application's role in a test database: it may log in and use the application's tables, and is no
 * superuser. Roles belong to the whole server, so each test database gets one of its own, dropped with it.
 */
final class ApplicationRole implements AutoCloseable {

    static final String PASSWORD = "app-password";

    private final TestDatabase db;
    private final String name;

    private ApplicationRole(TestDatabase db, String name) {
        this.db = db;
        this.name = name;
    }

    static ApplicationRole create(TestDatabase db) throws SQLException {
        String name = (db.name() + "_app");
        name = name.length() > 63 ? name.substring(name.length() - 63) : name;
        try (Connection c = SearchPathPin.pin(db.connect()); Statement st = c.createStatement()) {
            st.execute("CREATE ROLE " + name + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '" + PASSWORD + "'");
        }
        return new ApplicationRole(db, name);
    }

    String name() {
        return name;
    }

    /** A plain session of the role, with the path it has by default (the application's view). */
    Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", name);
        props.setProperty("password", PASSWORD);
        return DriverManager.getConnection(db.jdbcUrl(), props);
    }

    void execute(String... statements) throws SQLException {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    /** Drops what the role owns in the test database, then the role. */
    @Override
    public void close() throws SQLException {
        try (Connection c = SearchPathPin.pin(db.connect()); Statement st = c.createStatement()) {
            st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '" + name + "'");
            st.execute("DROP OWNED BY " + name + " CASCADE");
            st.execute("DROP ROLE " + name);
        }
    }
}
