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

    /**
     * True when consecutive transactions of this connection may run on different PostgreSQL backends (a pooler in
     * transaction mode, set with {@code colshift.pooler} or detected when the connection opened): colshift then
     * leaves server-prepared statements alone, and sends statements unnamed unless the pooler keeps prepared
     * statements itself.
     */
    boolean sharesBackends();

    /** The underlying driver's connection; statements sent on it bypass colshift entirely. */
    Connection realConnection();
}
