package io.colshift.driver;

import io.colshift.rewrite.Rewrite;
import io.colshift.rewrite.Touch;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the adoption counters add to one statement execution, measured on the driver's own counting code (this
 * class sits in the driver's package to reach it): the pass-through path (a statement touching no migration) and
 * the rewriting path (a statement touching one or two migrations: the increments, the two clock reads and the
 * latency histogram), alone and with two threads counting into the same counters as connections of one
 * application do. The statement's rewrite itself (cache hit) is {@code RewriteBenchmark}'s; the proxies' own cost
 * is {@code ProxyHotPathBenchmark}'s.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar AdoptionCountingBenchmark -prof gc}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AdoptionCountingBenchmark {

    private static final Rewrite PASS_THROUGH = Rewrite.UNCHANGED;
    private static final Rewrite READS_ONE = Rewrite.rewritten(
                    "SELECT COALESCE(status, 'active') AS status FROM users WHERE id = ?", null)
            .withTouches(List.of(new Touch("users-status", true, false, false)));
    private static final Rewrite WRITES_TWO = Rewrite.rewritten(
                    "INSERT INTO users (id, name) VALUES (?, ?)", new int[] {1, 2, Rewrite.DROPPED, Rewrite.DROPPED})
            .withTouches(List.of(new Touch("users-status", false, true, true),
                    new Touch("users-tier", false, true, true)));

    private final AdoptionCounters counters = new AdoptionCounters();

    /** What {@code ProxyStatement} does around an execution: count, time when touched, record. */
    private long execute(Rewrite rewrite) {
        counters.count(rewrite);
        long start = AdoptionCounters.timed(rewrite) ? System.nanoTime() : 0L;
        if (start != 0L) {
            counters.recordLatency(rewrite, System.nanoTime() - start);
        }
        return start;
    }

    @Benchmark
    public long passThrough() {
        return execute(PASS_THROUGH);
    }

    @Benchmark
    public long rewritingOneMigration() {
        return execute(READS_ONE);
    }

    @Benchmark
    public long rewritingTwoMigrations() {
        return execute(WRITES_TWO);
    }

    @Benchmark
    @Threads(2)
    public long rewritingOneMigrationTwoThreads() {
        return execute(READS_ONE);
    }
}
