package io.colshift.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which live drivers use a live migration's column, from the counters they report with their heartbeat: one entry
 * per {@code clients} row, i.e. per driver state holder and application name (two versions of an application in
 * one JVM report on rows of their own). Drivers that report counters but never read or wrote the column likely run
 * the application version that does not know it yet. Self-reported by the application role: for information, it
 * changes no exit code of {@code status}; what {@code colshift status} and the demo's summary show.
 *
 * @param data         whether any live driver reports adoption counters (false: "no adoption data")
 * @param using        live drivers that read or wrote the column, with what they reported
 * @param neverTouched live drivers that report counters but none that touch the column
 * @param noData       live drivers that report no counters at all (older drivers)
 */
public record Adoption(boolean data, List<Driver> using, List<Driver> neverTouched, List<String> noData) {

    /** One driver's view: who it is and what it reported for the migration (null counters when none). */
    public record Driver(String clientId, String host, String applicationName, MigrationCounters counters) {
    }

    /** Adoption of {@code migrationId} by {@code clients}; {@code counters} empty when the column does not exist. */
    public static Adoption of(String migrationId, List<ClientRow> clients, Optional<Map<String, ClientCounters>> counters) {
        List<Driver> using = new ArrayList<>();
        List<Driver> never = new ArrayList<>();
        List<String> noData = new ArrayList<>();
        for (ClientRow c : clients) {
            if (!c.live()) {
                continue;
            }
            ClientCounters reported = counters.map(m -> m.get(c.clientId())).orElse(null);
            if (reported == null || !reported.reported()) {
                noData.add(c.clientId());
                continue;
            }
            MigrationCounters mc = reported.of(migrationId).orElse(null);
            Driver d = new Driver(c.clientId(), c.host(), c.applicationName(), mc);
            if (mc != null && mc.touchedColumn()) {
                using.add(d);
            } else {
                never.add(d);
            }
        }
        return new Adoption(!using.isEmpty() || !never.isEmpty(), using, never, noData);
    }
}
