package io.colshift.bench;

import io.colshift.phase.BackfillOptions;
import io.colshift.state.ControlSchema;
import io.colshift.state.Phase;

import java.io.StringWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The backfill's trade-off curve in one run: the same table, the same writer load, and one backfill per setting,
 * from fixed batch limits and rate caps (latency throttle off) to the latency-aware backfill
 * ({@code --max-app-p99-ratio}); for each, rows/s and the writers' p50/p99 against their own idle figures measured
 * just before it.
 *
 * <p>The writers go through the colshift driver ({@code jdbc:colshift:} on the same server) and their statement
 * reads the migrating column back ({@code UPDATE … RETURNING state}), so the drivers' heartbeats report its latency
 * for the migration, as an application's new version would, and the latency-aware backfill has figures to act on.
 * Before every backfill the column is set back to NULL, the table rewritten by {@code VACUUM FULL}, the backfill's
 * checkpoint removed, the phase set back to {@code backfilling} and a {@code CHECKPOINT} taken: every point starts
 * from the same state. Settings run round-robin across repeats, so a change in the machine's load spreads over all
 * of them rather than biasing one.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.colshift.bench.BackfillCurveBenchmark [rows]
 * [idleSeconds] [repeats] [writers] [labelContains]} (defaults 200 000, 5, 2, 2, every setting: about 10 minutes on
 * 2 busy cores); {@code labelContains} runs only the settings whose label contains it, e.g. {@code default}.
 */
public final class BackfillCurveBenchmark {

    /** Reads the new column back, so the colshift driver counts (and times) the statement for the migration. */
    static final String WRITER_STATEMENT = "UPDATE %s SET balance = balance + 1 WHERE id = ? RETURNING state";

    private BackfillCurveBenchmark() {
    }

    /** The settings of the curve, from the fastest to the gentlest. */
    static List<CurvePoint> points() {
        return List.of(
                CurvePoint.fixed("max batch 10 000", 10_000, 0),
                CurvePoint.fixed("max batch 5 000 (default)", BackfillOptions.DEFAULTS.maxBatch(), 0),
                CurvePoint.fixed("max batch 2 000", 2_000, 0),
                CurvePoint.fixed("max batch 500", 500, 0),
                CurvePoint.fixed("max batch 500, cap 20 000 rows/s", 500, 20_000),
                CurvePoint.latencyAware("latency-aware, ratio 2 (default)", 2.0),
                CurvePoint.latencyAware("latency-aware, ratio 1.5", 1.5));
    }

    public static void main(String[] args) throws Exception {
        // the drivers log every state change at INFO; the curve's lines are what this prints
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel",
                System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int idleSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        int writers = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        String only = args.length > 4 ? args[4] : "";
        List<CurvePoint> points = points().stream().filter(p -> p.label().contains(only)).toList();
        try (BenchDatabase db = BenchDatabase.start(rows)) {
            BackfillRig.declareAndExpand(db);
            SingleRowWriters load = new SingleRowWriters(
                    () -> DriverManager.getConnection(db.colshiftUrl(), db.user(), db.password()),
                    BackfillRig.TABLE, WRITER_STATEMENT, writers);
            MachineInfo machine = MachineInfo.collect("PostgreSQL " + BackfillRig.serverVersion(db));
            System.out.printf("backfill curve: %,d rows, %d writers through colshift (one statement every 2 ms each),"
                    + " %d repeats; %s, %d cores, %s, load %s%n", rows, writers, repeats, machine.postgres(),
                    machine.cores(), machine.memory(), machine.loadAverage());
            List<CurveRun> runs = new ArrayList<>();
            for (int r = 1; r <= repeats; r++) {
                for (CurvePoint point : points) {
                    CurveRun run = measure(db, load, point, rows, idleSeconds);
                    System.out.println(run.line(r));
                    runs.add(run);
                }
            }
            CurveReport.print(points, runs, rows, writers, MachineInfo.collect(machine.postgres()));
        }
    }

    private static CurveRun measure(BenchDatabase db, SingleRowWriters load, CurvePoint point, int rows,
                                    int idleSeconds) throws Exception {
        reset(db);
        WriterLatency idle = load.alone(idleSeconds);
        BackfillRig.checkpoint(db);
        WriterLatency during = new WriterLatency(SingleRowWriters.PAUSE_NANOS);
        StringWriter out = new StringWriter();
        long nanos = load.during(during, () -> BackfillRig.backfill(db, point.options(), out));
        // what the backfill said (baseline, slowdowns, pace changes), for reading a point's figures
        System.err.println("--- " + point.label() + "\n" + out);
        return new CurveRun(point, rows, nanos, idle, during, MachineInfo.currentLoadAverage(),
                CurveRun.slowdowns(out.toString()));
    }

    /** Puts the table and the migration back where the first backfill found them. */
    private static void reset(BenchDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE " + BackfillRig.TABLE + " SET " + BackfillRig.COLUMN + " = NULL WHERE "
                        + BackfillRig.COLUMN + " IS NOT NULL");
                st.execute("VACUUM FULL " + BackfillRig.TABLE);
                st.execute("ANALYZE " + BackfillRig.TABLE);
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM "
                    + ControlSchema.named(ControlSchema.DEFAULT_NAME).table("backfill_progress")
                    + " WHERE migration_id = ?")) {
                ps.setString(1, BackfillRig.MIGRATION);
                ps.executeUpdate();
            }
            BackfillRig.writer(c).transition(BackfillRig.MIGRATION, Phase.BACKFILLED, Phase.BACKFILLING,
                    "benchmark: column reset to NULL for the next point of the curve");
        }
    }
}
