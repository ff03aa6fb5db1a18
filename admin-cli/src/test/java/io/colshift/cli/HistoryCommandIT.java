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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@WithPostgres
class HistoryCommandIT {

    private final TestDatabase db;

    HistoryCommandIT(TestDatabase db) {
        this.db = db;
    }

    @Test
    void historyListsEveryChangeInOrderWithActorVersionAndChange(@TempDir Path dir) throws Exception {
        MigratedTable t = MigratedTable.declared(db, dir, "cs_hist", "hist_users", 50);
        t.ok("expand", t.id);
        t.ok("flag", t.id, "--writes", "on");
        t.ok("pause", t.id);
        t.ok("resume", t.id);

        Cli.Result text = t.ok("history", t.id);
        assertThat(text.out()).contains("AT").contains("ACTOR").contains("cli:").contains("declared -> expanded")
                .contains("off -> on").contains("false -> true");

        JsonNode json = new ObjectMapper().readTree(t.ok("history", t.id, "--json").out());
        assertThat(json.get("migration_id").asText()).isEqualTo(t.id);
        assertThat(json.get("truncated").asBoolean()).isFalse();
        List<String> kinds = new ArrayList<>();
        long lastVersion = 0;
        for (JsonNode e : json.get("events")) {
            kinds.add(e.get("kind").asText());
            assertThat(e.get("actor").asText()).startsWith("cli:");
            assertThat(e.get("migration_id").asText()).isEqualTo(t.id);
            assertThat(e.get("at").asText()).endsWith("Z");
            if (!e.get("state_version").isNull()) {
                assertThat(e.get("state_version").asLong()).isGreaterThan(lastVersion);
                lastVersion = e.get("state_version").asLong();
            }
        }
        assertThat(kinds).containsSubsequence("declare", "phase", "writes", "paused", "paused");
        JsonNode expand = json.get("events").get(kinds.indexOf("phase"));
        assertThat(expand.get("from").asText()).isEqualTo("declared");
        assertThat(expand.get("to").asText()).isEqualTo("expanded");

        // without an id: the control schema's lease event too
        JsonNode all = new ObjectMapper().readTree(t.ok("history", "--json").out());
        assertThat(all.get("events").get(0).get("kind").asText()).isEqualTo("lease");
        assertThat(all.get("events").get(0).get("migration_id").isNull()).isTrue();
    }

    @Test
    void refusedStepsAreRecordedAndShown(@TempDir Path dir) throws Exception {
        MigratedTable t = MigratedTable.declared(db, dir, "cs_hist_refused", "hist_refused", 10);
        Cli.Result refused = t.run("complete", t.id);
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.PRECONDITION_NOT_MET);

        JsonNode json = new ObjectMapper().readTree(t.ok("history", t.id, "--json").out());
        JsonNode last = json.get("events").get(json.get("events").size() - 1);
        assertThat(last.get("kind").asText()).isEqualTo("refused");
        assertThat(last.get("state_version").isNull()).isTrue();
        assertThat(last.get("detail").asText()).contains("complete needs migration");
    }

    @Test
    void limitAndSinceNarrowTheTrailAndHostileTextIsEscaped(@TempDir Path dir) throws Exception {
        MigratedTable t = MigratedTable.declared(db, dir, "cs_hist_narrow", "hist_narrow", 10);
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO cs_hist_narrow.events (at, actor, migration_id, kind, detail) VALUES"
                    + " (now() - interval '2 days', E'mallory\\x1b]0;owned\\x07', '" + t.id + "', 'note',"
                    + " E'line one\\nforged line')");
        }
        t.ok("flag", t.id, "--writes", "on");
        t.ok("flag", t.id, "--writes", "off");
        Cli.Result limited = t.ok("history", t.id, "--limit", "2", "--json");
        JsonNode json = new ObjectMapper().readTree(limited.out());
        assertThat(json.get("truncated").asBoolean()).isTrue();
        assertThat(json.get("events")).hasSize(2);
        assertThat(json.get("events").get(1).get("to").asText()).isEqualTo("off");
        assertThat(json.get("events").get(0).get("to").asText()).isEqualTo("on");

        Cli.Result all = t.ok("history", t.id);
        assertThat(all.out()).contains("mallory\\e]0;owned\\u0007").contains("line one\\nforged line")
                .doesNotContain("\u001b").doesNotContain("\u0007");

        Cli.Result recent = t.ok("history", t.id, "--since", "1h");
        assertThat(recent.out()).doesNotContain("mallory").contains("off -> on");

        assertThat(t.run("history", "no-such").exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(t.run("history", "--limit", "0").exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    }
}
