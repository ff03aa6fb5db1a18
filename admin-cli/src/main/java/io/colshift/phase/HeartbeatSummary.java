package io.colshift.phase;

import io.colshift.state.SafeText;
import io.colshift.state.ClientRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One line about the drivers' heartbeats after a barrier: who reports the new state version and who still reports
 * an older one. For the operator's information only; the barrier has already passed without them, and a row the
 * application role wrote proves nothing.
 */
final class HeartbeatSummary {

    private static final int NAMED = 5;

    private HeartbeatSummary() {
    }

    /** Empty when no driver sent a recent heartbeat. */
    static Optional<String> line(List<ClientRow> clients, long version) {
        List<ClientRow> live = clients.stream().filter(ClientRow::live).toList();
        if (live.isEmpty()) {
            return Optional.empty();
        }
        List<ClientRow> behind = live.stream().filter(c -> c.ackedVersion() < version).toList();
        StringBuilder line = new StringBuilder("barrier: heartbeats (information only, never waited on): ")
                .append(live.size()).append(" live driver(s), ").append(live.size() - behind.size())
                .append(" report state version ").append(version).append(" or later");
        if (!behind.isEmpty()) {
            List<String> named = new ArrayList<>();
            for (ClientRow c : behind.subList(0, Math.min(NAMED, behind.size()))) {
                named.add(describe(c));
            }
            line.append(", ").append(behind.size()).append(" have not reported it yet: ").append(String.join(", ", named))
                    .append(behind.size() > NAMED ? " and " + (behind.size() - NAMED) + " more" : "");
        }
        return Optional.of(line.toString());
    }

    private static String describe(ClientRow c) {
        return SafeText.of(c.clientId()) + " (" + (c.applicationName() == null ? "no application_name"
                : SafeText.of(c.applicationName())) + " on " + SafeText.of(c.host()) + ", pid " + c.pid()
                + (c.server() == null ? "" : ", " + (Boolean.TRUE.equals(c.inRecovery()) ? "standby " : "server ")
                + SafeText.of(c.server())) + ", at version " + c.ackedVersion() + ")";
    }
}
