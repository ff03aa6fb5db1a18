package io.colshift.phase;

import java.time.Duration;

/**
 * A session that holds a lock another session waits for, from {@code pg_blocking_pids} and {@code pg_stat_activity}.
 *
 * @param transactionAge how long its transaction has been open (null when it is not in one)
 */
public record Blocker(int pid, String applicationName, String clientAddress, String state,
                      Duration transactionAge, String query) {

    /** One line for the operator: who, from where, doing what, for how long. */
    public String describe() {
        StringBuilder sb = new StringBuilder("pid ").append(pid);
        sb.append(" (").append(applicationName == null || applicationName.isEmpty() ? "no application_name" : applicationName);
        sb.append(clientAddress == null ? ", local socket" : ", from " + clientAddress).append(')');
        if (state != null) {
            sb.append(", ").append(state);
        }
        if (transactionAge != null) {
            sb.append(", transaction open ").append(Durations.human(transactionAge));
        }
        if (query != null && !query.isBlank()) {
            String q = query.strip().replaceAll("\\s+", " ");
            sb.append(", last query: ").append(q.length() > 120 ? q.substring(0, 117) + "..." : q);
        }
        return sb.toString();
    }
}
