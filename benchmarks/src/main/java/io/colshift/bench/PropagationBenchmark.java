package io.colshift.bench;

import io.colshift.state.ControlSchema;
import io.colshift.state.ControlSchemaWriter;
import io.colshift.state.SnapshotSource;
import io.colshift.state.SpecParser;
import io.colshift.state.SpecValidator;
import io.colshift.state.StateWatchers;
import io.colshift.state.ValidatedSpec;
import org.HdrHistogram.Histogram;

import java.sql.Connection;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How long a state change takes to reach a driver: the write flag is flipped through the CLI's writer (commit
 * and NOTIFY), and the time until the driver-side watcher publishes that state version is recorded, once with
 * {@code LISTEN/NOTIFY} and once with polling alone. Time starts before the change is committed, as an
 * operator running {@code colshift flag} would count it.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.colshift.bench.PropagationBenchmark [changes] [pollMs]}
 * (defaults 200 and 1000, the driver's default {@code colshift.pollMs}).
 */
public final class PropagationBenchmark {

    private PropagationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int changes = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long pollMs = args.length > 1 ? Long.parseLong(args[1]) : 1000;
        try (BenchDatabase db = BenchDatabase.start(1_000)) {
            try {
                Result listen = measure(db, "bench_listen", true, pollMs, changes);
                Result poll = measure(db, "bench_poll", false, pollMs, changes);
                System.out.printf("%nstate change -> visible in the driver's watcher, %d changes each (ms)%n", changes);
                System.out.printf("%-40s %8s %8s %8s %8s %8s%n", "mode", "p50", "p90", "p99", "max", "mean");
                print("LISTEN/NOTIFY, from command start", listen.fromStart());
                print("LISTEN/NOTIFY, from commit", listen.fromCommit());
                print("polling " + pollMs + " ms, from command start", poll.fromStart());
                print("polling " + pollMs + " ms, from commit", poll.fromCommit());
            } finally {
                StateWatchers.closeAll();
            }
        }
    }

    private record Result(Histogram fromStart, Histogram fromCommit) {
    }

    private static Result measure(BenchDatabase db, String schemaName, boolean useListen, long pollMs, int changes)
            throws Exception {
        ControlSchema schema = ControlSchema.named(schemaName);
        Histogram fromStart = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        Histogram fromCommit = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        try (Connection c = db.connect()) {
            ControlSchemaWriter writer = new ControlSchemaWriter(c, schema, "bench");
            writer.init();
            ValidatedSpec spec = SpecValidator.validate(c, "bench", SpecParser.parse("bench", Map.of(
                    "id", "bench-status", "table", "bench_users", "column", "status", "type", "text",
                    "default", "'active'")));
            writer.declare(spec, "{\"id\": \"bench-status\"}", "benchmark");

            Properties props = new Properties();
            props.setProperty("user", db.user());
            props.setProperty("password", db.password());
            props.setProperty("colshift.listen", Boolean.toString(useListen));
            SnapshotSource source = StateWatchers.watch(db.rawUrl(), props, schemaName, pollMs);

            boolean writes = false;
            for (int i = 0; i < changes + 10; i++) {
                writes = !writes;
                long start = System.nanoTime();
                long version = writer.setWriteFlag("bench-status", writes, "benchmark");
                long committed = System.nanoTime();
                while (source.current().version() < version) {
                    // a short park, not a spin: on a small machine spinning would starve the watcher it waits for
                    LockSupport.parkNanos(20_000);
                }
                long visible = System.nanoTime();
                if (i >= 10) { // the first changes warm up JIT and connections
                    fromStart.recordValue(visible - start);
                    fromCommit.recordValue(visible - committed);
                }
                // spread changes over the whole poll cycle instead of locking onto its phase
                Thread.sleep(ThreadLocalRandom.current().nextLong(5, useListen ? 50 : pollMs));
            }
        }
        return new Result(fromStart, fromCommit);
    }

    private static void print(String mode, Histogram h) {
        System.out.printf("%-40s %8.2f %8.2f %8.2f %8.2f %8.2f%n", mode, ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(90)), ms(h.getValueAtPercentile(99)), ms(h.getMaxValue()), h.getMean() / 1e6);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
