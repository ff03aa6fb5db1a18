package io.colshift.state;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@WithPostgres
class SpecValidatorIT {

    private final TestDatabase db;

    SpecValidatorIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeAll
    static void createTables(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS users (id bigint PRIMARY KEY, email text, deleted_at timestamptz,"
                    + " nickname varchar(20), score integer)");
            st.execute("CREATE OR REPLACE VIEW active_users AS SELECT * FROM users WHERE deleted_at IS NULL");
        }
    }

    private static Map<String, Object> spec(String table, String column, String type) {
        Map<String, Object> raw = new HashMap<>();
        raw.put("id", "m1");
        raw.put("table", table);
        raw.put("column", column);
        raw.put("type", type);
        return raw;
    }

    private ValidatedSpec validate(Map<String, Object> raw) throws Exception {
        try (Connection c = db.connect()) {
            return SpecValidator.validate(c, "m1.yaml", SpecParser.parse("m1.yaml", raw));
        }
    }

    private InvalidSpecException refusal(Map<String, Object> raw) {
        return catchThrowableOfType(InvalidSpecException.class, () -> validate(raw));
    }

    @Test
    void acceptsAValidSpecAndResolvesTheSchemaFromTheSearchPath() throws Exception {
        Map<String, Object> raw = spec("users", "status", "text");
        raw.put("default", "'active'");
        raw.put("backfill", "CASE WHEN deleted_at IS NULL THEN 'active' ELSE 'gone' END");
        ValidatedSpec validated = validate(raw);
        assertThat(validated.spec().tableSchema()).isEqualTo("public");
        assertThat(validated.columnExists()).isFalse();
        assertThat(validated.readFallback()).isEqualTo("CASE WHEN deleted_at IS NULL THEN 'active' ELSE 'gone' END");
    }

    @Test
    void refusesAMissingTable() {
        InvalidSpecException e = refusal(spec("public.no_such_table", "status", "text"));
        assertThat(e.problems()).extracting(SpecProblem::field).containsExactly("table");
        assertThat(e.getMessage()).contains("m1.yaml").contains("public.no_such_table does not exist");
    }

    @Test
    void refusesAViewAsTable() {
        InvalidSpecException e = refusal(spec("active_users", "status", "text"));
        assertThat(e.problems()).extracting(SpecProblem::reason).singleElement().asString().contains("is a view");
    }

    @Test
    void refusesATypeThePostgresServerDoesNotKnow() {
        InvalidSpecException e = refusal(spec("users", "status", "txet"));
        assertThat(e.problems()).extracting(SpecProblem::field).containsExactly("type");
        assertThat(e.getMessage()).contains("not a PostgreSQL type").contains("txet");
    }

    @Test
    void refusesAColumnThatExistsWithAnotherType() {
        InvalidSpecException e = refusal(spec("users", "score", "text"));
        assertThat(e.problems()).extracting(SpecProblem::field).containsExactly("column");
        assertThat(e.getMessage()).contains("already exists").contains("integer").contains("text");
    }

    @Test
    void acceptsAColumnThatExistsWithTheSameTypeSpelledDifferently() throws Exception {
        ValidatedSpec validated = validate(spec("users", "nickname", "varchar(20)"));
        assertThat(validated.columnExists()).isTrue();
        InvalidSpecException e = refusal(spec("users", "nickname", "varchar(30)"));
        assertThat(e.getMessage()).contains("character varying(20)").contains("character varying(30)");
    }

    @Test
    void refusesABackfillReferencingAColumnThatDoesNotExist() {
        Map<String, Object> raw = spec("users", "status", "text");
        raw.put("backfill", "CASE WHEN removed_at IS NULL THEN 'a' END");
        InvalidSpecException e = refusal(raw);
        assertThat(e.problems()).extracting(SpecProblem::field).containsExactly("backfill");
        assertThat(e.getMessage()).contains("references a column that does not exist").contains("removed_at");
    }

    @Test
    void refusesAnAggregateAsBackfill() {
        Map<String, Object> raw = spec("users", "status", "bigint");
        raw.put("backfill", "count(*)");
        assertThat(refusal(raw).problems()).extracting(SpecProblem::field).containsExactly("backfill");
    }

    @Test
    void refusesADefaultOfTheWrongTypeOrReferencingColumns() {
        Map<String, Object> wrongType = spec("users", "level", "integer");
        wrongType.put("default", "'high'");
        assertThat(refusal(wrongType).problems()).extracting(SpecProblem::field).containsExactly("default");

        Map<String, Object> columnRef = spec("users", "level", "integer");
        columnRef.put("default", "score + 1");
        assertThat(refusal(columnRef).getMessage()).contains("a DEFAULT cannot reference columns");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        Map<String, Object> raw = spec("public.no_such_table", "status", "no_such_type");
        InvalidSpecException e = refusal(raw);
        assertThat(e.problems()).extracting(SpecProblem::field).containsExactlyInAnyOrder("type", "table");
    }

    @Test
    void neverExecutesTheExpressions() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE SEQUENCE IF NOT EXISTS probe_seq");
        }
        Map<String, Object> raw = spec("users", "seq_no", "bigint");
        raw.put("default", "nextval('public.probe_seq')");
        raw.put("backfill", "nextval('public.probe_seq') + id");
        ValidatedSpec validated = validate(raw);
        assertThat(validated.readFallback()).isEqualTo("NULL");
        assertThat(validated.notes()).singleElement().asString().contains("volatile nextval(regclass)");
        try (Connection c = db.connect(); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT is_called FROM probe_seq")) {
            rs.next();
            assertThat(rs.getBoolean(1)).isFalse();
        }
    }

    @Test
    void readsSeeNullWhenTheBackfillIsVolatileAndTheSpecSaysNothingElse() throws Exception {
        Map<String, Object> raw = spec("users", "token", "text");
        raw.put("backfill", "md5(random()::text)");
        ValidatedSpec validated = validate(raw);
        assertThat(validated.readFallback()).isEqualTo("NULL");
        assertThat(validated.notes()).singleElement().asString().contains("random()").contains("read_fallback");
    }

    @Test
    void readsSeeTheExplicitReadFallbackWhichMustBeNonVolatile() throws Exception {
        Map<String, Object> raw = spec("users", "token", "text");
        raw.put("backfill", "md5(random()::text)");
        raw.put("read_fallback", "'pending' /* until filled */");
        ValidatedSpec validated = validate(raw);
        assertThat(validated.readFallback()).isEqualTo("'pending'");
        assertThat(validated.notes()).isEmpty();

        raw.put("read_fallback", "clock_timestamp()::text");
        InvalidSpecException e = refusal(raw);
        assertThat(e.problems()).extracting(SpecProblem::field).containsExactly("read_fallback");
        assertThat(e.getMessage()).contains("volatile clock_timestamp()");
    }

    @Test
    void aDerivedNonVolatileFallbackIsKept() throws Exception {
        Map<String, Object> raw = spec("users", "label", "text");
        raw.put("backfill", "lower(email) || '-' || id::text");
        assertThat(validate(raw).readFallback()).isEqualTo("lower(email) || '-' || id::text");
    }

    @Test
    void refusesAnUnqualifiedUserFunctionAndAcceptsItSchemaQualified() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE FUNCTION public.tier_of(integer) RETURNS text IMMUTABLE"
                    + " LANGUAGE sql AS $$ SELECT 'gold' $$");
        }
        Map<String, Object> raw = spec("users", "tier", "text");
        raw.put("backfill", "tier_of(score)");
        InvalidSpecException e = refusal(raw);
        assertThat(e.problems()).extracting(SpecProblem::field).containsExactly("backfill");
        assertThat(e.getMessage()).contains("tier_of").contains("schema-qualified");

        raw.put("backfill", "public.tier_of(score)");
        assertThat(validate(raw).readFallback()).isEqualTo("public.tier_of(score)");
    }

    @Test
    void refusesAnUnqualifiedUserTypeSayingItMustBeQualified() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("DO $$ BEGIN CREATE TYPE public.mood AS ENUM ('ok', 'meh'); EXCEPTION WHEN duplicate_object"
                    + " THEN NULL; END $$");
        }
        InvalidSpecException e = refusal(spec("users", "mood", "mood"));
        assertThat(e.problems()).extracting(SpecProblem::field).containsExactly("type");
        assertThat(e.getMessage()).contains("schema-qualified");
        assertThat(validate(spec("users", "mood", "public.mood")).spec().type()).isEqualTo("public.mood");
    }

    @Test
    void storesExpressionsWithoutTheirComments() throws Exception {
        Map<String, Object> raw = spec("users", "status", "text");
        raw.put("default", "'x' -- ; trailing comment");
        ValidatedSpec validated = validate(raw);
        assertThat(validated.spec().defaultExpr()).isEqualTo("'x'");
        assertThat(validated.readFallback()).isEqualTo("'x'");
    }
}
