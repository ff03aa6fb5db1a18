package io.colshift.state;

import org.postgresql.PGConnection;
import org.postgresql.PGStatement;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Tells whether a pgjdbc connection reaches its server through a pooler that hands out server connections per
 * transaction or statement: the backend that runs its queries differs from the one that announced itself at
 * start-up. One definition for the application's connections and for the watcher's own.
 */
public final class PoolerProbe {

    private PoolerProbe() {
    }

    /**
     * Whether {@code c}'s queries run on another backend than the one it connected to. The probe is sent unnamed
     * whatever the connection's {@code prepareThreshold} (pgjdbc names even a plain statement's query once that is
     * reached): it must leave nothing behind on a server connection other clients may share.
     */
    public static boolean behindPooler(Connection c) throws SQLException {
        int announced = c.unwrap(PGConnection.class).getBackendPID();
        try (Statement st = c.createStatement()) {
            st.unwrap(PGStatement.class).setPrepareThreshold(0);
            try (ResultSet rs = st.executeQuery("SELECT pg_catalog.pg_backend_pid()")) {
                rs.next();
                return rs.getInt(1) != announced;
            }
        }
    }
}
