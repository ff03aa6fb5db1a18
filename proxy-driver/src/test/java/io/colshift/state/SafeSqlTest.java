package io.colshift.state;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SafeSqlTest {

    private static String refusal(String text, SafeSql.Use use) {
        UnsafeSqlException e = catchThrowableOfType(UnsafeSqlException.class, () -> SafeSql.expression(text, use));
        assertThat(e).as("refused: %s", text).isNotNull();
        return e.reason();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "'x'); DROP TABLE canary; UPDATE items SET tier = ('x'",
            "'x'; DROP TABLE canary",
            "1;",
            "'x' ; --",
            "(SELECT 1); SELECT 2",
            "1) OR (1",
            "1) --",
            "(1",
            "'unterminated",
            "\"unterminated",
            "'x' /* open comment",
            "1 /* nested /* comment */ still open",
            "$$x$$",
            "$tag$ab'c$tag$",
            "$1",
            "?",
            "d ? 'k'",
            "U&'d\\0061t'",
            "u&\"x\"",
            "'a\\' OR pg_sleep(1) --'",
            "E'\\' || pg_sleep(1) || E\\''",
            "E'unterminated\\'",
            "x \\ y",
            "'x\u0000y'",
            "E'x\\\u0000y'",
            "\"a\u0000b\"",
            "1 \u001b[31m",
            "'x' 'y'",
            "a b",
            "a, b",
            "",
            "   ",
            "-- only a comment",
            "/* only */",
            "count(*) OVER ()",
    })
    void refusesTextThatIsNotExactlyOneContainedExpression(String text) {
        for (SafeSql.Use use : SafeSql.Use.values()) {
            assertThat(refusal(text, use)).isNotBlank();
        }
    }

    @Test
    void removesATrailingCommentSoItCannotCommentOutTheRestOfAStatement() throws Exception {
        SafeSql.Expr e = SafeSql.expression("'x' -- ; DROP TABLE canary", SafeSql.Use.DEFAULT);
        assertThat(e.normalised()).isEqualTo("'x'");
        assertThat(e.spliced()).doesNotContain("--");
    }

    @Test
    void removesBlockCommentsTheWayPostgresNestsThem() throws Exception {
        SafeSql.Expr e = SafeSql.expression("1 /* a /* b */ ) ; c */ + 2", SafeSql.Use.DEFAULT);
        assertThat(e.normalised()).isEqualTo("1 + 2");
    }

    @Test
    void keepsCommentMarkersInsideStringsAsData() throws Exception {
        SafeSql.Expr e = SafeSql.expression("'a -- b /* c */; d'", SafeSql.Use.DEFAULT);
        assertThat(e.normalised()).isEqualTo("'a -- b /* c */; d'");
        assertThat(e.spliced()).isEqualTo("'a -- b /* c */; d'");
    }

    @Test
    void acceptsEscapeStringsWithBackslashesThatEscapeNoQuote() throws Exception {
        assertThat(SafeSql.expression("E'a\\\\b\\n'", SafeSql.Use.DEFAULT).normalised()).isEqualTo("E'a\\\\b\\n'");
        assertThat(SafeSql.expression("E'it''s'", SafeSql.Use.DEFAULT).normalised()).isEqualTo("E'it''s'");
    }

    @Test
    void refusesSubqueriesInReadFallbacksAndDefaultsButNotInBackfills() throws Exception {
        String sleeper = "(SELECT pg_sleep(5))";
        assertThat(refusal(sleeper, SafeSql.Use.READ_FALLBACK)).contains("subquery");
        assertThat(refusal(sleeper, SafeSql.Use.DEFAULT)).contains("subquery");
        assertThat(refusal("EXISTS (SELECT 1 FROM t)", SafeSql.Use.READ_FALLBACK)).contains("subquery");
        assertThat(refusal("1 + (SELECT max(id) FROM t)", SafeSql.Use.READ_FALLBACK)).contains("subquery");
        SafeSql.Expr backfill = SafeSql.expression("(SELECT name FROM app.tiers t WHERE t.id = tier_id)",
                SafeSql.Use.BACKFILL);
        assertThat(backfill.subquery()).isTrue();
        assertThat(backfill.spliced()).startsWith("(").endsWith(")");
    }

    @Test
    void refusesVeryLongInputWithoutParsingIt() {
        String longText = "1" + " + 1".repeat(SafeSql.MAX_EXPRESSION_CHARS);
        assertThat(refusal(longText, SafeSql.Use.BACKFILL)).contains("longer than");
    }

    @Test
    void refusesDeepNestingInsteadOfOverflowingTheStack() {
        String deep = "(".repeat(500) + "1" + ")".repeat(500);
        assertThat(refusal(deep, SafeSql.Use.BACKFILL)).contains("deeper");
    }

    @Test
    void splicesEverythingButALoneLiteralInParentheses() throws Exception {
        assertThat(SafeSql.expression("'active'", SafeSql.Use.DEFAULT).spliced()).isEqualTo("'active'");
        assertThat(SafeSql.expression("NULL", SafeSql.Use.DEFAULT).spliced()).isEqualTo("NULL");
        assertThat(SafeSql.expression("42", SafeSql.Use.DEFAULT).spliced()).isEqualTo("42");
        assertThat(SafeSql.expression("-1", SafeSql.Use.DEFAULT).spliced()).isEqualTo("(-1)");
        assertThat(SafeSql.expression("CASE WHEN deleted_at IS NULL THEN 'active' ELSE 'gone' END",
                SafeSql.Use.READ_FALLBACK).spliced())
                .isEqualTo("(CASE WHEN deleted_at IS NULL THEN 'active' ELSE 'gone' END)");
    }

    @Test
    void normalisingIsIdempotent() throws Exception {
        for (String text : new String[]{"lower(name)  ||  '-'  ||  id::text", "x::numeric(10,2)",
                "now() - interval '1 day'", "CAST(x AS varchar(20))", "a IS NOT DISTINCT FROM b", "'{1,2}'::int[]",
                "coalesce(a, 'b') /* why */", "extract(epoch FROM now())", "\"Weird\"\"Name\" + 1"}) {
            String once = SafeSql.expression(text, SafeSql.Use.BACKFILL).normalised();
            assertThat(SafeSql.expression(once, SafeSql.Use.BACKFILL).normalised()).isEqualTo(once);
        }
    }

    @Test
    void listsTheFunctionsAnExpressionCalls() throws Exception {
        SafeSql.Expr e = SafeSql.expression("md5(random()::text) || app.f(x) || upper(y)", SafeSql.Use.BACKFILL);
        assertThat(e.functions()).containsExactlyInAnyOrder("md5", "random", "app.f", "upper");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text) AS tier FROM items; DROP TABLE canary; --", "text AS x", "int FROM t",
            "text; DROP TABLE x", "text -- c", "varchar(20) collate \"C\"", "numeric(1+1)", "int[1; x]", "",
            "pg_catalog.text.x", "\"\"", "int) --", "text\u0000"})
    void refusesTypeTextThatIsNotATypeName(String text) {
        UnsafeSqlException e = catchThrowableOfType(UnsafeSqlException.class, () -> TypeNames.normalise(text));
        assertThat(e).as("refused: %s", text).isNotNull();
    }

    @Test
    void normalisesTypeNames() throws Exception {
        assertThat(TypeNames.normalise("TEXT")).isEqualTo("text");
        assertThat(TypeNames.normalise("varchar( 20 )")).isEqualTo("varchar(20)");
        assertThat(TypeNames.normalise("numeric(10, 2)")).isEqualTo("numeric(10,2)");
        assertThat(TypeNames.normalise("timestamp  WITH time zone")).isEqualTo("timestamp with time zone");
        assertThat(TypeNames.normalise("timestamp(3) without time zone")).isEqualTo("timestamp(3) without time zone");
        assertThat(TypeNames.normalise("interval day to second(3)")).isEqualTo("interval day to second(3)");
        assertThat(TypeNames.normalise("double precision")).isEqualTo("double precision");
        assertThat(TypeNames.normalise("int[]")).isEqualTo("int[]");
        assertThat(TypeNames.normalise("int [ 3 ][]")).isEqualTo("int[3][]");
        assertThat(TypeNames.normalise("App.Mood")).isEqualTo("app.mood");
        assertThat(TypeNames.normalise("\"My Schema\".\"Mood\"\"s\"[]")).isEqualTo("\"My Schema\".\"Mood\"\"s\"[]");
    }
}
