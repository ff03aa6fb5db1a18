package io.colshift.cli;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import io.colshift.state.StateWatcher;
import io.colshift.state.StateWatchers;
import io.colshift.state.WatcherStats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rows of {@code migrations} changed behind colshift's back (as a superuser, or any role that may write the control
 * schema) with SQL planted in the type, the backfill or the read fallback: the driver never splices them into an
 * application statement and passes statements unchanged for that migration instead, and the CLI refuses to run a
 * step for it. Canaries: a table whose rows must not change, and no new table, function or role.
 */
@WithPostgres
class StoredExpressionSafetyIT {

    private static final AtomicInteger SCHEMAS = new AtomicInteger();
    private final TestDatabase db;
    private final Cli cli;
    @TempDir
    Path dir;

    StoredExpressionSafetyIT(TestDatabase db) {
        this.db = db;
        this.cli = new Cli(db);
    }

    @BeforeAll
    static void createTables(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE canary (id int PRIMARY KEY, note text)");
            st.execute("INSERT INTO canary VALUES (1, 'one'), (2, 'two'), (3, 'three')");
            // a function with a side effect, as a planted fallback would call it
            st.execute("CREATE FUNCTION public.plant() RETURNS text VOLATILE LANGUAGE plpgsql AS"
                    + " $$ BEGIN INSERT INTO public.canary VALUES (99, 'planted'); RETURN 'x'; END $$");
        }
    }

    @AfterAll
    static void stopWatchers() {
        StateWatchers.closeAll();
    }

    /**
     * A fresh control schema and a fresh table {@code items} in a schema of the same name, with migration
     * {@code items-tier} declared on it (tier text, default 'basic').
     */
    private String declared() throws Exception {
        String schema = "cs_stored_" + SCHEMAS.incrementAndGet();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA app_" + schema);
            st.execute("CREATE TABLE app_" + schema + ".items (id bigint PRIMARY KEY, name text)");
            st.execute("INSERT INTO app_" + schema + ".items SELECT g, 'item ' || g FROM generate_series(1, 20) g");
        }
        assertThat(cli.run("init", "--schema", schema).exitCode()).isZero();
        Path spec = dir.resolve(schema + ".yaml");
        Files.writeString(spec, "id: items-tier\ntable: app_" + schema + ".items\ncolumn: tier\ntype: text\n"
                + "default: \"'basic'\"\n");
        Cli.Result declared = cli.run("declare", "--schema", schema, spec.toString());
        assertThat(declared.exitCode()).as(declared.all()).isZero();
        return schema;
    }

    private void plant(String schema, String assignment) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("UPDATE " + schema + ".migrations SET " + assignment + " WHERE id = 'items-tier'");
            st.execute("UPDATE " + schema + ".state SET version = version + 1");
        }
    }

    private Connection app(String schema) throws Exception {
        Properties props = db.credentials();
        props.setProperty("colshift.controlSchema", schema);
        props.setProperty("colshift.pollMs", "100");
        return DriverManager.getConnection(db.colshiftUrl(), props);
    }

    /** The column labels {@code SELECT * FROM items} returns through the driver. */
    private List<String> selectStarLabels(String schema) throws Exception {
        try (Connection c = app(schema); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM app_" + schema + ".items ORDER BY id")) {
            ResultSetMetaData md = rs.getMetaData();
            List<String> labels = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                labels.add(md.getColumnLabel(i));
            }
            int rows = 0;
            while (rs.next()) {
                rows++;
            }
            assertThat(rows).isEqualTo(20);
            return labels;
        }
    }

    private WatcherStats watcher(String schema) {
        return StateWatchers.watchers().stream().map(StateWatcher::stats)
                .filter(s -> s.controlSchema().equals(schema)).findFirst().orElseThrow();
    }

    /** Canary rows, and the number of tables, functions and roles: none of them may change. */
    private String canaries() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT string_agg(id || ':' || note, ',' ORDER BY id) FROM"
                     + " canary) || ' tables=' || (SELECT count(*) FROM pg_class WHERE relkind IN ('r', 'v', 'm'))"
                     + " || ' functions=' || (SELECT count(*) FROM pg_proc) || ' roles=' || (SELECT count(*) FROM"
                     + " pg_roles) || ' superusers=' || (SELECT count(*) FROM pg_roles WHERE rolsuper)")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void aCleanDeclaredMigrationIsRewrittenForWhichTheHostileCasesBelowAreMeasured() throws Exception {
        String schema = declared();
        assertThat(selectStarLabels(schema)).containsExactly("id", "name", "tier");
        assertThat(watcher(schema).counters()).containsEntry("refusedMigrations", 0L);
    }

    @Test
    void aTypePlantedWithAStatementIsNeverSplicedIntoAnApplicationRead() throws Exception {
        String schema = declared();
        plant(schema, "column_type = 'text) AS tier FROM items; DROP TABLE canary; --'");
        String before = canaries();

        assertThat(selectStarLabels(schema)).as("passed unchanged").containsExactly("id", "name");

        assertThat(canaries()).isEqualTo(before);
        WatcherStats stats = watcher(schema);
        assertThat(stats.counters()).containsEntry("refusedMigrations", 1L);
        assertThat(stats.migrations()).singleElement().asString()
                .startsWith("refused items-tier: field 'column_type'").contains("not a type name");

        Cli.Result status = cli.run("status", "--schema", schema);
        assertThat(status.exitCode()).as(status.all()).isZero();
        assertThat(status.out()).contains("items-tier: REFUSED").contains("field 'column_type'")
                .contains("drivers pass statements unchanged for it");
    }

    @Test
    void readFallbacksWithSubqueriesOrVolatileCallsNeverRunInsideApplicationReads() throws Exception {
        for (String fallback : List.of("(SELECT pg_sleep(5))", "(SELECT public.plant())", "public.plant()",
                "'x' || public.plant()", "'x' -- ) FROM items; DELETE FROM canary; --")) {
            String schema = declared();
            plant(schema, "read_fallback = '" + fallback.replace("'", "''") + "'");
            String before = canaries();
            List<String> labels = selectStarLabels(schema);
            assertThat(canaries()).as(fallback).isEqualTo(before);
            if (fallback.startsWith("'x' --")) {
                // the comment is removed: what is left is the harmless literal, spliced as data
                assertThat(labels).as(fallback).containsExactly("id", "name", "tier");
                try (Connection c = app(schema); Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT tier FROM app_" + schema + ".items WHERE id = 1")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo("x");
                }
            } else {
                assertThat(labels).as(fallback).containsExactly("id", "name");
                assertThat(watcher(schema).counters()).as(fallback).containsEntry("refusedMigrations", 1L);
                assertThat(watcher(schema).migrations()).as(fallback).singleElement().asString()
                        .contains("field 'read_fallback'");
            }
        }
    }

    @Test
    void aBackfillPlantedWithStatementsIsRefusedByTheCliWithExit3() throws Exception {
        String schema = declared();
        assertThat(cli.run("expand", "--schema", schema, "items-tier").exitCode()).isZero();
        assertThat(cli.run("flag", "--schema", schema, "items-tier", "--writes", "on").exitCode()).isZero();
        plant(schema, "backfill_expr = '''x''); DROP TABLE canary; UPDATE items SET tier = (''x'''");
        String before = canaries();

        Cli.Result result = cli.run("backfill", "--schema", schema, "items-tier");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(3);
        assertThat(result.err()).contains("migration 'items-tier'").contains("field 'backfill_expr'")
                .contains("closes a parenthesis it did not open");
        assertThat(canaries()).isEqualTo(before);
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM app_" + schema + ".items WHERE tier = 'x'")) {
            rs.next();
            assertThat(rs.getLong(1)).as("no row was filled with the planted value").isZero();
        }
    }

    @Test
    void aTypePlantedWithAStatementIsRefusedByExpandWithExit3AndNoColumnIsAdded() throws Exception {
        String schema = declared();
        plant(schema, "column_type = 'text) AS tier FROM items; DROP TABLE canary; --'");
        String before = canaries();

        Cli.Result result = cli.run("expand", "--schema", schema, "items-tier");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(3);
        assertThat(result.err()).contains("migration 'items-tier'").contains("field 'column_type'")
                .contains("not a type name");
        assertThat(canaries()).isEqualTo(before);
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_attribute WHERE attrelid = 'app_" + schema + ".items'::regclass"
                     + " AND attname = 'tier'")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }

    @Test
    void aDefaultPlantedWithATrailingCommentIsSplicedWithoutIt() throws Exception {
        String schema = declared();
        plant(schema, "default_expr = '''gold'' -- rest of the statement is commented out'");

        Cli.Result plan = cli.run("plan", "--schema", schema, "items-tier");

        assertThat(plan.exitCode()).as(plan.all()).isZero();
        assertThat(plan.out()).contains("SET DEFAULT ('gold')").doesNotContain("commented out");
    }
}
