package io.colshift.state;

import java.util.List;
import java.util.Map;

/**
 * JMX view of one {@link StateWatcher}, registered as
 * {@code io.colshift:type=StateWatcher,database=<host:port/db>,schema=<control schema>}.
 * The same numbers are available in code through {@link StateWatcher#stats()}.
 */
public interface StateWatcherMXBean {

    String getDatabase();

    String getControlSchema();

    String getClientId();

    /** State version of the snapshot statements are rewritten for (0: no control schema seen yet). */
    long getStateVersion();

    /** When the snapshot was last read from the database, ISO-8601, or empty when never. */
    String getLastRefresh();

    boolean isConnected();

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

    /** Counters contributed by the driver (statement cache, rewrites, pass-through fallbacks). */
    Map<String, Long> getCounters();
}
