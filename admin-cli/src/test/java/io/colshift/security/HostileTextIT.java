package io.colshift.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import io.colshift.phase.SearchPathPin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Text from the database reaches the operator's terminal only escaped, and what the CLI cannot act on is refused
 * with exit 3 naming it: heartbeat rows the application role writes, ids and phases planted in the control schema
 * by someone who changed it outside colshift, the query text of a session that blocks a DDL, server errors about
 * missing privileges. Throughout, the canaries do not move.
 */
@WithPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileTextIT {

    /** A terminal title change, a screen clear, a carriage return, a forged line and a bidirectional override. */
    private static final String HOSTILE = "\u001b]0;owned\u0007\u001b[2J\rforged\nline\u202e";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestDatabase db;
    private ApplicationRole app;
    private Colshift owner;
    private Canaries before;

    @BeforeAll
    void setUp(TestDatabase db) throws Exception {
        this.db = db;
        this.app = ApplicationRole.create(db);
        this.owner = Colshift.owner(db);
        exec("CREATE TABLE public.items (id bigint PRIMARY KEY, email text NOT NULL)",
                "INSERT INTO public.items SELECT g, 'u' || g || '@example.com' FROM generate_series(1, 50) g",
                "GRANT SELECT, INSERT, UPDATE, DELETE ON public.items TO " + app.name());
        Canaries.plant(db);
        assertThat(owner.run("init", "--grant-to", app.name(), "--lease", "50ms").exitCode()).isZero();
        before = Canaries.read(db);
    }

    @AfterAll
    void tearDown() throws SQLException {
        Canaries after = Canaries.read(db);
        assertThat(after.canary()).isEqualTo(before.canary());
        assertThat(Canaries.isSuperuser(db, app.name())).isFalse();
        app.close();
    }

    @Test
    void heartbeatRowsTheApplicationRoleWritesArePrintedEscapedInEveryView() throws Exception {
        try (Connection c = app.connect(); PreparedStatement ps = c.prepareStatement("INSERT INTO colshift.clients"
                + " (client_id, host, pid, application_name, acked_version) VALUES (?, ?, 42, ?, 0)")) {
            ps.setString(1, "client" + HOSTILE);
            ps.setString(2, "host" + HOSTILE);
            ps.setString(3, "app" + HOSTILE);
            ps.executeUpdate();
        }
        Colshift.Result text = owner.run("status");
        assertThat(text.exitCode()).as(text.all()).isZero();
        assertNoRawControlCharacters(text.all());
        assertThat(text.out()).contains("app\\e]0;owned\\u0007\\e[2J\\rforged\\nline\\u202e");

        Colshift.Result json = owner.run("status", "--json");
        assertThat(json.exitCode()).as(json.all()).isZero();
        assertNoRawControlCharacters(json.out());
        JsonNode client = JSON.readTree(json.out()).get("clients").get(0);
        assertThat(client.get("application_name").asText()).isEqualTo("app" + HOSTILE);

        // after each barrier, the heartbeat summary names live drivers that report an older state, from the same rows
        declare("items-note", "note");
        exec("UPDATE colshift.clients SET last_seen = now()");
        Colshift.Result flagged = owner.run("flag", "items-note", "--writes", "on");
        assertThat(flagged.exitCode()).as(flagged.all()).isZero();
        assertNoRawControlCharacters(flagged.all());
        assertThat(flagged.all()).contains("client\\e]0;owned");
        exec("DELETE FROM colshift.clients");
    }

    @Test
    void aMigrationIdWithControlCharactersPlantedInTheControlSchemaIsPrintedEscaped() throws Exception {
        exec("ALTER TABLE colshift.migrations DROP CONSTRAINT IF EXISTS migrations_id_check");
        try (Connection c = SearchPathPin.pin(db.connect()); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO colshift.migrations (id, table_schema, table_name, column_name, column_type, spec, phase)"
                        + " VALUES (?, 'public', 'items', ?, 'text', '{}', 'declared')")) {
            ps.setString(1, "planted" + HOSTILE);
            ps.setString(2, "col" + HOSTILE);
            ps.executeUpdate();
        }
        try {
            Colshift.Result status = owner.run("status");
            assertThat(status.exitCode()).as(status.all()).isZero();
            assertNoRawControlCharacters(status.all());
            assertThat(status.out()).contains("planted\\e]0;owned\\u0007").contains("col\\e]0;owned");
        } finally {
            exec("DELETE FROM colshift.migrations WHERE id LIKE 'planted%'");
        }
    }

    @Test
    void anUnknownPhaseStoredInTheControlSchemaExitsThreeNamingTheMigrationAndTheValue() throws Exception {
        declare("items-odd", "odd");
        exec("ALTER TABLE colshift.migrations DROP CONSTRAINT IF EXISTS migrations_phase_check",
                "UPDATE colshift.migrations SET phase = 'half-done' WHERE id = 'items-odd'");
        try {
            for (String[] command : new String[][] {{"status"}, {"status", "items-odd"}, {"expand", "items-odd"},
                    {"flag", "items-odd", "--writes", "on"}, {"plan", "items-odd"}}) {
                Colshift.Result result = owner.run(command[0], java.util.Arrays.copyOfRange(command, 1, command.length));
                assertThat(result.exitCode()).as("colshift %s: %s", String.join(" ", command), result.all())
                        .isEqualTo(3);
                assertThat(result.err()).contains("items-odd").contains("'half-done'").doesNotContain("Exception");
            }
        } finally {
            exec("UPDATE colshift.migrations SET phase = 'declared' WHERE id = 'items-odd'");
        }
    }

    @Test
    void aPermissionErrorExitsThreeNamingTheObjectAndTheRole(@TempDir Path dir) throws Exception {
        declare("items-perm", "perm");
        Colshift asApplication = new Colshift(db, app.name(), ApplicationRole.PASSWORD);
        Colshift.Result expand = asApplication.run("expand", "items-perm");
        assertThat(expand.exitCode()).as(expand.all()).isEqualTo(3);
        assertThat(expand.err()).contains("must be owner of table items").contains("'" + app.name() + "'")
                .contains("42501");

        Path spec = dir.resolve("items-other.yaml");
        Files.writeString(spec, "id: items-other\ntable: public.items\ncolumn: other\ntype: text\n");
        Colshift.Result declare = asApplication.run("declare", spec.toString());
        assertThat(declare.exitCode()).as(declare.all()).isEqualTo(3);
        assertThat(declare.err()).contains("permission denied for table migrations").contains(app.name());
        try (Connection c = SearchPathPin.pin(db.connect()); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_attribute WHERE attrelid ="
                     + " 'public.items'::regclass AND attname IN ('perm', 'other')")) {
            rs.next();
            assertThat(rs.getLong(1)).as("no column added by the refused steps").isZero();
        }
    }

    @Test
    void theQueryTextOfASessionBlockingTheDdlIsPrintedEscaped() throws Exception {
        declare("items-blocked", "blocked");
        try (Connection blocker = app.connect()) {
            blocker.setAutoCommit(false);
            try (Statement st = blocker.createStatement()) {
                // the last query of a session, as pg_stat_activity shows it to the CLI, is the session's to choose
                st.executeQuery("SELECT id /* " + HOSTILE + " */ FROM public.items LIMIT 1").close();
            }
            Colshift.Result expand = owner.run("expand", "items-blocked", "--lock-timeout", "1s", "--max-wait",
                    "3s");
            assertThat(expand.exitCode()).as(expand.all()).isEqualTo(4);
            assertNoRawControlCharacters(expand.all());
            assertThat(expand.all()).contains("/* \\e]0;owned\\u0007");
            blocker.rollback();
        }
    }

    @Test
    void quotedAndUnicodeIdentifiersSurviveTheWholeLifecycle(@TempDir Path dir) throws Exception {
        exec("CREATE TABLE public.\"Odd \"\"Tbl\"\" ü\" (id bigint PRIMARY KEY, \"Quo'te\" text)",
                "INSERT INTO public.\"Odd \"\"Tbl\"\" ü\" SELECT g, 'v' || g FROM generate_series(1, 40) g");
        Path spec = dir.resolve("odd.yaml");
        Files.writeString(spec, "id: odd-names\ntable: 'public.\"Odd \"\"Tbl\"\" ü\"'\ncolumn: '\"Nëw \"\"Col\"\"\"'\n"
                + "type: text\ndefault: \"'d'\"\nbackfill: \"\\\"Quo'te\\\" || ';--'\"\nnot_null: true\n"
                + "index: { concurrently: true }\n");
        for (String[] step : new String[][] {{"declare", spec.toString()}, {"expand", "odd-names"},
                {"flag", "odd-names", "--writes", "on"}, {"backfill", "odd-names", "--plain"},
                {"contract", "odd-names"}, {"complete", "odd-names"}}) {
            Colshift.Result result = owner.run(step[0], java.util.Arrays.copyOfRange(step, 1, step.length));
            assertThat(result.exitCode()).as("colshift %s: %s", String.join(" ", step), result.all()).isZero();
        }
        try (Connection c = SearchPathPin.pin(db.connect()); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE \"Nëw \"\"Col\"\"\" = \"Quo'te\""
                     + " || ';--'), count(*) FROM public.\"Odd \"\"Tbl\"\" ü\"")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(rs.getLong(2)).isEqualTo(40);
        }
        assertThat(Canaries.read(db).canary()).isEqualTo(before.canary());
    }

    private void declare(String id, String column) throws Exception {
        Path spec = Files.createTempFile(id, ".yaml");
        try {
            Files.writeString(spec, "id: " + id + "\ntable: public.items\ncolumn: " + column + "\ntype: text\n"
                    + "default: \"'x'\"\n");
            Colshift.Result result = owner.run("declare", spec.toString());
            assertThat(result.exitCode()).as(result.all()).isZero();
        } finally {
            Files.delete(spec);
        }
    }

    private void exec(String... statements) throws SQLException {
        try (Connection c = SearchPathPin.pin(db.connect()); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    private static void assertNoRawControlCharacters(String output) {
        String withoutLineBreaks = output.replace("\n", "");
        assertThat(withoutLineBreaks.chars().filter(ch -> Character.isISOControl(ch) || ch == 0x202e).count())
                .as("raw control characters in %s", output).isZero();
    }
}
