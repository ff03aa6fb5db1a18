package io.colshift.state;

/**
 * One driver's heartbeat ({@code clients}). Written by the application role, so shown to operators but never
 * trusted: no barrier waits on it or is shortened by it.
 *
 * @param server     the server ({@code host:port}) the driver follows the state of, {@code null} from older drivers
 * @param inRecovery whether that server was a standby when the driver last looked, {@code null} when unknown
 * @param live       whether its last heartbeat is within {@link Heartbeats#LIVE_WITHIN}, measured by the server clock
 */
public record ClientRow(String clientId, String host, Long pid, String applicationName, long ackedVersion,
                        String startedAt, String lastSeen, String server, Boolean inRecovery, boolean live) {
}
