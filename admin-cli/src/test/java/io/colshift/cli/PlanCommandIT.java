package io.colshift.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

@WithPostgres
class PlanCommandIT {

    private final TestDatabase db;
    private final Cli cli;

    PlanCommandIT(TestDatabase db) {
        this.db = db;
        this.cli = new Cli(db);
    }

    @BeforeAll
    static void setUp(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE plan_users (id bigint PRIMARY KEY, deleted_at timestamptz)");
            st.execute("INSERT INTO plan_users SELECT g, NULL FROM generate_series(1, 1000) g");
            st.execute("ANALYZE plan_users");
        }
        assertThat(new Cli(db).run("init", "--lease", "50ms").exitCode()).isZero();
    }

    @Test
    void constantDefaultNeedsNoBackfillAndNothingChanges(@TempDir Path dir) throws Exception {
        Path spec = spec(dir, "plan-tier", "tier", "int", "default: \"0\"\n");
        long version = stateVersion();
        Cli.Result plan = cli.run("plan", spec.toString());
        assertThat(plan.exitCode()).as(plan.all()).isZero();
        assertThat(plan.out()).contains("backfill needed: no")
                .contains("sql:  ALTER TABLE \"public\".\"plan_users\" ADD COLUMN IF NOT EXISTS \"tier\" int DEFAULT (0)")
                .contains("lock: ACCESS EXCLUSIVE, held milliseconds (catalog only)")
                .contains("nothing was changed");
        assertThat(stateVersion()).isEqualTo(version);
        assertThat(columnExists("tier")).isFalse();
    }

    @Test
    void separateBackfillExpressionIsPlannedAsKeysetBatchesWithVersionSpecificNotNull(@TempDir Path dir)
            throws Exception {
        Path spec = spec(dir, "plan-status", "status", "text", "default: \"'active'\"\n"
                + "backfill: \"CASE WHEN deleted_at IS NULL THEN 'active' ELSE 'gone' END\"\nnot_null: true\n"
                + "index: { concurrently: true }\n");
        Cli.Result plan = cli.run("plan", spec.toString(), "--json");
        assertThat(plan.exitCode()).as(plan.all()).isZero();
        JsonNode json = new ObjectMapper().readTree(plan.out());
        assertThat(json.get("backfill_needed").asBoolean()).isTrue();
        assertThat(json.get("estimated_rows").asLong()).isEqualTo(1000);
        int major = json.get("server_major").asInt();
        assertThat(major).isEqualTo(serverMajor());
        String allSql = json.get("steps").findValuesAsText("sql").toString();
        assertThat(allSql).contains("ORDER BY \"id\" OFFSET ? LIMIT 1")
                .contains("\"id\" <= (CAST(? AS jsonb) ->> 'id')::bigint AND \"status\" IS NULL")
                .contains("CREATE INDEX CONCURRENTLY IF NOT EXISTS \"plan_users_status_idx\"");
        if (major >= 18) {
            assertThat(allSql).contains("NOT NULL \"status\" NOT VALID").doesNotContain("SET NOT NULL");
        } else if (major >= 12) {
            assertThat(allSql).contains("CHECK (\"status\" IS NOT NULL) NOT VALID").contains("SET NOT NULL")
                    .contains("DROP CONSTRAINT IF EXISTS \"colshift_status_not_null\"");
        } else {
            assertThat(allSql).contains("CHECK (\"status\" IS NOT NULL) NOT VALID").doesNotContain("SET NOT NULL");
        }
        assertThat(columnExists("status")).isFalse();
    }

    @Test
    void volatileDefaultIsDetectedFromTheCatalog(@TempDir Path dir) throws Exception {
        Path spec = spec(dir, "plan-token", "token", "uuid", "default: \"md5(random()::text)::uuid\"\n");
        Cli.Result plan = cli.run("plan", spec.toString());
        assertThat(plan.exitCode()).as(plan.all()).isZero();
        assertThat(plan.out()).contains("backfill needed: yes").contains("volatile random()");
    }

    @Test
    void aDeclaredMigrationCanBePlannedByIdAndAnUnknownIdIsBadInput(@TempDir Path dir) throws Exception {
        Path spec = spec(dir, "plan-byid", "flag", "boolean", "default: \"false\"\n");
        assertThat(cli.run("declare", spec.toString()).exitCode()).isZero();
        Cli.Result byId = cli.run("plan", "plan-byid");
        assertThat(byId.exitCode()).as(byId.all()).isZero();
        assertThat(byId.out()).contains("plan for 'plan-byid'").contains("(phase now: declared)");
        Cli.Result unknown = cli.run("plan", "no-such-id");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).contains("no migration 'no-such-id'");
    }

    private static Path spec(Path dir, String id, String column, String type, String rest) throws Exception {
        Path file = dir.resolve(id + ".yaml");
        Files.writeString(file, "id: " + id + "\ntable: plan_users\ncolumn: " + column + "\ntype: " + type + "\n" + rest);
        return file;
    }

    private long stateVersion() throws Exception {
        return queryLong("SELECT version FROM colshift.state");
    }

    private int serverMajor() throws Exception {
        return (int) (queryLong("SELECT current_setting('server_version_num')::int") / 10_000);
    }

    private boolean columnExists(String column) throws Exception {
        return queryLong("SELECT count(*) FROM information_schema.columns WHERE table_name = 'plan_users'"
                + " AND column_name = '" + column + "'") > 0;
    }

    private long queryLong(String sql) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
