package io.colshift.rewrite;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How much of an external corpus of PostgreSQL statements ({@link ExternalCorpus}) the rewriter can read: with
 * JSQLParser alone, as before wrapped queries and pre-parse relaxations, and as the engine reads statements now.
 * Prints the table (and leaves the failing statements in {@code target/parse-coverage-failures.txt}); it asserts
 * only what must hold, not a coverage figure: the constructs the relaxations handle parse now.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParseCoverageTest {

    private final BoundedParser parser = new BoundedParser(10_000);
    private final Relaxations relaxations = new Relaxations();
    private List<ExternalCorpus.Statement> spark;
    private List<ExternalCorpus.Statement> postgresql;

    @BeforeAll
    void load() {
        spark = ExternalCorpus.spark();
        postgresql = ExternalCorpus.postgresql();
    }

    @AfterAll
    void close() {
        parser.close();
    }

    @Test
    void reportsCoverageOfPostgresqlRegressionStatementsAsSparkShipsThem() throws IOException {
        report("spark", ExternalCorpus.DIRECTORY + " of the Spark SQL test jar", spark);
    }

    @Test
    void reportsCoverageOfPostgresqlsOwnInstallScripts() throws IOException {
        report("postgresql", "share/postgresql/*.sql of the embedded PostgreSQL binaries", postgresql);
    }

    private void report(String name, String title, List<ExternalCorpus.Statement> corpus) throws IOException {
        Map<String, int[]> byClass = new TreeMap<>();
        int total = corpus.size();
        int queries = 0;
        int before = 0;
        int after = 0;
        int queriesBefore = 0;
        int queriesAfter = 0;
        int readBefore = 0;
        int readAfter = 0;
        StringBuilder failures = new StringBuilder();
        for (ExternalCorpus.Statement s : corpus) {
            boolean query = isQueryOrDml(s.sql());
            ParsedStatement plain = parse(s.sql());
            ParsedStatement read = readNow(s.sql(), plain);
            boolean was = plain != null;
            boolean now = was || read != null;
            readBefore += plain != null && rewritable(plain) ? 1 : 0;
            readAfter += read != null && rewritable(read) ? 1 : 0;
            queries += query ? 1 : 0;
            before += was ? 1 : 0;
            after += now ? 1 : 0;
            queriesBefore += query && was ? 1 : 0;
            queriesAfter += query && now ? 1 : 0;
            if (!was) {
                int[] counts = byClass.computeIfAbsent(constructOf(s.sql()), k -> new int[2]);
                counts[0]++;
                if (!now) {
                    counts[1]++;
                    failures.append(s.file()).append(": ").append(s.sql().replaceAll("\\s+", " ")).append('\n');
                }
            }
        }
        StringBuilder report = new StringBuilder();
        report.append("Parse coverage, ").append(title).append('\n');
        report.append(String.format(Locale.ROOT, "%-52s %8s %8s%n", "", "before", "after"));
        report.append(row("statements parsed (of " + total + ")", before, after, total));
        report.append(row("queries and DML parsed (of " + queries + ")", queriesBefore, queriesAfter, queries));
        report.append(row("statements with a query the rewriter reads (of " + total + ")", readBefore, readAfter, total));
        report.append(String.format(Locale.ROOT, "%nfailing before, by construct (before -> after)%n"));
        byClass.entrySet().stream().sorted((a, b) -> b.getValue()[0] - a.getValue()[0])
                .forEach(e -> report.append(String.format(Locale.ROOT, "  %-60s %5d -> %d%n", e.getKey(),
                        e.getValue()[0], e.getValue()[1])));
        System.out.println(report);
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("parse-coverage-" + name + ".txt"), report);
            Files.writeString(target.resolve("parse-coverage-" + name + "-failures.txt"), failures);
        }
        assertThat(total).as("statements in " + title).isGreaterThan(1000);
        assertThat(after).isGreaterThanOrEqualTo(before);
    }

    private static String row(String label, int before, int after, int of) {
        return String.format(Locale.ROOT, "%-52s %8s %8s%n", label, percent(before, of), percent(after, of));
    }

    private static String percent(int n, int of) {
        return String.format(Locale.ROOT, "%d (%.1f%%)", n, of == 0 ? 0.0 : 100.0 * n / of);
    }

    private ParsedStatement parse(String sql) {
        try {
            return parser.parse(sql);
        } catch (BoundedParser.Failure f) {
            return null;
        }
    }

    /** As {@link RewriteEngine} reads a statement: the query inside a wrapper, then the relaxations. */
    private ParsedStatement readNow(String sql, ParsedStatement plain) {
        WrappedQuery wrapped = WrappedQuery.locate(sql, SqlLexer.tokens(sql));
        if (wrapped == null && plain != null) {
            return plain;
        }
        String text = wrapped == null ? sql : wrapped.blanked(sql);
        ParsedStatement parsed = wrapped == null ? null : parse(text);
        return parsed != null ? parsed : relaxations.parse(text, parser);
    }

    /** A statement of the kinds {@link StatementEditor} rewrites (anything else passes as written). */
    private static boolean rewritable(ParsedStatement p) {
        var st = p.statement();
        return st instanceof net.sf.jsqlparser.statement.select.Select
                || st instanceof net.sf.jsqlparser.statement.insert.Insert
                || st instanceof net.sf.jsqlparser.statement.update.Update
                || st instanceof net.sf.jsqlparser.statement.delete.Delete
                || st instanceof net.sf.jsqlparser.statement.merge.Merge;
    }

    static boolean isQueryOrDml(String sql) {
        List<SqlLexer.Token> t = SqlLexer.tokens(sql);
        if (t.isEmpty()) {
            return false;
        }
        String first = t.get(0).isPunct("(") && t.size() > 1 ? t.get(1).text() : t.get(0).text();
        return first != null && List.of("select", "with", "values", "insert", "update", "delete", "merge", "table")
                .contains(first);
    }

    /** The construct a statement JSQLParser could not read is known for, by its tokens. */
    static String constructOf(String sql) {
        List<SqlLexer.Token> t = SqlLexer.tokens(sql);
        String lower = sql.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        for (int i = 0; i + 1 < t.size(); i++) {
            if (t.get(i).isWord("using") && t.get(i + 1).kind() == SqlLexer.Kind.PUNCT && !t.get(i + 1).isPunct("(")
                    && i > 0 && !t.get(i - 1).isPunct(")")) {
                return "ORDER BY ... USING <operator>";
            }
        }
        for (int i = 0; i + 2 < t.size(); i++) {
            if (t.get(i).isWord("window") && t.get(i + 1).name() != null && t.get(i + 2).isWord("as")) {
                return "named WINDOW w AS (...)";
            }
        }
        if (lower.matches("(?s).*\\binto\\s+(temp|temporary|unlogged|table)\\b.*")) {
            return "SELECT ... INTO TEMP|TABLE t";
        }
        if (lower.matches("(?s)^(create|insert|cache|uncache|set|reset|drop|describe|show|refresh|add|use)\\b.*"
                + "\\b(using (parquet|csv|json|orc|text)|temporary view|overwrite|spark)\\b.*")
                || lower.matches("(?s)^(cache|uncache|set|reset|describe|refresh|use)\\b.*")) {
            return "Spark's own statements (USING parquet, TEMPORARY VIEW, SET ...)";
        }
        if (sql.indexOf('`') >= 0 || lower.matches("(?s).*\\b(boolean|string|smallint|int|bigint|double|decimal)\\(.*")
                || lower.startsWith("desc ")) {
            return "Spark's own syntax (backquotes, boolean('t'), int(42), DESC TABLE)";
        }
        if (lower.matches("(?s).*\\bas (true|false|null)\\b.*")) {
            return "keyword as column label (AS true)";
        }
        if (lower.matches("(?s).*\\bselect from\\b.*")) {
            return "empty select list (SELECT FROM t)";
        }
        if (lower.matches("(?s).*\\b(union|intersect|except)( all)? table\\b.*")) {
            return "TABLE t inside a set operation";
        }
        if (lower.contains(" over (") && (lower.contains("from rank()") || lower.contains(", order by"))) {
            return "invalid in PostgreSQL too (an error test)";
        }
        if (isQueryOrDml(sql) && lower.matches("(?s).*\\bfrom\\s+\\(?\\s*values\\b.*")) {
            return "VALUES in FROM";
        }
        if (!isQueryOrDml(sql)) {
            return "utility/DDL: " + (t.isEmpty() || t.get(0).text() == null ? "?" : t.get(0).text().toUpperCase(Locale.ROOT));
        }
        return "other query syntax";
    }

    @Test
    void externalCorporaAreReadAsStatements() {
        for (List<ExternalCorpus.Statement> corpus : List.of(spark, postgresql)) {
            assertThat(corpus).hasSizeGreaterThan(1000);
            assertThat(corpus.stream().map(ExternalCorpus.Statement::file).distinct().count()).isGreaterThan(4);
            List<String> starts = new ArrayList<>();
            for (ExternalCorpus.Statement s : corpus) {
                starts.add(s.sql().substring(0, Math.min(6, s.sql().length())).toLowerCase(Locale.ROOT));
                assertThat(s.sql()).doesNotStartWith("\\").doesNotEndWith(";");
            }
            assertThat(starts).contains("create");
        }
        assertThat(spark).anyMatch(s -> s.sql().regionMatches(true, 0, "select", 0, 6));
    }
}
