package io.colshift.driver;

import java.sql.Connection;

/**
 * What a connection from the colshift driver tells about itself. Reach it with
 * {@code connection.unwrap(ColshiftConnection.class)}, also through a pool such as HikariCP.
 */
public interface ColshiftConnection extends Connection {

    /**
     * The control-schema state version the next statement on this connection would be rewritten for. Like a
     * statement, it refreshes the state over this connection first when its lease has run out.
     */
    long stateVersion();

    /**
     * {@code host:port} of the server whose state this connection follows: the one pgjdbc connected it to (with a
     * multi-host URL, each connection its own). Empty when colshift follows no state ({@code colshift.enabled=false}
     * or not PostgreSQL).
     */
    String followedServer();

    /**
     * How the state this connection's server runs under was last read: {@code watcher-notify},
     * {@code watcher-poll} (colshift's own connection), {@code application-connection} (over an application
     * connection, because the lease ran out) or {@code none} (never read).
     */
    String stateOrigin();

    /**
     * How many statements of this connection's server ran under a snapshot older than the lease because
     * refreshing it failed (counted, logged once), since this JVM started.
     */
    long statementsRunStale();

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
