package io.colshift.it;

import io.colshift.demo.workload.PhaseSummary;
import io.colshift.embedded.LocalPostgres;
import io.colshift.embedded.PrimaryStandby;
import io.colshift.embedded.junit.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One multi-host URL, {@code primary,standby}, for every pool of the application: the writers ask pgjdbc for the
 * primary, some readers prefer the standby ({@code targetServerType=preferSecondary&loadBalanceHosts=true}) and
 * others take either host at random. So one driver holds connections on both servers, the standby a second behind,
 * and each connection must follow the state of the server it reached, not whichever host colshift's own
 * connection happened to reach.
 */
class MultiHostUrlIT {

    private static final Duration REPLAY_DELAY = Duration.ofSeconds(1);

    @Test
    void connectionsOfOneUrlOnBothServersEachFollowTheirOwnServer() throws Exception {
        try (PrimaryStandby pair = PrimaryStandby.start(REPLAY_DELAY)) {
            TestDatabase primary = pair.primary().createDatabase("app");
            String writersUrl = pair.multiHostUrl("app", "targetServerType=primary");
            String preferStandby = colshift(pair.multiHostUrl("app", "targetServerType=preferSecondary&loadBalanceHosts=true"));
            String eitherHost = colshift(pair.multiHostUrl("app", "targetServerType=any&loadBalanceHosts=true"));
            List<TopologyDeploy.ReaderSite> sites = List.of(
                    new TopologyDeploy.ReaderSite("preferSecondary", preferStandby, 2),
                    new TopologyDeploy.ReaderSite("any", eitherHost, 6));
            Map<String, Integer> seen = new TreeMap<>();
            try (TopologyDeploy deploy = new TopologyDeploy(primary, writersUrl, sites, step -> {
                if (step.equals("contract")) {
                    seen.putAll(connectionsPerServer(pair));
                }
                return Optional.empty();
            })) {
                assertThat(pair.awaitReplay(Duration.ofSeconds(30))).as("the standby has the seeded table").isTrue();
                List<PhaseSummary> phases = deploy.runLifecycle(TopologyDeploy::plainBackfill);
                deploy.assertPromisesKept(phases, List.of());
            }
            assertThat(seen).as("application connections per server while the migration ran")
                    .containsEntry("primary v1", 2)
                    .containsEntry("primary v2", 2)
                    .containsEntry("standby v1@preferSecondary", 2)
                    .containsEntry("standby v2@preferSecondary", 2)
                    .doesNotContainKey("primary v1@preferSecondary");
            assertThat(seen.getOrDefault("primary v1@any", 0) + seen.getOrDefault("standby v1@any", 0)).isEqualTo(6);
        }
    }

    private static String colshift(String plainUrl) {
        return "jdbc:colshift:" + plainUrl.substring("jdbc:".length());
    }

    /** "server app" → connections, from each server's own pg_stat_activity. */
    private static Map<String, Integer> connectionsPerServer(PrimaryStandby pair) throws SQLException {
        Map<String, Integer> counts = new TreeMap<>();
        for (LocalPostgres server : List.of(pair.primary(), pair.standby())) {
            String rows = server.queryString("app", "SELECT string_agg(application_name || '=' || n, ',') FROM ("
                    + "SELECT application_name, count(*) AS n FROM pg_stat_activity"
                    + " WHERE application_name LIKE 'colshift-it-%' OR application_name LIKE 'colshift-demo-%'"
                    + " GROUP BY application_name) a");
            if (rows == null) {
                continue;
            }
            for (String entry : rows.split(",")) {
                String[] kv = entry.split("=");
                String app = kv[0].replace("colshift-it-", "").replace("colshift-demo-", "");
                counts.put(server.name() + " " + app, Integer.parseInt(kv[1]));
            }
        }
        return counts;
    }
}
