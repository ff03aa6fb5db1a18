package io.colshift.phase;

import io.colshift.state.Phase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * {@code colshift backfill}: fills the NULL rows of an expanded column in short keyset batches, checkpointing
 * after each, then sweeps until no NULL remains and publishes {@code backfilled}. Killed at any point, the same
 * command resumes from the last committed batch.
 */
public final class Backfiller {

    private static final Duration PAUSE_POLL = Duration.ofMillis(500);

    private final PhaseRun run;
    private final BackfillOptions options;
    private final boolean tty;

    public Backfiller(PhaseRun run, BackfillOptions options, boolean tty) {
        this.run = run;
        this.options = options;
        this.tty = tty;
    }

    public MigrationRecord run() throws SQLException, PhaseException {
        MigrationRecord m = run.migration();
        switch (m.phase()) {
            case DECLARED -> throw new PreconditionFailed("migration '" + m.id() + "' is declared: the column does not"
                    + " exist yet; run `colshift expand " + m.id() + "` first");
            case BACKFILLED, CONTRACTED, COMPLETE -> {
                run.say("migration '" + m.id() + "' is already " + m.phase().label() + "; backfill has nothing to do");
                run.awaitBarrier();
                return m;
            }
            default -> { }
        }
        requireWritesOn(m.writesEnabled(), m);
        ExpressionProbe.Result probe = ExpressionProbe.probe(run.control(), m.type(), m.defaultExpr());
        ColumnState column = run.catalog().column(m.schema(), m.table(), m.column());
        DriftCheck.verify(m, column, probe.type());

        try (Connection work = run.openConnection("backfill")) {
            work.setAutoCommit(false);
            setLockTimeout(work, walkLockTimeoutMillis());
            Checkpoint checkpoint = new Checkpoint(run.schema(), m.id());
            long estimate = run.catalog().estimatedRows(m.schema(), m.table());
            Checkpoint.Progress progress = checkpoint.ensure(work, estimate, Math.max(options.minBatch(),
                    Math.min(options.maxBatch(), 1_000)));
            work.commit();
            if (m.phase() == Phase.EXPANDED) {
                long v = run.writer().transition(m.id(), Phase.EXPANDED, Phase.BACKFILLING,
                        "backfill started with " + describeFill(m));
                if (v < 0 && run.migration().phase() != Phase.BACKFILLING) {
                    throw new PreconditionFailed("migration '" + m.id() + "' changed phase while backfill started;"
                            + " run status to see where it stands");
                }
                m = m.withPhase(Phase.BACKFILLING);
            }
            String fill = m.fillExpression();
            if (fill == null) {
                run.say("backfill: the spec has neither a backfill expression nor a default, so rows keep NULL");
            } else {
                progress = walk(m, work, checkpoint, progress, fill, column);
                sweep(m, work, checkpoint, progress, fill);
            }
        }
        long v = run.writer().transition(m.id(), Phase.BACKFILLING, Phase.BACKFILLED,
                "no NULL left in " + m.describe() + " among rows written before the final sweep (verified by count)");
        if (v < 0) {
            throw new PreconditionFailed("migration '" + m.id() + "' left backfilling while the backfill ran;"
                    + " run status to see where it stands");
        }
        run.say("backfilled: no NULL left in " + m.describe() + " (state version " + v + "); next: colshift contract "
                + m.id());
        // one barrier for both of the step's changes: entering backfilling changes nothing drivers do (it reads and
        // writes as expanded with the flag on), and the barrier of the later commit covers the earlier one
        run.awaitBarrier();
        return m.withPhase(Phase.BACKFILLED);
    }

