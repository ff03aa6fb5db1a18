package io.colshift.bench;

import io.colshift.rewrite.Rewrite;
import io.colshift.rewrite.RewriteEngine;
import io.colshift.state.ColumnMigration;
import io.colshift.state.Phase;
import io.colshift.state.StateSnapshot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What the rewriter costs per statement:
 * <ul>
 *   <li>{@code passThrough} — a statement that names no migrating table (the pre-filter's path)</li>
 *   <li>{@code cacheHit} — a rewritten statement found in the cache (budget ≤ 1 µs)</li>
 *   <li>{@code coldParseAndRewrite} — parse and rewrite with no cache, over every corpus statement in
 *       turn; read the p50 of the sample-time result (budget ≤ 300 µs median)</li>
 * </ul>
 * The corpus is read from {@code proxy-driver/src/test/resources/rewrite/corpus} (override with
 * {@code -Dcolshift.corpus=<dir>}); run from the repository root:
 * {@code java -jar benchmarks/target/benchmarks.jar RewriteBenchmark}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RewriteBenchmark {

    static final String FALLBACK = "CASE WHEN deleted_at IS NULL THEN 'active' ELSE 'gone' END";

    private RewriteEngine cached;
    private RewriteEngine uncached;
    private StateSnapshot snapshot;
    private String[] corpus;
    private int next;

    private final String hot = "select u1_0.id,u1_0.email,u1_0.name,u1_0.status from users u1_0 where u1_0.id=?";
    private final String unrelated = "select o1_0.id,o1_0.total,o1_0.status from orders o1_0 where o1_0.user_id=?";

    @Setup(Level.Trial)
    public void setUp() {
        snapshot = snapshot(Phase.EXPANDED, 42);
        cached = new RewriteEngine(10_000);
        uncached = new RewriteEngine(0);
        corpus = Corpus.statements().toArray(String[]::new);
        Rewrite warm = cached.rewrite(hot, snapshot);
        if (warm.isUnchanged()) {
            throw new IllegalStateException("the hot statement should be rewritten");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        cached.close();
        uncached.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Rewrite passThrough() {
        return cached.rewrite(unrelated, snapshot);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public Rewrite cacheHit() {
        return cached.rewrite(hot, snapshot);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Rewrite coldParseAndRewrite() {
        String sql = corpus[next];
        next = next + 1 == corpus.length ? 0 : next + 1;
        return uncached.rewrite(sql, snapshot);
    }

    /** The corpus schema's snapshot: users gains status, orders has a status of its own. */
    static StateSnapshot snapshot(Phase phase, long version) {
        ColumnMigration m = new ColumnMigration("users-status", "public", "users", "status", "text", FALLBACK, phase,
                false);
        Map<String, List<String>> columns = new LinkedHashMap<>();
        List<String> users = new ArrayList<>(List.of("id", "name", "email", "deleted_at", "balance", "profile",
                "created_at", "version"));
        if (phase.columnExists()) {
            users.add("status");
        }
        columns.put("public.users", users);
        columns.put("public.orders", List.of("id", "user_id", "total", "status", "note", "created_at"));
        columns.put("public.tags", List.of("id", "user_id", "label"));
        return new StateSnapshot(version, List.of(m), columns, List.of("public"));
    }

    /** Reads the SQL of every corpus entry (the text between {@code === name} and its first {@code ---}). */
    static final class Corpus {

        private Corpus() {
        }

        static List<String> statements() {
            Path dir = directory();
            List<String> statements = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                    String text = "\n" + Files.readString(file);
                    String[] blocks = text.split("\n=== ");
                    for (int i = 1; i < blocks.length; i++) {
                        String body = blocks[i].substring(blocks[i].indexOf('\n') + 1);
                        int end = body.indexOf("\n--- ");
                        statements.add((end < 0 ? body : body.substring(0, end)).strip());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (statements.isEmpty()) {
                throw new IllegalStateException("no corpus statements in " + dir);
            }
            return statements;
        }

        private static Path directory() {
            String configured = System.getProperty("colshift.corpus");
            if (configured != null) {
                return Path.of(configured);
            }
            for (String candidate : List.of("proxy-driver/src/test/resources/rewrite/corpus",
                    "../proxy-driver/src/test/resources/rewrite/corpus")) {
                if (Files.isDirectory(Path.of(candidate))) {
                    return Path.of(candidate);
                }
            }
            throw new IllegalStateException("corpus not found: run from the repository root or set -Dcolshift.corpus");
        }
    }
}
