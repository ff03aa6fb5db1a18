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
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@WithPostgres
class VerifyCommandIT {

    private static final int ROWS = 2000;
    private final TestDatabase db;

    VerifyCommandIT(TestDatabase db) {
        this.db = db;
    }

    @Test
    void completedMigrationPassesEveryCheckAsTextAndJson(@TempDir Path dir) throws Exception {
        MigratedTable t = MigratedTable.completed(db, dir, "cs_verify_ok", "ver_ok", ROWS);
        addCountersColumn(t.schema);
        sql("INSERT INTO cs_verify_ok.clients (client_id, acked_version, counters) VALUES ('app-1', 1,"
                + " '{\"" + t.id + "\": {\"reads\": 5, \"writes\": 2, \"passedUnchanged\": 0}}')");

        Cli.Result text = t.ok("verify", t.id);
        assertThat(text.out()).contains("complete, archived").contains("verified: every check holds")
                .contains("ok       column").contains("ok       default").contains("ok       not-null")
                .contains("ok       no-null").contains("ok       backfill-sample").contains("ok       index")
                .contains("ok       no-fail-open").doesNotContain("FAILED");

        JsonNode json = new ObjectMapper().readTree(t.ok("verify", t.id, "--json", "--sample", "100").out());
        assertThat(json.get("passed").asBoolean()).isTrue();
        assertThat(json.get("archived").asBoolean()).isTrue();
        assertThat(json.get("phase").asText()).isEqualTo("complete");
        Map<String, String> statuses = statuses(json);
        assertThat(statuses).containsOnlyKeys("column", "default", "not-null", "no-null", "backfill-sample", "index",
                "no-fail-open").allSatisfy((name, status) -> assertThat(status).as(name).isEqualTo("ok"));
        // a few pages sampled page-wise may draw too few rows; then the check sorts instead: never an empty sample
        assertThat(json.get("sample").get("sampled").asLong()).isBetween(50L, 100L);
        assertThat(json.get("sample").get("mismatches").asLong()).isZero();
        assertThat(json.get("sample").get("method").asText()).isIn("TABLESAMPLE SYSTEM", "ORDER BY random()");
    }

    @Test
    void midLifecycleChecksNotDueYetAreSkippedWithTheReason(@TempDir Path dir) throws Exception {
        MigratedTable t = MigratedTable.declared(db, dir, "cs_verify_mid", "ver_mid", 100);
        Cli.Result declared = t.ok("verify", t.id);
        assertThat(declared.out()).contains("skipped  column           migration is declared");
        t.ok("expand", t.id);
        Cli.Result expanded = t.ok("verify", t.id);
        assertThat(expanded.out()).contains("ok       column").contains("skipped  backfill-sample  the backfill has not"
                + " finished").contains("skipped  index            built at contract")
                .contains("skipped  no-fail-open     no adoption data").contains("verified");
    }

    @Test
    void droppedNotNullAndPlantedNullFailWithExitThree(@TempDir Path dir) throws Exception {
        MigratedTable t = MigratedTable.completed(db, dir, "cs_verify_null", "ver_null", ROWS);
        sql("ALTER TABLE ver_null ALTER COLUMN status DROP NOT NULL");
        Cli.Result dropped = t.run("verify", t.id);
        assertThat(dropped.exitCode()).as(dropped.all()).isEqualTo(ExitCodes.PRECONDITION_NOT_MET);
        assertThat(dropped.out()).contains("FAILED   not-null         NOT NULL is not enforced")
                .contains("ok       no-null").contains("verification FAILED");

        sql("UPDATE ver_null SET status = NULL WHERE id = 7");
        JsonNode json = new ObjectMapper().readTree(t.run("verify", t.id, "--json").out());
        assertThat(json.get("passed").asBoolean()).isFalse();
        assertThat(statuses(json)).containsEntry("no-null", "FAILED").containsEntry("not-null", "FAILED")
                .containsEntry("index", "ok");
        assertThat(detail(json, "no-null")).contains("1 row(s) are NULL");
    }

