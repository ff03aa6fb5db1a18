package io.colshift.embedded.junit;

import io.colshift.embedded.PostgresServer;
import io.colshift.embedded.PostgresServers;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * JUnit 5 extension behind {@link WithPostgres}. One server per test JVM (found by
 * {@link PostgresServers#resolve()}, stopped when the JVM's tests end); one fresh database per test
 * class, so that tests cannot see each other's tables.
 */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(PostgresExtension.class);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException {
        PostgresServer server = server(context);
        String name = ("t_" + context.getRequiredTestClass().getSimpleName() + "_" + ProcessHandle.current().pid()
                + "_" + SEQUENCE.incrementAndGet()).toLowerCase(Locale.ROOT);
        try (Connection admin = adminConnection(server); Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        context.getStore(NAMESPACE).put(TestDatabase.class,
                new TestDatabase(name, server.jdbcUrl(name), server.user(), server.password()));
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        TestDatabase db = context.getStore(NAMESPACE).remove(TestDatabase.class, TestDatabase.class);
        if (db == null) {
            return;
        }
        try (Connection admin = adminConnection(server(context)); Statement st = admin.createStatement()) {
            st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + db.name() + "'");
            st.execute("DROP DATABASE IF EXISTS " + db.name());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
            TestDatabase db = c.getStore(NAMESPACE).get(TestDatabase.class, TestDatabase.class);
            if (db != null) {
                return db;
            }
        }
        throw new IllegalStateException("no test database: annotate the test class with @WithPostgres");
    }

    private static PostgresServer server(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(SharedServer.class, k -> new SharedServer(PostgresServers.resolve()),
                        SharedServer.class)
                .server;
    }

    private static Connection adminConnection(PostgresServer server) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", server.user());
        props.setProperty("password", server.password());
        return DriverManager.getConnection(server.jdbcUrl("postgres"), props);
    }

    /** Keeps the server in JUnit's root store, which closes it once every test of the JVM has run. */
    private record SharedServer(PostgresServer server) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            server.close();
        }
    }
}
