package io.colshift.bench;

import io.colshift.embedded.EmbeddedServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The database every benchmark runs against: an embedded PostgreSQL with a {@code bench_users} table.
 * One per benchmark trial, so that raw pgjdbc and colshift are measured on the same server in the same run.
 */
public final class BenchDatabase implements AutoCloseable {

    private final EmbeddedServer server;

    private BenchDatabase(EmbeddedServer server) {
        this.server = server;
    }

    public static BenchDatabase start(int rows) throws SQLException {
        BenchDatabase db = new BenchDatabase(EmbeddedServer.start());
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE bench_users (id bigint PRIMARY KEY, name text NOT NULL, "
                    + "email text NOT NULL, balance bigint NOT NULL DEFAULT 0, deleted_at timestamptz)");
            st.execute("INSERT INTO bench_users (id, name, email) SELECT g, 'user ' || g, 'u' || g || '@example.com' "
                    + "FROM generate_series(1, " + rows + ") g");
            st.execute("ANALYZE bench_users");
        }
        return db;
    }

    /** Plain pgjdbc URL: the baseline. */
    public String rawUrl() {
        return server.jdbcUrl("postgres");
    }

    /** The same database through colshift. */
    public String colshiftUrl() {
        return "jdbc:colshift:" + rawUrl().substring("jdbc:".length());
    }

    public String user() {
        return server.user();
    }

    public String password() {
        return server.password();
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(rawUrl(), user(), password());
    }

    @Override
    public void close() {
        server.close();
    }
}