    @Test
    void wrongValuesFailAboveTheMismatchRatioOnly(@TempDir Path dir) throws Exception {
        MigratedTable t = MigratedTable.completed(db, dir, "cs_verify_wrong", "ver_wrong", ROWS);
        sql("UPDATE ver_wrong SET status = 'wrong' WHERE id % 5 = 0"); // 20 % of the rows

        Cli.Result strict = t.run("verify", t.id, "--sample", "1000");
        assertThat(strict.exitCode()).as(strict.all()).isEqualTo(ExitCodes.PRECONDITION_NOT_MET);
        assertThat(strict.out()).contains("FAILED   backfill-sample").contains("above --max-mismatch-ratio 0.0")
                .contains("legitimately differ");

        JsonNode json = new ObjectMapper().readTree(t.run("verify", t.id, "--json", "--sample", "1000").out());
        JsonNode sample = json.get("sample");
        assertThat(sample.get("sampled").asLong()).isEqualTo(1000);
        assertThat(sample.get("method").asText()).isEqualTo("ORDER BY random()");
        assertThat(sample.get("ratio").asDouble()).isBetween(0.1, 0.3);

        Cli.Result tolerant = t.run("verify", t.id, "--max-mismatch-ratio", "0.5");
        assertThat(tolerant.exitCode()).as(tolerant.all()).isZero();
        assertThat(tolerant.out()).contains("ok       backfill-sample");
    }

    @Test
    void invalidIndexFails(@TempDir Path dir) throws Exception {
        MigratedTable t = MigratedTable.completed(db, dir, "cs_verify_idx", "ver_idx", 200);
        sql("DROP INDEX ver_idx_status_idx");
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            // a unique index on a column full of duplicates fails half-way and stays behind INVALID
            st.execute("CREATE UNIQUE INDEX CONCURRENTLY ver_idx_status_idx ON ver_idx (status)");
        } catch (java.sql.SQLException expected) {
            assertThat(expected.getMessage()).contains("could not create unique index");
        }
        Cli.Result r = t.run("verify", t.id);
        assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.PRECONDITION_NOT_MET);
        assertThat(r.out()).contains("FAILED   index            index ver_idx_status_idx is INVALID");

        sql("DROP INDEX ver_idx_status_idx");
        assertThat(t.run("verify", t.id).out()).contains("FAILED   index            index ver_idx_status_idx is missing");
    }

    @Test
    void driversReportingFailOpenFailTheAdvisoryCheckWithEscapedNames(@TempDir Path dir) throws Exception {
        MigratedTable t = MigratedTable.completed(db, dir, "cs_verify_open", "ver_open", 100);
        addCountersColumn(t.schema);
        sql("INSERT INTO cs_verify_open.clients (client_id, acked_version, counters) VALUES"
                + " (E'evil\\x1b[2J', 1, '{\"" + t.id + "\": {\"passedUnchanged\": 3, \"reads\": \"lots\"}}'),"
                + " ('junk', 1, '[1, 2]'), ('strings', 1, '{\"" + t.id + "\": \"x\"}')");
        Cli.Result r = t.run("verify", t.id);
        assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.PRECONDITION_NOT_MET);
        assertThat(r.out()).contains("FAILED   no-fail-open     3 statement(s) passed unchanged (fail-open) by evil\\e[2J (3)")
                .contains("advisory").doesNotContain("\u001b");
    }

    @Test
    void unknownMigrationIsBadInput(@TempDir Path dir) throws Exception {
        MigratedTable t = MigratedTable.declared(db, dir, "cs_verify_unknown", "ver_unknown", 10);
        Cli.Result r = t.run("verify", "no-such-migration");
        assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("no-such-migration");
        assertThat(t.run("verify", t.id, "--max-mismatch-ratio", "2").exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    static void addCountersColumn(TestDatabase db, String schema) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE " + schema + ".clients ADD COLUMN IF NOT EXISTS counters jsonb");
        }
    }

    private void addCountersColumn(String schema) throws Exception {
        addCountersColumn(db, schema);
    }

    private static Map<String, String> statuses(JsonNode json) {
        Map<String, String> statuses = new HashMap<>();
        json.get("checks").forEach(c -> statuses.put(c.get("name").asText(), c.get("status").asText()));
        return statuses;
    }

    private static String detail(JsonNode json, String name) {
        for (JsonNode c : json.get("checks")) {
            if (c.get("name").asText().equals(name)) {
                return c.get("detail").asText();
            }
        }
        return "";
    }

    private void sql(String statement) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }
}
