package io.colshift.state;

import java.sql.SQLException;

/** Tells a lost connection (reconnect) from a refused statement (the connection is fine). */
final class ConnectionFailures {

    private ConnectionFailures() {
    }

    static boolean isConnectionFailure(SQLException e) {
        String state = e.getSQLState();
        return state == null
                || state.startsWith("08")       // connection exception
                || state.equals("57P01")        // admin_shutdown, e.g. pg_terminate_backend
                || state.equals("57P02")        // crash_shutdown
                || state.equals("57P03");       // cannot_connect_now
    }
}
