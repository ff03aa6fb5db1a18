package io.colshift.cli;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code declare} refuses what could not work or would hurt — each refusal names the file, the field and the reason,
 * exits 2 and writes nothing: tables colshift must not change, a column that already exists, files too large or not
 * UTF-8, names PostgreSQL would truncate, expressions that are not exactly one contained expression, read fallbacks
 * with side effects.
 */
@WithPostgres
class DeclareRefusalsIT {

    private static final String SCHEMA = "cs_refusals";
    private final TestDatabase db;
    private final Cli cli;
    @TempDir
    Path dir;

    DeclareRefusalsIT(TestDatabase db) {
        this.db = db;
        this.cli = new Cli(db);
    }

    @BeforeAll
    static void setUp(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE orders (id bigint PRIMARY KEY, total numeric, note text)");
            st.execute("CREATE TABLE events (id bigint, at_day int) PARTITION BY RANGE (at_day)");
            st.execute("CREATE TABLE events_early PARTITION OF events FOR VALUES FROM (0) TO (100)");
            st.execute("CREATE VIEW big_orders AS SELECT * FROM orders WHERE total > 100");
            st.execute("CREATE MATERIALIZED VIEW order_totals AS SELECT sum(total) AS total FROM orders");
            st.execute("CREATE FOREIGN DATA WRAPPER refusals_fdw");
            st.execute("CREATE SERVER refusals_server FOREIGN DATA WRAPPER refusals_fdw");
            st.execute("CREATE FOREIGN TABLE remote_orders (id bigint) SERVER refusals_server");
        }
        assertThat(new Cli(db).run("init", "--schema", SCHEMA).exitCode()).isZero();
    }

    private Path spec(String name, String body) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, body);
        return file;
    }

    private static String specFor(String table, String column, String extra) {
        return "id: refused\ntable: " + table + "\ncolumn: " + column + "\ntype: text\n" + extra;
    }

    /** State version and number of migrations: a refusal changes neither. */
    private String written() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT (SELECT version FROM " + SCHEMA + ".state) || '/'"
                     + " || (SELECT count(*) FROM " + SCHEMA + ".migrations)")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private Cli.Result refused(Path file, String field, String reason) throws Exception {
        String before = written();
        Cli.Result result = cli.run("declare", "--schema", SCHEMA, file.toString());
        assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
        assertThat(result.err()).contains(file.toString()).contains("field '" + field + "'").contains(reason);
        assertThat(written()).as("nothing written").isEqualTo(before);
        return result;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "partition             | public.events_early         | is a partition of public.events; declare the column on public.events",
            "system catalog        | pg_catalog.pg_class         | is a system table",
            "information_schema    | information_schema.sql_features | is a system table",
            "control schema        | " + SCHEMA + ".migrations   | belongs to colshift's own control schema",
            "view                  | public.big_orders           | is a view",
            "materialized view     | public.order_totals         | is a materialized view",
            "foreign table         | public.remote_orders        | is a foreign table",
    })
    void refusesTablesColshiftMustNotChange(String label, String table, String reason) throws Exception {
        refused(spec(label.replace(' ', '-') + ".yaml", specFor(table, "extra", "")), "table", reason);
    }

    @Test
    void acceptsThePartitionedParentTable() throws Exception {
        Path file = spec("parent.yaml", "id: events-kind\ntable: public.events\ncolumn: kind\ntype: text\n");
        Cli.Result result = cli.run("declare", "--schema", SCHEMA, file.toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
    }

    @Test
    void refusesAColumnThatExistsWithTheSameTypeExplainingWhy() throws Exception {
        Cli.Result result = refused(spec("same.yaml", specFor("public.orders", "note", "")), "column",
                "column note already exists in public.orders");
        assertThat(result.err()).contains("read the spec's fallback instead of the data")
                .contains("ALTER TABLE public.orders DROP COLUMN note");
    }

    @Test
    void refusesAColumnThatExistsWithAnotherType() throws Exception {
        refused(spec("other.yaml", specFor("public.orders", "total", "")), "column", "with type numeric");
    }

    @Test
    void refusesASpecFileOverOneMebibyteBeforeParsingIt() throws Exception {
        Path file = dir.resolve("huge.yaml");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(specFor("public.orders", "huge", "").getBytes(StandardCharsets.UTF_8));
            byte[] comment = ("# " + "x".repeat(1000) + "\n").getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 1100; i++) {
                out.write(comment);
            }
        }
        refused(file, "(file)", "larger than 1 MiB");
    }

    @Test
    void refusesASpecFileThatIsNotUtf8() throws Exception {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, specFor("public.orders", "caf\u00e9", "").getBytes(StandardCharsets.ISO_8859_1));
        refused(file, "(file)", "is not UTF-8 text");
    }

    @Test
    void refusesANameOver63BytesOfUtf8EvenWhenItHasFewerCharacters() throws Exception {
        String column = "\u00e9".repeat(32); // 32 characters, 64 bytes
        refused(spec("long-name.yaml", specFor("public.orders", column, "")), "column", "is 64 bytes long");
    }

    @Test
    void refusesExpressionsThatAreNotExactlyOneContainedExpression() throws Exception {
        refused(spec("terminator.yaml", specFor("public.orders", "a", "default: \"'x'; DROP TABLE orders\"\n")),
                "default", "statement terminator");
        refused(spec("escape.yaml", specFor("public.orders", "b", "backfill: \"'x') || (SELECT 1\"\n")),
                "backfill", "closes a parenthesis it did not open");
        refused(spec("dollar.yaml", specFor("public.orders", "c", "default: \"$$x$$\"\n")),
                "default", "dollar-quoted");
        refused(spec("fallback-subquery.yaml", specFor("public.orders", "d",
                "read_fallback: \"(SELECT max(note) FROM public.orders)\"\n")), "read_fallback", "subquery");
    }

    @Test
    void refusesAVolatileReadFallback() throws Exception {
        refused(spec("volatile.yaml", specFor("public.orders", "e", "read_fallback: \"random()::text\"\n")),
                "read_fallback", "calls volatile random()");
    }

    @Test
    void declaresAVolatileBackfillButReadsSeeNullAndSaysSo() throws Exception {
        Path file = spec("token.yaml", "id: orders-token\ntable: public.orders\ncolumn: token\ntype: text\n"
                + "backfill: \"md5(random()::text)\"\n");
        Cli.Result result = cli.run("declare", "--schema", SCHEMA, file.toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("drivers now read token as NULL")
                .contains("note: reads see NULL for token").contains("volatile random()");
        Cli.Result plan = cli.run("plan", "--schema", SCHEMA, file.toString());
        assertThat(plan.out()).contains("note: reads see NULL for token");
    }

    @Test
    void storesADefaultWithATrailingCommentWithoutTheComment() throws Exception {
        Path file = spec("comment.yaml", "id: orders-state\ntable: public.orders\ncolumn: state\ntype: text\n"
                + "default: \"'open' -- ; the rest of any statement\"\n");
        Cli.Result result = cli.run("declare", "--schema", SCHEMA, file.toString());
        assertThat(result.exitCode()).as(result.all()).isZero();
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT default_expr, read_fallback FROM " + SCHEMA
                     + ".migrations WHERE id = 'orders-state'")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("'open'");
            assertThat(rs.getString(2)).isEqualTo("'open'");
        }
    }
}
