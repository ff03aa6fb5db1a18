package io.colshift.state;

/**
 * What one {@code clients} row of a state holder reports: the application it counts and that application's
 * adoption counters. A holder reports a list of them: the first is its own row ({@code client_id} the holder's id),
 * each later one the row {@code <holder id>/<position>}, so a position keeps its row for the holder's lifetime.
 *
 * @param applicationName the connections' {@code ApplicationName}, or null when they set none
 * @param counters        the adoption counters as a JSON object ({@code clients.counters}), or null for none
 * @param left            the application has no connection open any more: its row is not renewed, so that it
 *                        ages out of the live drivers
 */
public record HeartbeatReport(String applicationName, String counters, boolean left) {

    /** A row that is renewed with this heartbeat. */
    public HeartbeatReport(String applicationName, String counters) {
        this(applicationName, counters, false);
    }

    /** The {@code client_id} of the row at {@code position} in a holder's report. */
    public static String clientId(String holderId, int position) {
        return position == 0 ? holderId : holderId + SEPARATOR + position;
    }

    /** Separates a holder's id from the position of one of its further rows; never part of a holder's id. */
    static final String SEPARATOR = "/";
}
