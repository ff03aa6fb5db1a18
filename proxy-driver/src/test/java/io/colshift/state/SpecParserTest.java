package io.colshift.state;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SpecParserTest {

    private static Map<String, Object> valid() {
        Map<String, Object> raw = new HashMap<>();
        raw.put("id", "users-status");
        raw.put("table", "public.users");
        raw.put("column", "status");
        raw.put("type", "text");
        raw.put("default", "'active'");
        raw.put("backfill", "CASE WHEN deleted_at IS NULL THEN 'active' ELSE 'gone' END");
        raw.put("not_null", true);
        raw.put("index", Map.of("concurrently", true));
        return raw;
    }

    private static InvalidSpecException refusal(Map<String, Object> raw) {
        return catchThrowableOfType(InvalidSpecException.class, () -> SpecParser.parse("specs/users-status.yaml", raw));
    }

    @Test
    void parsesTheDesignExample() throws Exception {
        MigrationSpec spec = SpecParser.parse("f.yaml", valid());
        assertThat(spec.id()).isEqualTo("users-status");
        assertThat(spec.tableSchema()).isEqualTo("public");
        assertThat(spec.tableName()).isEqualTo("users");
        assertThat(spec.column()).isEqualTo("status");
        assertThat(spec.defaultExpr()).isEqualTo("'active'");
        assertThat(spec.notNull()).isTrue();
        assertThat(spec.index()).isEqualTo(new MigrationSpec.IndexSpec(true));
    }

    @Test
    void refusesAnInjectedStatementInDefault() {
        Map<String, Object> raw = valid();
        raw.put("default", "'x'); DROP TABLE users; --");
        InvalidSpecException e = refusal(raw);
        assertThat(e.problems()).extracting(SpecProblem::field).containsExactly("default");
        assertThat(e.getMessage()).contains("specs/users-status.yaml").contains("field 'default'")
                .contains("closes a parenthesis it did not open");
    }

    @Test
    void refusesTwoExpressionsInBackfill() {
        Map<String, Object> raw = valid();
        raw.put("backfill", "1, 2");
        assertThat(refusal(raw).problems()).extracting(SpecProblem::field).containsExactly("backfill");
    }

    @Test
    void refusesUnknownFieldsNamingThem() {
        Map<String, Object> raw = valid();
        raw.put("nullable", false);
        raw.put("index", Map.of("concurrently", true, "name", "x"));
        InvalidSpecException e = refusal(raw);
        assertThat(e.problems()).extracting(SpecProblem::field).containsExactlyInAnyOrder("nullable", "index.name");
        assertThat(e.getMessage()).contains("unknown field");
    }

    @Test
    void refusesBadIdentifiersAndIds() {
        Map<String, Object> raw = valid();
        raw.put("id", "Users_Status");
        raw.put("table", "public.users; drop");
        raw.put("column", "a.b");
        InvalidSpecException e = refusal(raw);
        assertThat(e.problems()).extracting(SpecProblem::field).containsExactlyInAnyOrder("id", "table", "column");
    }

    @Test
    void refusesTypesThatAreNotTypeNames() {
        for (String type : List.of("text); DROP TABLE users; --", "text, pg_sleep(1)", "int default 1 -- x", "")) {
            Map<String, Object> raw = valid();
            raw.put("type", type);
            assertThat(refusal(raw).problems()).as(type).extracting(SpecProblem::field).containsExactly("type");
        }
    }

    @Test
    void acceptsMultiWordAndModifiedTypes() throws Exception {
        for (String type : List.of("numeric(10,2)", "timestamp(3) with time zone", "character varying(20)",
                "double precision", "int[]", "public.\"Mood\"", "interval day to second(3)")) {
            Map<String, Object> raw = valid();
            raw.put("type", type);
            assertThat(SpecParser.parse("f.yaml", raw).type()).isEqualTo(type);
        }
    }

    @Test
    void requiresIdTableColumnAndType() {
        InvalidSpecException e = refusal(new HashMap<>(Map.of("default", "1")));
        assertThat(e.problems()).extracting(SpecProblem::field).containsExactlyInAnyOrder("id", "table", "column", "type");
    }

    @Test
    void refusesNotNullWithoutAnyValueForExistingRows() {
        Map<String, Object> raw = valid();
        raw.remove("default");
        raw.remove("backfill");
        assertThat(refusal(raw).problems()).extracting(SpecProblem::field).containsExactly("not_null");
    }

    @Test
    void refusesSubqueryInDefaultButAcceptsItInBackfill() throws Exception {
        Map<String, Object> raw = valid();
        raw.put("default", "(SELECT 1)");
        assertThat(refusal(raw).problems()).extracting(SpecProblem::field).containsExactly("default");
        raw.put("default", "'active'");
        raw.put("backfill", "(SELECT max(o.state) FROM orders o WHERE o.user_id = id)");
        assertThat(SpecParser.parse("f.yaml", raw).backfillExpr()).startsWith("(SELECT");
    }

    @Test
    void foldsUnquotedNamesAndKeepsQuotedOnes() throws Exception {
        Map<String, Object> raw = valid();
        raw.put("table", "App.\"UserAccounts\"");
        raw.put("column", "\"Status\"");
        MigrationSpec spec = SpecParser.parse("f.yaml", raw);
        assertThat(spec.tableSchema()).isEqualTo("app");
        assertThat(spec.tableName()).isEqualTo("UserAccounts");
        assertThat(spec.column()).isEqualTo("Status");
        assertThat(SpecParser.parse("round-trip", spec.toMap())).isEqualTo(spec);
    }

    @Test
    void readFallbackIsBackfillWhenRowOnlyElseDefaultElseNull() throws Exception {
        MigrationSpec spec = SpecParser.parse("f.yaml", valid());
        assertThat(SpecValidator.readFallback(spec)).isEqualTo(spec.backfillExpr());

        Map<String, Object> raw = valid();
        raw.put("backfill", "(SELECT max(o.state) FROM orders o WHERE o.user_id = id)");
        assertThat(SpecValidator.readFallback(SpecParser.parse("f.yaml", raw))).isEqualTo("'active'");

        raw.remove("default");
        raw.put("not_null", false);
        assertThat(SpecValidator.readFallback(SpecParser.parse("f.yaml", raw))).isEqualTo("NULL");
    }
}
