package io.colshift.state;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A point-in-time copy of a {@link StateWatcher}'s numbers, for code; JMX shows the same through
 * {@link StateWatcherMXBean}.
 *
 * @param lastRefresh when the snapshot was last read from the database, or null when never
 */
public record WatcherStats(String database, String controlSchema, String clientId, long stateVersion,
                           Instant lastRefresh, boolean connected, boolean listening, boolean controlSchemaPresent,
                           List<String> migrations, long reloads, long notifications, long polls, long reconnects,
                           long heartbeats, long heartbeatFailures, Map<String, Long> counters) {

    public WatcherStats {
        migrations = List.copyOf(migrations);
        counters = Map.copyOf(counters);
    }
}