    private Checkpoint.Progress walk(MigrationRecord m, Connection work, Checkpoint checkpoint,
                                     Checkpoint.Progress progress, String fill, ColumnState column)
            throws SQLException, PhaseException {
        if (m.backfillExpr() == null && column.defaultExpr() != null) {
            run.say("backfill: expand set the default in the catalog, so existing rows already read it;"
                    + " only rows explicitly set to NULL are left, for the sweep");
            return progress;
        }
        BatchWalk walk = WalkChooser.choose(work, m, fill);
        work.commit();
        run.say("backfill " + m.id() + ": filling " + m.describe() + " with " + fill + ", walking " + walk.describe()
                + (progress.lastKey() == null ? "" : ", resuming after " + progress.lastKey() + " ("
                + progress.rowsDone() + " rows already done)"));
        BatchSizer sizer = new BatchSizer(options.targetBatchMillis(), options.minBatch(), options.maxBatch(),
                progress.batchSize() > 0 ? progress.batchSize() : options.minBatch());
        RateCap cap = new RateCap(options.maxRowsPerSecond());
        ProgressPrinter printer = new ProgressPrinter(run.out(), tty, "backfill " + m.id(), progress.rowsDone(),
                progress.rowsEstimate());
        Backoff retry = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));
        String lastKey = progress.lastKey();
        long done = progress.rowsDone();
        String reason = null;
        AppLatency latency = startAppLatency(m);
        try (ThrottleMonitor monitor = new ThrottleMonitor(run.openConnection("throttle monitor"), pid(work)).start();
             latency) {
            progress = waitWhilePaused(work, checkpoint, progress, printer, sizer);
            while (true) {
                reason = throttle(monitor, sizer, printer, done);
                String slowed = latency.slowDown(sizer, printer, done);
                reason = slowed != null ? slowed : reason;
                int size = Math.min(sizer.size(), latency.batchCeiling());
                long t0 = System.nanoTime();
                BatchResult result;
                try {
                    result = walk.next(work, lastKey, size);
                    progress = checkpoint.save(work, result.lastKey(), result.filled(), size);
                    work.commit();
                } catch (SQLException e) {
                    work.rollback();
                    if (!TransientErrors.retryable(e)) {
                        throw e;
                    }
                    sizer.halve();
                    Duration pause = retry.next();
                    printer.update(done, sizer.size(), "batch rolled back: " + TransientErrors.reason(e), true);
                    Pause.sleep(pause);
                    continue;
                }
                long elapsed = System.nanoTime() - t0;
                Failpoint.reached("backfill.after-batch");
                done = progress.rowsDone();
                if (result.lastKey() != null) {
                    lastKey = result.lastKey();
                }
                sizer.observe(result.covered(), elapsed / 1e6);
                printer.update(done, sizer.size(), reason, false);
                requireWritesOn(progress.writesEnabled(), m);
                progress = waitWhilePaused(work, checkpoint, progress, printer, sizer);
                if (result.finished()) {
                    break;
                }
                // the latency pace counts rows covered, the unit its batch ceiling limits: on a partly filled table
                // the rows filled fall short of it (the rate cap still counts rows filled)
                long pauseMs = Math.max(cap.pauseMillis(result.filled(), elapsed),
                        latency.covered(result.covered(), elapsed));
                if (pauseMs > 0) {
                    Pause.sleep(Duration.ofMillis(pauseMs));
                }
            }
        } finally {
            printer.update(done, sizer.size(), reason, true);
            printer.finish();
        }
        return progress;
    }

    /** The latency throttle of this run, with its baseline read now, before the first batch. */
    private AppLatency startAppLatency(MigrationRecord m) throws SQLException {
        AppLatencyThrottle throttle = new AppLatencyThrottle(options.maxAppP99Ratio(), options.targetBatchMillis());
        if (!throttle.enabled()) {
            return AppLatency.off();
        }
        Connection c = run.openConnection("latency probe");
        c.setAutoCommit(true);
        AppLatency latency = new AppLatency(c, new AppLatencyProbe(c, run.schema(), m.id()), throttle,
                new LatencyPace(options.minBatch()));
        AppLatencyProbe.Reading baseline = latency.baseline();
        run.say(baseline == null
                ? "backfill " + m.id() + ": no driver reports latency for " + m.describe() + " yet; the first figure"
                + " reported becomes the baseline (until then lock waiters, replica lag and the rate cap throttle)"
                : "backfill " + m.id() + ": application p99 on " + m.describe() + " before the backfill: "
                + AppLatencyThrottle.ms(baseline.p99Ms()) + " ms (" + baseline.drivers() + " driver"
                + (baseline.drivers() == 1 ? "" : "s") + "); slowing down above " + AppLatencyThrottle.ms(
                options.maxAppP99Ratio()) + " × that; the baseline is the median of up to " + AppLatency.BASELINE_BEATS
                + " heartbeats; the walk starts at " + Math.round(LatencyPace.floor(options.minBatch()))
                + " rows/s and raises its pace while the figures stay under the limit");
        return latency;
    }

    /** Decides whether to slow down before the next batch, and says why. */
    private String throttle(ThrottleMonitor monitor, BatchSizer sizer, ProgressPrinter printer, long done)
            throws SQLException {
        long lag = monitor.lagMillis();
        while (options.maxLagMillis() > 0 && lag > options.maxLagMillis()) {
            printer.update(done, sizer.size(), "replica replay lag " + lag + " ms > --max-lag-ms "
                    + options.maxLagMillis() + "; waiting", false);
            Pause.sleep(PAUSE_POLL);
            lag = monitor.refreshLag();
        }
        int waiters = monitor.takeWaiters();
        if (waiters > 0) {
            sizer.halve();
            String reason = waiters + (waiters == 1 ? " session" : " sessions") + " waited on rows locked by the"
                    + " backfill; batch halved to " + sizer.size() + ", pausing " + options.targetBatchMillis() + " ms";
            printer.update(done, sizer.size(), reason, false);
            Pause.sleep(Duration.ofMillis(options.targetBatchMillis()));
            return reason;
        }
        return null;
    }

    private Checkpoint.Progress waitWhilePaused(Connection work, Checkpoint checkpoint, Checkpoint.Progress progress,
                                                ProgressPrinter printer, BatchSizer sizer) throws SQLException {
        while (progress.paused()) {
            printer.update(progress.rowsDone(), sizer.size(), "paused by `colshift pause`; run `colshift resume "
                    + run.migrationId() + "` to continue", false);
            Pause.sleep(PAUSE_POLL);
            progress = checkpoint.read(work);
            work.commit();
        }
        return progress;
    }

    private void sweep(MigrationRecord m, Connection work, Checkpoint checkpoint, Checkpoint.Progress progress,
                       String fill) throws SQLException, PhaseException {
        // the sweep wants exactly the rows applications hold, so it waits for them longer than the walk does
        setLockTimeout(work, options.lockTimeout().toMillis());
        NullSweeper sweeper = new NullSweeper(m, fill);
        int batch = Math.max(options.minBatch(), Math.min(options.maxBatch(), progress.batchSize()));
        run.say("backfill " + m.id() + ": final sweep for rows still NULL (skipped while locked, or written since)");
        NullSweeper.Outcome outcome = sweeper.sweepUntilClean(work, batch, options.maxSweeps(),
                NullSweeper.Verification.ROWS_BEFORE_SWEEP, rows -> checkpoint.save(work, null, rows, batch), run::say);
        run.say("backfill " + m.id() + ": sweep filled " + outcome.filled() + " rows; a count finds no NULL among rows"
                + " written before the sweep" + (outcome.arrivedSince() == 0 ? "" : "; " + outcome.arrivedSince()
                + " rows inserted since by writers that do not set " + m.column() + " are left to contract, which"
                + " sets the DEFAULT first and sweeps them"));
    }

    /**
     * A batch that waits on a row an application holds keeps its own row locks meanwhile, and every writer touching
     * those queues behind it; so the walk waits at most one target batch time, then fills around the locked row.
     */
    private long walkLockTimeoutMillis() {
        return Math.max(10, Math.min(options.lockTimeout().toMillis(), options.targetBatchMillis()));
    }

    private static void setLockTimeout(Connection work, long millis) throws SQLException {
        try (Statement st = work.createStatement()) {
            st.execute("SET lock_timeout = " + millis);
        }
        work.commit();
    }

    private static void requireWritesOn(boolean writesEnabled, MigrationRecord m) throws PreconditionFailed {
        if (!writesEnabled) {
            throw new PreconditionFailed("the write flag of '" + m.id() + "' is off: drivers strip the application's"
                    + " writes of " + m.column() + ", so values the new version writes during the backfill would be"
                    + " dropped and rows would end up with the backfill value instead. Turn writes on once every"
                    + " instance that writes the column runs the new version (`colshift flag " + m.id()
                    + " --writes on`), then run backfill again; progress so far is kept.");
        }
    }

    private static String describeFill(MigrationRecord m) {
        return m.backfillExpr() != null ? "backfill expression " + m.backfillExpr()
                : m.defaultExpr() != null ? "the default " + m.defaultExpr() : "nothing to fill";
    }

    private static int pid(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            int pid = rs.getInt(1);
            c.commit();
            return pid;
        }
    }
}
