package io.colshift.cli;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

@WithPostgres
class DeclareCommandIT {

    private static final String SCHEMA = "cs_declare";
    private final TestDatabase db;
    private final Cli cli;
    @TempDir
    Path dir;

    DeclareCommandIT(TestDatabase db) {
        this.db = db;
        this.cli = new Cli(db);
    }

    @BeforeAll
    static void setUp(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS accounts (id bigint PRIMARY KEY, email text, deleted_at timestamptz,"
                    + " score integer)");
        }
        assertThat(new Cli(db).run("init", "--schema", SCHEMA, "--lease", "50ms").exitCode()).isZero();
    }

    private Path spec(String name, String yaml) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, yaml);
        return file;
    }

    private Cli.Result declare(Path file) {
        return cli.run("declare", "--schema", SCHEMA, file.toString());
    }

    private long stateVersion() throws Exception {
        return scalarLong("SELECT version FROM " + SCHEMA + ".state");
    }

    private long scalarLong(String sql) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void declaresAValidSpecRecordsItAndIsIdempotent() throws Exception {
        Path file = spec("accounts-status.yaml", """
                id: accounts-status
                table: public.accounts
                column: status
                type: text
                default: "'active'"
                backfill: "CASE WHEN deleted_at IS NULL THEN 'active' ELSE 'gone' END"
                not_null: true
                index: { concurrently: true }
                """);
        long before = stateVersion();
        Cli.Result result = declare(file);
        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out()).contains("declared 'accounts-status'");
        assertThat(stateVersion()).isEqualTo(before + 1);
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT phase, writes_enabled, read_fallback, table_schema, spec->>'type',"
                     + " (SELECT count(*) FROM " + SCHEMA + ".events WHERE migration_id = 'accounts-status' AND kind = 'declare')"
                     + " FROM " + SCHEMA + ".migrations WHERE id = 'accounts-status'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("declared");
            assertThat(rs.getBoolean(2)).isFalse();
            assertThat(rs.getString(3)).isEqualTo("CASE WHEN deleted_at IS NULL THEN 'active' ELSE 'gone' END");
            assertThat(rs.getString(4)).isEqualTo("public");
            assertThat(rs.getString(5)).isEqualTo("text");
            assertThat(rs.getLong(6)).isEqualTo(1);
        }

        Cli.Result again = declare(file);
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).contains("already declared");
        assertThat(stateVersion()).isEqualTo(before + 1);

        Path otherId = spec("accounts-status-2.yaml", Files.readString(file).replace("id: accounts-status", "id: accounts-status-2"));
        Cli.Result clash = declare(otherId);
        assertThat(clash.exitCode()).isEqualTo(ExitCodes.PRECONDITION_NOT_MET);
        assertThat(clash.err()).contains("already being added by migration 'accounts-status'");
    }

    @Test
    void acceptsACorrectedSpecWhileDeclaredButNotAfterward() throws Exception {
        Path file = spec("accounts-tier.yaml", "id: accounts-tier\ntable: accounts\ncolumn: tier\ntype: integer\ndefault: 1\n");
        assertThat(declare(file).exitCode()).isZero();
        Path corrected = spec("accounts-tier-v2.yaml", "id: accounts-tier\ntable: accounts\ncolumn: tier\ntype: integer\ndefault: 2\n");
        Cli.Result redeclared = declare(corrected);
        assertThat(redeclared.exitCode()).as(redeclared.all()).isZero();
        assertThat(scalarLong("SELECT default_expr::int FROM " + SCHEMA + ".migrations WHERE id = 'accounts-tier'")).isEqualTo(2);

        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("UPDATE " + SCHEMA + ".migrations SET phase = 'expanded' WHERE id = 'accounts-tier'");
        }
        Cli.Result refused = declare(file);
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.PRECONDITION_NOT_MET);
        assertThat(refused.err()).contains("phase expanded").contains("can no longer change");
        assertThat(scalarLong("SELECT default_expr::int FROM " + SCHEMA + ".migrations WHERE id = 'accounts-tier'")).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown field           | nullable: true                                        | nullable         | unknown field
            bad identifier          | column: "bad column"                                  | column           | not a valid column name
            type not a pg type      | type: strng                                           | type             | not a PostgreSQL type
            injected default        | default: "'x'); DROP TABLE accounts; --"              | default          | not exactly one SQL expression
            two expressions         | backfill: "email, score"                              | backfill         | not exactly one SQL expression
            backfill unknown column | backfill: "coalesce(nickname, email)"                 | backfill         | references a column that does not exist
            column other type       | column: score                                         | column           | already exists
            """)
    void refusesAnInvalidSpecNamingFileAndFieldAndWritesNothing(String label, String line, String field, String reason)
            throws Exception {
        String yaml = "id: bad-spec\ntable: public.accounts\ncolumn: nickname\ntype: text\n";
        String key = line.substring(0, line.indexOf(':'));
        yaml = yaml.lines().filter(l -> !l.startsWith(key + ":")).reduce("", (a, b) -> a + b + "\n") + line + "\n";
        Path file = spec("bad-spec.yaml", yaml);
        long before = stateVersion();
        long events = scalarLong("SELECT count(*) FROM " + SCHEMA + ".events");

        Cli.Result result = declare(file);
        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains("bad-spec.yaml").contains("field '" + field + "'").contains(reason);
        assertThat(stateVersion()).isEqualTo(before);
        assertThat(scalarLong("SELECT count(*) FROM " + SCHEMA + ".events")).isEqualTo(events);
        assertThat(scalarLong("SELECT count(*) FROM " + SCHEMA + ".migrations WHERE id = 'bad-spec'")).isZero();
        assertThat(scalarLong("SELECT count(*) FROM public.accounts")).isZero();
        assertThat(scalarLong("SELECT count(*) FROM pg_tables WHERE tablename = 'accounts'")).isEqualTo(1);
    }

    @Test
    void refusesAMissingTableNamingIt() throws Exception {
        Cli.Result result = declare(spec("t.yaml", "id: t1\ntable: public.nope\ncolumn: c\ntype: text\n"));
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains("t.yaml").contains("field 'table'").contains("public.nope does not exist");
    }

    @Test
    void refusesFilesThatAreNotSpecs() throws Exception {
        Cli.Result missing = declare(dir.resolve("absent.yaml"));
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).contains("absent.yaml").contains("does not exist");

        Cli.Result duplicate = declare(spec("dup.yaml", "id: a\nid: b\ntable: accounts\ncolumn: c\ntype: text\n"));
        assertThat(duplicate.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(duplicate.err()).contains("dup.yaml").contains("(yaml)");

        Cli.Result list = declare(spec("list.yaml", "- id: a\n"));
        assertThat(list.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(list.err()).contains("must be a mapping");
    }

    @Test
    void refusesToDeclareBeforeInit() throws Exception {
        Path file = spec("x.yaml", "id: x\ntable: accounts\ncolumn: c\ntype: text\n");
        Cli.Result result = cli.run("declare", "--schema", "cs_never_initialised", file.toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.PRECONDITION_NOT_MET);
        assertThat(result.err()).contains("colshift init");
    }
}
