package io.colshift.demo;

import io.colshift.demo.workload.DatabaseTarget;
import io.colshift.demo.workload.DriverShutdown;
import io.colshift.demo.workload.UsersTable;
import io.colshift.embedded.EmbeddedServer;
import io.colshift.phase.SearchPathPin;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Properties;

/** Where the demo's table and control schema live, and how they are cleaned up. */
abstract class DemoDatabase implements AutoCloseable {

    private final DatabaseTarget target;
    private final UsersTable table;

    private DemoDatabase(DatabaseTarget target, UsersTable table) {
        this.target = target;
        this.table = table;
    }

    DatabaseTarget target() {
        return target;
    }

    UsersTable table() {
        return table;
    }

    abstract String description();

    /** A direct connection that bypasses colshift, with the pinned {@code search_path} of every colshift session. */
    Connection connectPlain() throws SQLException {
        Properties props = target.credentials();
        props.setProperty("ApplicationName", "colshift-demo");
        return SearchPathPin.pin(DriverManager.getConnection(target.plainUrl(), props));
    }

    @Override
    public abstract void close();

    /** A throw-away embedded server: everything goes when it stops. */
    static DemoDatabase embedded() {
        EmbeddedServer server = EmbeddedServer.start();
        return new DemoDatabase(new DatabaseTarget(server.jdbcUrl("postgres"), server.user(), server.password(),
                "colshift"), new UsersTable("public")) {
            @Override
            String description() {
                return server.description();
            }

            @Override
            public void close() {
                DriverShutdown.stopWatching(target());
                server.close();
            }
        };
    }

    /**
     * An existing server: the table and the control schema go into fresh schemas of their own, both
     * dropped afterwards, so nothing of the server's own data or colshift state is touched.
     */
    static DemoDatabase existing(String url, String user, String password) {
        String suffix = HexFormat.of().formatHex(SecureRandom.getSeed(3));
        String schema = "colshift_demo_" + suffix;
        DatabaseTarget target = new DatabaseTarget(url, user, password, schema + "_control");
        return new DemoDatabase(target, new UsersTable(schema)) {
            @Override
            String description() {
                return "schema " + schema + " (control schema " + target.controlSchema() + ") on " + url;
            }

            @Override
            public void close() {
                DriverShutdown.stopWatching(target);
                try (Connection c = connectPlain(); Statement st = c.createStatement()) {
                    st.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                    st.execute("DROP SCHEMA IF EXISTS " + target.controlSchema() + " CASCADE");
                } catch (SQLException e) {
                    throw new IllegalStateException("could not drop the demo schemas " + schema + " and "
                            + target.controlSchema() + ": " + e.getMessage(), e);
                }
            }
        };
    }
}
