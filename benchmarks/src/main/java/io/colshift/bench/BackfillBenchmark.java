package io.colshift.bench;

import io.colshift.phase.BackfillOptions;

import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

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
 *
 * <p>The writer uses plain pgjdbc, so no driver reports its latency and the backfill's latency throttle stays
 * inert: this measures the other throttles alone. {@link BackfillCurveBenchmark} writes through colshift.
 */
public final class BackfillBenchmark {

    /** The writer's statement: plain pgjdbc, the table under test. */
    static final String WRITER_UPDATE = "UPDATE %s SET balance = balance + 1 WHERE id = ?";

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
            try (Connection c = db.connect(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE bench_users_bulk AS TABLE bench_users");
                st.execute("ALTER TABLE bench_users_bulk ADD PRIMARY KEY (id)");
                st.execute("VACUUM ANALYZE bench_users");
                st.execute("VACUUM ANALYZE bench_users_bulk");
            }
            String version = BackfillRig.serverVersion(db);
            BackfillRig.declareAndExpand(db);
            SingleRowWriters writer = new SingleRowWriters(db::connect, BackfillRig.TABLE, WRITER_UPDATE, 1);
            SingleRowWriters bulkWriter = new SingleRowWriters(db::connect, "bench_users_bulk", WRITER_UPDATE, 1);

            WriterLatency idle = writer.alone(idleSeconds);
            BackfillRig.checkpoint(db);
            WriterLatency duringBackfill = new WriterLatency(SingleRowWriters.PAUSE_NANOS);
            long backfillNanos = writer.during(duringBackfill,
                    () -> BackfillRig.backfill(db, options, Writer.nullWriter()));

            WriterLatency idleBulk = bulkWriter.alone(idleSeconds);
            BackfillRig.checkpoint(db);
            WriterLatency duringBulk = new WriterLatency(SingleRowWriters.PAUSE_NANOS);
            long bulkNanos = bulkWriter.during(duringBulk, () -> bulkUpdate(db));

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
                    duringBackfill.percentileMs(99) / idle.percentileMs(99),
                    duringBackfill.correctedP99Ms() / idle.correctedP99Ms());
        }
    }

    private static void bulkUpdate(BenchDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE bench_users_bulk ADD COLUMN state text");
            st.executeUpdate("UPDATE bench_users_bulk SET state = " + BackfillRig.EXPRESSION);
        }
    }

    private static void print(String label, WriterLatency latency) {
        System.out.printf("%-34s %9.2f %9.2f %9.2f %9.2f %9.2f %8d%n", label, latency.percentileMs(50),
                latency.percentileMs(99), latency.percentileMs(99.9), latency.maxMs(), latency.correctedP99Ms(),
                latency.count());
    }
}
