package io.colshift.phase;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Pins {@code search_path} of every session the CLI opens to {@code pg_catalog, pg_temp}, before anything else
 * runs on it.
 *
 * <p>The CLI often runs as a superuser, and until PostgreSQL 15 every role may create objects in schema
 * {@code public}. Under the default path ({@code "$user", public}) a function the application role plants there,
 * say {@code public.jsonb_build_object(text, bigint)}, is a better match for a call the CLI makes than the built-in
 * one, and would run with the CLI's privileges (CVE-2018-1058). With the pinned path every unqualified function,
 * operator, type and table the CLI's statements name, and every one in a spec's expressions, resolves in
 * {@code pg_catalog} or nowhere; {@code pg_temp} comes last, so a temporary object can shadow nothing, and
 * functions are never looked up in it at all. Objects of the application's own schemas must be schema-qualified.
 */
public final class SearchPathPin {

    /** The path every CLI session runs with. */
    public static final String PINNED = "pg_catalog, pg_temp";

    private SearchPathPin() {
    }

    /**
     * Pins {@code connection}'s session (closing it when that fails) and returns it. Call it on a fresh connection:
     * the setting is committed at once, so no later rollback can undo it.
     */
    public static Connection pin(Connection connection) throws SQLException {
        try {
            try (Statement st = connection.createStatement()) {
                st.execute("SET search_path TO " + PINNED);
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return connection;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /** A factory whose every connection is pinned. */
    public static ConnectionFactory pinning(ConnectionFactory factory) {
        return () -> pin(factory.open());
    }

    /**
     * The schemas an unqualified relation name would be looked up in without the pin, in order (the role's
     * configured {@code search_path}, with the implicit {@code pg_catalog}). Used only to find the table a spec
     * names without a schema; nothing but one fully qualified call runs while the configured path is in effect,
     * and the pin is back when this returns.
     */
    public static List<String> configuredSchemas(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            // is_local = true: the setting ends with this transaction, which is rolled back below
            st.execute("SELECT pg_catalog.set_config('search_path', reset_val, true) FROM pg_catalog.pg_settings"
                    + " WHERE name = 'search_path'");
            try (ResultSet rs = st.executeQuery("SELECT pg_catalog.current_schemas(true)")) {
                rs.next();
                Array schemas = rs.getArray(1);
                return List.of((String[]) schemas.getArray());
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }
}
