package io.colshift.state;

/**
 * One driver's heartbeat ({@code clients}).
 *
 * @param live whether its last heartbeat is within {@link Heartbeats#LIVE_WITHIN}, measured by the server clock
 */
public record ClientRow(String clientId, String host, Long pid, String applicationName, long ackedVersion,
                        String startedAt, String lastSeen, boolean live) {
}
