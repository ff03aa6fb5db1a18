package io.colshift.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

@WithPostgres
class FlagAndStatusIT {

    private static final String SCHEMA = "cs_flag";
    private final TestDatabase db;
    private final Cli cli;

    FlagAndStatusIT(TestDatabase db) {
        this.db = db;
        this.cli = new Cli(db);
    }

    @BeforeAll
    static void setUp(TestDatabase db, @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS orders (id bigint PRIMARY KEY, total numeric)");
        }
        Cli cli = new Cli(db);
        assertThat(cli.run("init", "--schema", SCHEMA, "--lease", "200ms").exitCode()).isZero();
        Path file = dir.resolve("orders-currency.yaml");
        Files.writeString(file, "id: orders-currency\ntable: orders\ncolumn: currency\ntype: char(3)\ndefault: \"'EUR'\"\n");
        Cli.Result declared = cli.run("declare", "--schema", SCHEMA, file.toString());
        assertThat(declared.exitCode()).as(declared.all()).isZero();
    }

    @Test
    void flagChangeIsCommittedAndNotifiedBeforeTheCommandReturns() throws Exception {
        try (Connection listener = db.connect()) {
            try (Statement st = listener.createStatement()) {
                st.execute("LISTEN " + SCHEMA);
            }
            Cli.Result on = cli.run("flag", "--schema", SCHEMA, "orders-currency", "--writes", "on");
            assertThat(on.exitCode()).as(on.all()).isZero();
            assertThat(on.out()).contains("now on");

            long version = currentVersion();
            PGNotification[] notifications = listener.unwrap(PGConnection.class).getNotifications(10_000);
            assertThat(notifications).isNotNull();
            assertThat(notifications[notifications.length - 1].getParameter()).isEqualTo(Long.toString(version));
            try (Connection reader = db.connect(); Statement st = reader.createStatement();
                 ResultSet rs = st.executeQuery("SELECT writes_enabled FROM " + SCHEMA + ".migrations WHERE id = 'orders-currency'")) {
                rs.next();
                assertThat(rs.getBoolean(1)).isTrue();
            }

            Cli.Result again = cli.run("flag", "--schema", SCHEMA, "orders-currency", "--writes", "on");
            assertThat(again.exitCode()).isZero();
            assertThat(again.out()).contains("already on");
            assertThat(currentVersion()).isEqualTo(version);

            Cli.Result off = cli.run("flag", "--schema", SCHEMA, "orders-currency", "--writes", "OFF");
            assertThat(off.exitCode()).as(off.all()).isZero();
            assertThat(currentVersion()).isEqualTo(version + 1);
        }
    }

    @Test
    void negativeBarrierTimeoutIsRefusedBeforeTheFlagChanges() throws Exception {
        long version = currentVersion();
        String change;
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT writes_enabled FROM " + SCHEMA + ".migrations"
                     + " WHERE id = 'orders-currency'")) {
            rs.next();
            change = rs.getBoolean(1) ? "off" : "on"; // a real change, which the bad option must prevent
        }
        for (String option : new String[]{"--barrier-timeout", "--wait-timeout"}) {
            Cli.Result bad = cli.run("flag", "--schema", SCHEMA, "orders-currency", "--writes", change, option,
                    "PT-1S");
            assertThat(bad.exitCode()).as(bad.all()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(bad.err()).contains(option + " must not be negative");
        }
        assertThat(currentVersion()).isEqualTo(version);
    }

    @Test
    void flagRefusesUnknownMigrationsAndValues() {
        Cli.Result unknown = cli.run("flag", "--schema", SCHEMA, "no-such", "--writes", "on");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(unknown.err()).contains("no migration with id 'no-such'");

        Cli.Result badValue = cli.run("flag", "--schema", SCHEMA, "orders-currency", "--writes", "maybe");
        assertThat(badValue.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void flagCannotBeTurnedOffOnceTheBackfillStarted() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS items (id bigint PRIMARY KEY)");
            st.execute("INSERT INTO " + SCHEMA + ".migrations (id, table_schema, table_name, column_name, column_type,"
                    + " spec, phase, writes_enabled) VALUES ('items-x', 'public', 'items', 'x', 'int', '{}', 'backfilling', true)");
        }
        Cli.Result off = cli.run("flag", "--schema", SCHEMA, "items-x", "--writes", "off");
        assertThat(off.exitCode()).isEqualTo(ExitCodes.PRECONDITION_NOT_MET);
        assertThat(off.err()).contains("rollback");
    }

    @Test
    void statusShowsPhaseFlagsVersionAndBackfillProgressAsTextAndJson() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO " + SCHEMA + ".backfill_progress (migration_id, rows_done, rows_estimate, batch_size)"
                    + " VALUES ('orders-currency', 250, 1000, 50) ON CONFLICT (migration_id) DO NOTHING");
        }
        Cli.Result text = cli.run("status", "--schema", SCHEMA, "orders-currency");
        assertThat(text.exitCode()).as(text.all()).isZero();
        assertThat(text.out()).contains("state version " + currentVersion()).contains("orders-currency")
                .contains("public.orders.currency").contains("declared").contains("250/1,000 (25%)")
                .contains("reads fall back to 'EUR'");

        Cli.Result json = cli.run("status", "--schema", SCHEMA, "--json");
        assertThat(json.exitCode()).as(json.all()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.get("state_version").asLong()).isEqualTo(currentVersion());
        JsonNode migration = root.get("migrations").get(0);
        assertThat(migration.get("id").asText()).isEqualTo("orders-currency");
        assertThat(migration.get("phase").asText()).isEqualTo("declared");
        assertThat(migration.get("writes_gated").asBoolean()).isTrue();
        assertThat(migration.get("backfill").get("rows_done").asLong()).isEqualTo(250);
        assertThat(root.get("clients").isArray()).isTrue();

        Cli.Result unknown = cli.run("status", "--schema", SCHEMA, "nope");
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    private long currentVersion() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version FROM " + SCHEMA + ".state")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
