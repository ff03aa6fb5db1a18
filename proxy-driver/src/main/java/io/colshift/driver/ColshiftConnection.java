package io.colshift.driver;

import java.sql.Connection;

/**
 * What a connection from the colshift driver tells about itself. Reach it with
 * {@code connection.unwrap(ColshiftConnection.class)}, also through a pool such as HikariCP.
 */
public interface ColshiftConnection extends Connection {

    /** The control-schema state version the next statement on this connection would be rewritten for. */
    long stateVersion();

    /**
     * How many statements of this connection's database were sent unchanged because colshift could not
     * handle them safely (fail open), since this JVM started.
     */
    long statementsPassedUnchanged();

    /** The underlying driver's connection; statements sent on it bypass colshift entirely. */
    Connection realConnection();
}
