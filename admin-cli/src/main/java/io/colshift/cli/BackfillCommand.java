package io.colshift.cli;

import io.colshift.phase.BackfillOptions;
import io.colshift.phase.Backfiller;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code colshift backfill ID}: fills existing rows in small, throttled, resumable batches. */
@Command(name = "backfill", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Fills the rows where the new column is NULL with the spec's backfill expression (or its "
                        + "default).",
                "",
                "The table is walked in primary-key order (composite keys too; else a unique key over NOT NULL "
                        + "columns; else physical ctid page ranges). Each batch is its own short transaction that only "
                        + "touches rows still NULL and skips rows an application transaction has locked, so it never waits "
                        + "on your traffic. The batch size adapts to --target-batch-ms. It slows down when sessions queue "
                        + "behind its row locks or a replica lags, and says why on the progress line.",
                "",
                "Progress is checkpointed with every batch: after Ctrl-C or kill -9, run the same command to "
                        + "resume. `colshift pause ID` / `colshift resume ID` work from another terminal. A final sweep "
                        + "fills rows written meanwhile by writers that do not set the column, until a count finds no "
                        + "NULL; then the migration becomes 'backfilled'.",
                "",
                "Refuses to start while the write flag is off: the new application version's writes of the "
                        + "column would be stripped and those rows would get the backfill value instead."})
final class BackfillCommand extends PhaseStepCommand {

    @Option(names = "--target-batch-ms", paramLabel = "MS", defaultValue = "200",
            description = "Time one batch transaction should take; the batch size adapts (default: ${DEFAULT-VALUE}).")
    int targetBatchMs;

    @Option(names = "--min-batch", paramLabel = "ROWS", defaultValue = "100",
            description = "Smallest batch (default: ${DEFAULT-VALUE}).")
    int minBatch;

    @Option(names = "--max-batch", paramLabel = "ROWS", defaultValue = "5000",
            description = "Largest batch; bounds how many rows one batch holds locked (default: ${DEFAULT-VALUE}).")
    int maxBatch;

    @Option(names = "--max-rows-per-second", paramLabel = "ROWS", defaultValue = "0",
            description = "Rate cap; 0 means none (default: ${DEFAULT-VALUE}).")
    long maxRowsPerSecond;

    @Option(names = "--max-lag-ms", paramLabel = "MS", defaultValue = "5000",
            description = "Wait while a streaming replica's replay lag (pg_stat_replication) exceeds this; 0 turns"
                    + " the check off (default: ${DEFAULT-VALUE}).")
    long maxLagMs;

    @Option(names = "--max-sweeps", paramLabel = "N", defaultValue = "20",
            description = "Final NULL sweeps before giving up on writers that keep inserting NULL (default: ${DEFAULT-VALUE}).")
    int maxSweeps;

    @Option(names = "--max-app-p99-ratio", paramLabel = "RATIO", defaultValue = "2",
            description = "Keep the p99 the colshift drivers report for statements on the table within RATIO × their"
                    + " p99 before the backfill started: start at a low pace and raise it while the figures stay"
                    + " under the limit, halve it (and the batch) and pause while they are over; 0 turns it off."
                    + " Without drivers reporting latency the other throttles apply as before"
                    + " (default: ${DEFAULT-VALUE}).")
    double maxAppP99Ratio;

    @Option(names = "--plain", description = "Print progress as plain lines even on a terminal.")
    boolean plain;

    @Override
    PhaseCommands.Step step() {
        BackfillOptions options;
        try {
            options = new BackfillOptions(targetBatchMs, minBatch, maxBatch, maxRowsPerSecond, maxLagMs,
                    locks.ddlOptions().lockTimeout(), maxSweeps, maxAppP99Ratio);
        } catch (IllegalArgumentException e) {
            throw CommandFailure.badInput(e.getMessage());
        }
        boolean tty = !plain && PhaseCommands.interactive();
        return run -> new Backfiller(run, options, tty).run();
    }
}
