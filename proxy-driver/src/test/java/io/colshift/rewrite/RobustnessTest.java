package io.colshift.rewrite;

import io.colshift.rewrite.Corpus.Variant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of mangled and generated statements: truncated, spliced, re-cased, unbalanced, garbage.
 * Whatever comes in, the rewriter returns (never throws), and what it returns is either the statement
 * unchanged or a rewrite whose parameter map is a proper renumbering.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RobustnessTest {

    private static final String[] FRAGMENTS = {"SELECT", "FROM", "WHERE", "users", "u", "status", "u.status", ",", "(",
            ")", "?", "'", "\"", "--", "/*", "*/", "ON CONFLICT", "DO UPDATE SET", "EXCLUDED.status", "RETURNING", "*",
            "INSERT INTO", "VALUES", "UPDATE", "SET", "=", "JOIN", "orders o", "o.status", "WITH", "AS", "UNION",
            "$$", ";", "::text", "ANY(?)", "GROUP BY", "ORDER BY", "LIMIT", "DELETE", "MERGE INTO", "USING", "\n",
            "CASE WHEN", "THEN", "END", "[", "]", "{", "}", "\\", "ü", "😀"};

    /** The default parse bound: a pathological mangled statement passes unchanged instead of stalling the test. */
    private final RewriteEngine engine = new RewriteEngine(2_000);
    private final Random random = new Random(20241122L);

    @AfterAll
    void close() {
        engine.close();
    }

    @Test
    void mangledCorpusStatementsNeverEscapeAnException() {
        List<String> inputs = new ArrayList<>();
        for (Corpus.Entry e : Corpus.load()) {
            String sql = e.sql;
            inputs.add(sql.substring(0, random.nextInt(sql.length() + 1)));
            inputs.add(sql.substring(random.nextInt(sql.length())));
            inputs.add(deleteRandomSpan(sql));
            inputs.add(insertRandomFragment(sql));
            inputs.add(insertRandomFragment(insertRandomFragment(sql)));
            inputs.add(flipCase(sql));
            inputs.add(sql + "; " + sql);
            inputs.add(sql.replace("?", "??"));
            inputs.add(sql.replace("(", ""));
            inputs.add(sql.replace("'", ""));
        }
        assertThat(inputs).hasSizeGreaterThan(3000);
        checkAll(inputs);
    }

    @Test
    void generatedTokenSoupNeverEscapesAnException() {
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(25);
            for (int j = 0; j < n; j++) {
                sb.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]).append(random.nextInt(4) == 0 ? "" : " ");
            }
            inputs.add(sb.toString());
        }
        checkAll(inputs);
    }

    @Test
    void oddInputsPassUnchanged() {
        List<String> inputs = List.of("", " ", ";", "--", "/*", "users", "status", "\u0000users\u0000",
                "SELECT " + "(".repeat(5000) + "status" + ")".repeat(5000) + " FROM users",
                "SELECT status FROM users WHERE x IN (" + "?,".repeat(20_000) + "?)",
                "SELECT 'unterminated FROM users", "SELECT \"unterminated FROM users", "{call users_status(?)}",
                "SELECT status FROM users /* unterminated comment", "SELECT $$ users $$ FROM");
        for (String sql : inputs) {
            Rewrite r = engine.rewrite(sql, Variant.DECLARED.snapshot());
            assertValid(sql, r);
        }
        assertThat(engine.rewrite("SELECT 'unterminated FROM users", Variant.DECLARED.snapshot())).isSameAs(Rewrite.UNCHANGED);
    }

    private void checkAll(List<String> inputs) {
        for (Variant v : Variant.values()) {
            for (String sql : inputs) {
                Rewrite r = engine.rewrite(sql, v.snapshot());
                assertValid(sql, r);
            }
        }
        assertThat(engine.stats().parseFailures()).as("mangled input reaches the parser and fails there").isPositive();
    }

    /** A rewrite keeps text and a parameter map in which kept parameters are renumbered 1..k in some order. */
    private static void assertValid(String sql, Rewrite r) {
        assertThat(r).isNotNull();
        if (r.isUnchanged()) {
            assertThat(r.applyTo(sql)).isSameAs(sql);
            return;
        }
        assertThat(r.applyTo(sql)).isNotBlank();
        if (r.parametersUnchanged()) {
            return;
        }
        int count = placeholders(sql);
        List<Integer> kept = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            int target = r.mapParameter(i);
            if (target != Rewrite.DROPPED) {
                kept.add(target);
            }
        }
        assertThat(kept).as(sql + "\n=> " + r).doesNotHaveDuplicates().allMatch(t -> t >= 1 && t <= kept.size());
    }

    /** Placeholders as a JDBC driver counts them: outside literals, quoted names and comments. */
    private static int placeholders(String sql) {
        int count = 0;
        int n = sql.length();
        for (int i = 0; i < n; i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = sql.indexOf(c, i + 1);
                i = end < 0 ? n : end;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 1;
            } else if (c == '$' && i + 1 < n && sql.charAt(i + 1) == '$') {
                int end = sql.indexOf("$$", i + 2);
                i = end < 0 ? n : end + 1;
            } else if (c == '?') {
                count++;
            }
        }
        return count;
    }

    private String deleteRandomSpan(String sql) {
        int a = random.nextInt(sql.length());
        int b = Math.min(sql.length(), a + 1 + random.nextInt(12));
        return sql.substring(0, a) + sql.substring(b);
    }

    private String insertRandomFragment(String sql) {
        int at = random.nextInt(sql.length() + 1);
        return sql.substring(0, at) + " " + FRAGMENTS[random.nextInt(FRAGMENTS.length)] + " " + sql.substring(at);
    }

    private String flipCase(String sql) {
        StringBuilder sb = new StringBuilder(sql.length());
        for (char c : sql.toCharArray()) {
            sb.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return sb.toString();
    }
}
