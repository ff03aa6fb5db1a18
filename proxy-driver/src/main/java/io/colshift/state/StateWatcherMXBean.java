package io.colshift.state;

import java.util.List;
import java.util.Map;

/**
 * JMX view of one {@link StateWatcher} (the state of one server for this JVM), registered as
 * {@code io.colshift:type=StateWatcher,database=<host:port/db>,schema=<control schema>}, where {@code host:port}
 * is the server the application's connections actually reached.
 * The same numbers are available in code through {@link StateWatcher#stats()}.
 */
public interface StateWatcherMXBean {

    /** {@code host:port/database}. */
    String getDatabase();

    /** {@code host:port} of the server followed. */
    String getServer();

    String getControlSchema();

    String getClientId();

    /** State version of the snapshot statements are rewritten for (0: no control schema seen yet). */
    long getStateVersion();

    /** When the snapshot was last read from the database, ISO-8601, or empty when never. */
    String getLastRefresh();

    /** The lease (ms) the current snapshot was published with: the most it may age before a statement. */
    long getLeaseMs();

    /** How the current snapshot was read: {@code none}, {@code watcher-notify}, {@code watcher-poll} or
     * {@code application-connection}. */
    String getStateOrigin();

    /** Whether colshift keeps a connection of its own to this server ({@code colshift.watch}). */
    boolean isWatching();

    boolean isConnected();

    /** Whether the watcher's server is a standby (it then polls, never listens). */
    boolean isInRecovery();

    /** Whether the watcher found its queries reaching different backends (a transaction pooler) and stopped
     * relying on {@code LISTEN}. */
    boolean isPoolerDetected();

    /** Whether changes arrive by {@code LISTEN/NOTIFY}; otherwise only by polling. */
    boolean isListening();

    boolean isControlSchemaPresent();

    /**
     * One line per migration being rewritten: {@code id table.column phase writes=on|off}; then one per stored
     * migration refused by its checks ({@code refused id: field ...: reason}), for which statements pass unchanged.
     */
    List<String> getMigrations();

    long getReloads();

    long getNotifications();

    long getPolls();

    long getReconnects();

    long getHeartbeats();

    long getHeartbeatFailures();

    /** Refreshes done over an application connection because the lease had run out. */
    long getInlineRefreshes();

    long getInlineRefreshFailures();

    /** Statements that ran under an expired lease because the refresh failed (counted, logged once). */
    long getStaleStatements();

    /**
     * Counters contributed by the driver (statement cache, rewrites, pass-through fallbacks, and the adoption
     * counters {@code adoption.<id>.*} summed over the applications of this JVM; per application they are in the
     * heartbeat rows).
     */
    Map<String, Long> getCounters();
}
