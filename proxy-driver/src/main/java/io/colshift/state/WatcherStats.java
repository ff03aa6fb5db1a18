package io.colshift.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A point-in-time copy of a {@link StateWatcher}'s numbers, for code; JMX shows the same through
 * {@link StateWatcherMXBean}.
 *
 * @param database     {@code host:port/database} of the server followed
 * @param lastRefresh  when the snapshot was last read or confirmed, or null when never
 * @param server       {@code host:port} of the server followed
 * @param inRecovery   whether the watcher's server is a standby
 * @param watching     whether colshift has a connection of its own to the server ({@code colshift.watch})
 * @param leaseMs      the lease of the current snapshot
 * @param stateOrigin  how the current snapshot was read ({@link StateOrigin#label()})
 * @param inlineRefreshes        refreshes over application connections
 * @param inlineRefreshFailures  failed refreshes over application connections
 * @param staleStatements        statements that ran under an expired lease because the refresh failed
 * @param poolerDetected         whether the watcher saw a transaction pooler and stopped relying on LISTEN
 */
public record WatcherStats(String database, String controlSchema, String clientId, long stateVersion,
                           Instant lastRefresh, boolean connected, boolean listening, boolean controlSchemaPresent,
                           List<String> migrations, long reloads, long notifications, long polls, long reconnects,
                           long heartbeats, long heartbeatFailures, Map<String, Long> counters, String server,
                           boolean inRecovery, boolean watching, long leaseMs, String stateOrigin,
                           long inlineRefreshes, long inlineRefreshFailures, long staleStatements,
                           boolean poolerDetected) {

    public WatcherStats {
        migrations = List.copyOf(migrations);
        counters = Map.copyOf(counters);
    }
}
