package io.colshift.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

@WithPostgres
class StatusRecentAndAdoptionIT {

    private final TestDatabase db;

    StatusRecentAndAdoptionIT(TestDatabase db) {
        this.db = db;
    }

    @Test
    void statusListsMigrationsCompletedOrRolledBackRecentlyWithWhenAndWho(@TempDir Path dir) throws Exception {
        MigratedTable done = MigratedTable.completed(db, dir, "cs_recent", "rec_done", 100);
        MigratedTable back = MigratedTable.declared(db, dir.resolve("..").normalize(), "cs_recent", "rec_back", 10);
        back.ok("expand", back.id);
        back.ok("rollback", back.id);
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO cs_recent.events (at, actor, migration_id, kind, from_value, to_value)"
                    + " VALUES (now() - interval '8 days', 'cli:old', 'long-ago', 'archived', 'false', 'true')");
        }

        Cli.Result text = done.ok("status");
        assertThat(text.out()).contains("ended in the last 7 day(s):").contains("rec_done.status")
                .contains("completed").contains("rolled back").contains("cli:").doesNotContain("long-ago");

        JsonNode json = new ObjectMapper().readTree(done.ok("status", "--json", "--recent", "P30D").out());
        assertThat(json.get("recent_s").asLong()).isEqualTo(30L * 86_400);
        JsonNode recent = json.get("recent");
        assertThat(recent).hasSize(3);
        assertThat(recent.get(0).get("migration_id").asText()).isEqualTo(back.id);
        assertThat(recent.get(0).get("outcome").asText()).isEqualTo("rolled back");
        assertThat(recent.get(1).get("migration_id").asText()).isEqualTo(done.id);
        assertThat(recent.get(1).get("outcome").asText()).isEqualTo("completed");
        assertThat(recent.get(1).get("actor").asText()).startsWith("cli:");
        assertThat(recent.get(1).get("at").asText()).endsWith("Z");
        assertThat(recent.get(2).get("migration_id").asText()).isEqualTo("long-ago");

        JsonNode one = new ObjectMapper().readTree(done.ok("status", done.id, "--json").out());
        assertThat(one.get("recent")).hasSize(1);
    }

    @Test
    void statusShowsWhichLiveDriversUseTheColumnAndWhichNeverTouchedIt(@TempDir Path dir) throws Exception {
        MigratedTable t = MigratedTable.declared(db, dir, "cs_adopt", "adopt_users", 10);
        t.ok("expand", t.id);
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO cs_adopt.clients (client_id, application_name, acked_version) VALUES"
                    + " ('old-driver', 'shop', 1)");
        }
        Cli.Result before = t.ok("status");
        assertThat(before.out()).contains(t.id + ": no adoption data");

        VerifyCommandIT.addCountersColumn(db, "cs_adopt");
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO cs_adopt.clients (client_id, application_name, acked_version, counters) VALUES"
                    + " ('new-app', 'shop v2', 1, '{\"" + t.id + "\": {\"reads\": 12, \"writes\": 3, \"heldBack\": 1,"
                    + " \"rewritten\": 15, \"passedUnchanged\": 0, \"p50Ms\": 0.8, \"p99Ms\": 4.25}}'),"
                    + " ('old-app', E'shop v1\\x1b[31m', 1, '{\"other-migration\": {\"reads\": 1}}'),"
                    + " ('liar', 'x', 1, '{\"" + t.id + "\": {\"reads\": -5, \"writes\": 1e400}}')");
            st.execute("INSERT INTO cs_adopt.clients (client_id, acked_version, counters, last_seen) VALUES"
                    + " ('gone-app', 1, '{\"" + t.id + "\": {\"reads\": 1}}', now() - interval '1 day')");
        }
        Cli.Result text = t.ok("status");
        assertThat(text.out()).contains(t.id + ": 1 driver(s) use the column, 2 never touched it (likely the old"
                        + " application version), 1 report no adoption data")
                .contains("new-app").contains("shop v1\\e[31m").contains("0.8/4.3").doesNotContain("\u001b")
                .doesNotContain("gone-app");

        JsonNode adoption = new ObjectMapper().readTree(t.ok("status", "--json").out())
                .get("migrations").get(0).get("adoption");
        assertThat(adoption.get("data").asBoolean()).isTrue();
        assertThat(adoption.get("using")).hasSize(1);
        JsonNode using = adoption.get("using").get(0);
        assertThat(using.get("client_id").asText()).isEqualTo("new-app");
        assertThat(using.get("counters").get("reads").asLong()).isEqualTo(12);
        assertThat(using.get("counters").get("held_back").asLong()).isEqualTo(1);
        assertThat(using.get("counters").get("p99_ms").asDouble()).isEqualTo(4.25);
        assertThat(adoption.get("never_touched")).extracting(n -> n.get("client_id").asText())
                .containsExactlyInAnyOrder("old-app", "liar");
        assertThat(adoption.get("no_data")).extracting(JsonNode::asText).containsExactly("old-driver");
    }

    @Test
    void statusShowsEachApplicationOfOneJvmOnItsOwnRowOldVersionNeverTouchingTheColumn(@TempDir Path dir)
            throws Exception {
        MigratedTable t = MigratedTable.declared(db, dir, "cs_apps", "apps_users", 10);
        t.ok("expand", t.id);
        try (Connection v1 = throughDriver("cs_apps", "shop-v1"); Connection v2 = throughDriver("cs_apps", "shop-v2");
             Connection v0 = throughDriver("cs_apps", "shop-v0");
             Statement old = v1.createStatement(); Statement fresh = v2.createStatement();
             Statement oldest = v0.createStatement()) {
            for (int i = 0; i < 3; i++) {
                old.executeQuery("SELECT * FROM apps_users WHERE id = 1").close();
                fresh.executeQuery("SELECT id, status FROM apps_users WHERE id = 1").close();
                // names its columns, as an ORM does: it never touches the migration at all
                oldest.executeQuery("SELECT id FROM apps_users WHERE id = 1").close();
            }
            fresh.executeUpdate("UPDATE apps_users SET status = 'vip' WHERE id = 2");

            JsonNode adoption = awaitAdoption(t, a -> a.get("using").size() == 1 && a.get("never_touched").size() == 2);
            JsonNode using = adoption.get("using").get(0);
            JsonNode never = neverTouched(adoption, "shop-v1");
            JsonNode untouched = neverTouched(adoption, "shop-v0");
            assertThat(untouched.get("counters").isNull()).as("reported nothing for the migration").isTrue();
            assertThat(adoption.get("no_data")).isEmpty();
            assertThat(using.get("application_name").asText()).isEqualTo("shop-v2");
            assertThat(using.get("counters").get("reads").asLong()).isEqualTo(3);
            assertThat(using.get("counters").get("writes").asLong()).isEqualTo(1);
            assertThat(never.get("application_name").asText()).isEqualTo("shop-v1");
            assertThat(never.get("counters").get("reads").asLong()).isZero();
            assertThat(never.get("counters").get("writes").asLong()).isZero();
            // one driver state holder: v1 (its first application) on the holder's row, v2 on the holder's second
            assertThat(using.get("client_id").asText()).isEqualTo(never.get("client_id").asText() + "/1");

            String text = t.ok("status").out();
            assertThat(text).contains(t.id + ": 1 driver(s) use the column, 2 never touched it");
            assertThat(text.lines().filter(l -> l.contains("shop-v2") && l.contains(" yes ")).findFirst())
                    .hasValueSatisfying(l -> assertThat(l.split("\\s+")).contains("3", "1"));
            assertThat(text.lines().filter(l -> l.contains("shop-v1") && l.contains(" never ")).findFirst())
                    .isPresent();
        }
    }

    private static JsonNode neverTouched(JsonNode adoption, String applicationName) {
        for (JsonNode d : adoption.get("never_touched")) {
            if (applicationName.equals(d.get("application_name").asText())) {
                return d;
            }
        }
        throw new AssertionError(applicationName + " is not among the drivers that never touched it: " + adoption);
    }

    private Connection throughDriver(String controlSchema, String applicationName) throws Exception {
        java.util.Properties props = db.credentials();
        props.setProperty("colshift.controlSchema", controlSchema);
        props.setProperty("ApplicationName", applicationName);
        return java.sql.DriverManager.getConnection(db.colshiftUrl(), props);
    }

    /** {@code status --json}'s adoption of the migration once it satisfies {@code condition} (heartbeats are 3 s apart). */
    private static JsonNode awaitAdoption(MigratedTable t, java.util.function.Predicate<JsonNode> condition)
            throws Exception {
        JsonNode adoption = null;
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            adoption = new ObjectMapper().readTree(t.ok("status", "--json").out()).get("migrations").get(0)
                    .get("adoption");
            if (condition.test(adoption)) {
                return adoption;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("adoption never matched; last: " + adoption);
    }
}
