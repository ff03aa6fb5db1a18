package io.colshift.bench;

import io.colshift.phase.BackfillOptions;
import io.colshift.phase.Backfiller;
import io.colshift.phase.DdlOptions;
import io.colshift.phase.Expander;
import io.colshift.phase.PhaseRun;
import io.colshift.state.ControlSchema;
import io.colshift.state.ControlSchemaWriter;
import io.colshift.state.SpecParser;
import io.colshift.state.SpecValidator;
import io.colshift.state.ValidatedSpec;
import org.HdrHistogram.Histogram;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * colshift's throttled, batched backfill against the one-statement alternative, in the same run on the same
 * embedded PostgreSQL: two identical tables of {@code rows} rows; one gets a column filled by {@code colshift
 * backfill} (default options), the other by a single {@code UPDATE … SET col = expr}. Meanwhile a single-row writer
 * updates random rows of the table under test, one short transaction every 2 ms, and its latency is recorded while
 * the table is idle, during the backfill, and during the bulk UPDATE; as measured per update, and corrected for
 * coordinated omission (a stalled update also stands for the updates the writer would have sent meanwhile).
 *
 * <p>Budgets (DESIGN.md): backfill rows/s ≥ 50 % of the bulk UPDATE's; writer p99 during the backfill ≤ 2 × idle p99.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.colshift.bench.BackfillBenchmark [rows] [idleSeconds]
 * [maxBatch] [maxRowsPerSecond]} (defaults 1 000 000, 10, the backfill's default {@code --max-batch}, no cap).
 */
public final class BackfillBenchmark {

    private static final String EXPRESSION = "CASE WHEN id % 10 = 0 THEN 'gone' ELSE 'active' END";
    private static final long WRITER_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private BackfillBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int idleSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int maxBatch = args.length > 2 ? Integer.parseInt(args[2]) : BackfillOptions.DEFAULTS.maxBatch();
        long maxRate = args.length > 3 ? Long.parseLong(args[3]) : 0;
        BackfillOptions options = new BackfillOptions(BackfillOptions.DEFAULTS.targetBatchMillis(),
                BackfillOptions.DEFAULTS.minBatch(), maxBatch, maxRate, BackfillOptions.DEFAULTS.maxLagMillis(),
                BackfillOptions.DEFAULTS.lockTimeout(), BackfillOptions.DEFAULTS.maxSweeps());
        try (BenchDatabase db = BenchDatabase.start(rows)) {
            String version;
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE bench_users_bulk AS TABLE bench_users");
                st.execute("ALTER TABLE bench_users_bulk ADD PRIMARY KEY (id)");
                st.execute("VACUUM ANALYZE bench_users");
                st.execute("VACUUM ANALYZE bench_users_bulk");
                try (ResultSet rs = st.executeQuery("SHOW server_version")) {
                    rs.next();
                    version = rs.getString(1);
                }
            }
            declareAndExpand(db);

            Latency idle = writerAlone(db, "bench_users", idleSeconds);
            checkpoint(db);
            Latency duringBackfill = new Latency();
            long backfillNanos = withWriter(db, "bench_users", duringBackfill, () -> backfill(db, options));

            Latency idleBulk = writerAlone(db, "bench_users_bulk", idleSeconds);
            checkpoint(db);
            Latency duringBulk = new Latency();
            long bulkNanos = withWriter(db, "bench_users_bulk", duringBulk, () -> bulkUpdate(db));

            double backfillRate = rows / (backfillNanos / 1e9);
            double bulkRate = rows / (bulkNanos / 1e9);
            MachineInfo machine = MachineInfo.collect("PostgreSQL " + version);
            System.out.printf("%nbackfill vs bulk UPDATE, %,d rows, PostgreSQL %s, %d cores, %s, load %s%n", rows,
                    version, machine.cores(), machine.memory(), machine.loadAverage());
            System.out.printf("%-50s %12s %10s%n", "filler", "rows/s", "seconds");
            System.out.printf("%-50s %,12.0f %10.1f%n", "colshift backfill (max batch " + maxBatch
                    + (maxRate > 0 ? ", cap " + maxRate + "/s" : "") + ")", backfillRate, backfillNanos / 1e9);
            System.out.printf("%-50s %,12.0f %10.1f%n", "one bulk UPDATE", bulkRate, bulkNanos / 1e9);
            System.out.printf("backfill / bulk = %.0f %% (budget >= 50 %%)%n%n", 100 * backfillRate / bulkRate);
            System.out.printf("single-row writer latency (ms), one UPDATE every 2 ms; 'co p99' counts the updates a"
                    + " stalled writer would have sent (coordinated omission)%n");
            System.out.printf("%-34s %9s %9s %9s %9s %9s %8s%n", "while", "p50", "p99", "p99.9", "max", "co p99",
                    "count");
            print("table idle", idle);
            print("colshift backfill", duringBackfill);
            print("table idle (bulk table)", idleBulk);
            print("bulk UPDATE", duringBulk);
            System.out.printf("backfill p99 / idle p99 = %.2f x, with coordinated omission %.2f x (budget <= 2 x)%n",
                    (double) duringBackfill.raw.getValueAtPercentile(99) / idle.raw.getValueAtPercentile(99),
                    (double) duringBackfill.corrected.getValueAtPercentile(99)
                            / idle.corrected.getValueAtPercentile(99));
        }
    }

    private static void declareAndExpand(BenchDatabase db) throws Exception {
        ControlSchema schema = ControlSchema.named(ControlSchema.DEFAULT_NAME);
        try (Connection c = db.connect()) {
            ControlSchemaWriter writer = new ControlSchemaWriter(c, schema, "bench");
            // the shortest lease: the timed backfill ends with its barrier, which is not part of the fill rate
            writer.init(java.time.Duration.ofMillis(50));
            ValidatedSpec spec = SpecValidator.validate(c, "bench", SpecParser.parse("bench", Map.of(
                    "id", "bench-state", "table", "bench_users", "column", "state", "type", "text",
                    "default", "'active'", "backfill", EXPRESSION)));
            writer.declare(spec, "{\"id\": \"bench-state\"}", "benchmark");
            writer.setWriteFlag("bench-state", true, "benchmark");
        }
        try (PhaseRun run = open(db)) {
            Expander.run(run);
        }
    }

    private static void backfill(BenchDatabase db, BackfillOptions options) throws Exception {
        try (PhaseRun run = open(db)) {
            new Backfiller(run, options, false).run();
        }
    }

    private static PhaseRun open(BenchDatabase db) throws Exception {
        return PhaseRun.open(db::connect, ControlSchema.named(ControlSchema.DEFAULT_NAME), "bench", DdlOptions.DEFAULTS,
                new PrintWriter(new StringWriter()), "bench-state", "backfill");
    }

    private static void bulkUpdate(BenchDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE bench_users_bulk ADD COLUMN state text");
            st.executeUpdate("UPDATE bench_users_bulk SET state = " + EXPRESSION);
        }
    }

    private static void checkpoint(BenchDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CHECKPOINT");
        }
    }

    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }

    /** Latency of each update as sent, and the same corrected for coordinated omission. */
    private static final class Latency {
        final Histogram raw = new Histogram(TimeUnit.MINUTES.toNanos(10), 3);
        final Histogram corrected = new Histogram(TimeUnit.MINUTES.toNanos(10), 3);

        void record(long nanos) {
            raw.recordValue(nanos);
            // a writer stuck behind a lock would have sent an update every 2 ms meanwhile
            corrected.recordValueWithExpectedInterval(nanos, WRITER_PAUSE_NANOS);
        }
    }

    private static Latency writerAlone(BenchDatabase db, String table, int seconds) throws Exception {
        Latency latency = new Latency();
        withWriter(db, table, latency, () -> Thread.sleep(TimeUnit.SECONDS.toMillis(seconds)));
        return latency;
    }

    /** Runs {@code work} while the writer records into {@code latencies}; returns how long {@code work} took. */
    private static long withWriter(BenchDatabase db, String table, Latency latencies, Work work) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        int maxId;
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT max(id) FROM " + table)) {
            rs.next();
            maxId = rs.getInt(1);
        }
        Thread writer = new Thread(() -> {
            try (Connection c = db.connect();
                 PreparedStatement ps = c.prepareStatement("UPDATE " + table + " SET balance = balance + 1 WHERE id = ?")) {
                long warmUpUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
                while (!stop.get()) {
                    ps.setInt(1, ThreadLocalRandom.current().nextInt(1, maxId + 1));
                    long start = System.nanoTime();
                    ps.executeUpdate();
                    long end = System.nanoTime();
                    if (end > warmUpUntil) {
                        latencies.record(end - start);
                    }
                    java.util.concurrent.locks.LockSupport.parkNanos(WRITER_PAUSE_NANOS);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("writer failed", e);
            }
        }, "single-row-writer");
        writer.start();
        Thread.sleep(1_500);
        long start = System.nanoTime();
        try {
            work.run();
            return System.nanoTime() - start;
        } finally {
            stop.set(true);
            writer.join();
        }
    }

    private static void print(String label, Latency latency) {
        Histogram h = latency.raw;
        System.out.printf("%-34s %9.2f %9.2f %9.2f %9.2f %9.2f %8d%n", label, ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(99)), ms(h.getValueAtPercentile(99.9)), ms(h.getMaxValue()),
                ms(latency.corrected.getValueAtPercentile(99)), h.getTotalCount());
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
