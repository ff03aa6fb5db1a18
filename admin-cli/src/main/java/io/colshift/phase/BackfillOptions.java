package io.colshift.phase;

import java.time.Duration;

/**
 * Knobs of the backfill.
 *
 * @param targetBatchMillis how long one batch transaction should take; the batch size adapts towards it
 * @param minBatch          smallest batch size, in rows
 * @param maxBatch          largest batch size, in rows: it bounds how many rows one batch holds locked, and so how
 *                          long an application write to one of them can wait (measured: 5 000 rows keep a random
 *                          single-row writer's p99 in the low milliseconds, and are as fast as larger batches)
 * @param maxRowsPerSecond  rate cap, 0 for none
 * @param maxLagMillis      pause while a streaming replica's replay lag exceeds this
 * @param lockTimeout       longest one batch waits for a row lock held by an application transaction
 * @param maxSweeps         final NULL sweeps before giving up on writers that keep inserting NULL
 * @param maxAppP99Ratio    slow down while the p99 the drivers report for the table exceeds this multiple of the
 *                          p99 before the backfill started ({@code --max-app-p99-ratio}); 0 turns it off
 */
public record BackfillOptions(int targetBatchMillis, int minBatch, int maxBatch, long maxRowsPerSecond,
                              long maxLagMillis, Duration lockTimeout, int maxSweeps, double maxAppP99Ratio) {

    public static final double DEFAULT_MAX_APP_P99_RATIO = 2.0;

    public static final BackfillOptions DEFAULTS =
            new BackfillOptions(200, 100, 5_000, 0, 5_000, Duration.ofSeconds(2), 20, DEFAULT_MAX_APP_P99_RATIO);

    /** The options with the default latency limit. */
    public BackfillOptions(int targetBatchMillis, int minBatch, int maxBatch, long maxRowsPerSecond,
                           long maxLagMillis, Duration lockTimeout, int maxSweeps) {
        this(targetBatchMillis, minBatch, maxBatch, maxRowsPerSecond, maxLagMillis, lockTimeout, maxSweeps,
                DEFAULT_MAX_APP_P99_RATIO);
    }

    public BackfillOptions {
        if (targetBatchMillis <= 0) {
            throw new IllegalArgumentException("--target-batch-ms must be positive, got " + targetBatchMillis);
        }
        if (minBatch <= 0 || maxBatch < minBatch) {
            throw new IllegalArgumentException("need 0 < --min-batch <= --max-batch, got " + minBatch + " and " + maxBatch);
        }
        if (maxRowsPerSecond < 0 || maxLagMillis < 0 || maxSweeps <= 0) {
            throw new IllegalArgumentException("--max-rows-per-second and --max-lag-ms must not be negative,"
                    + " --max-sweeps must be positive");
        }
        if (!(maxAppP99Ratio == 0 || maxAppP99Ratio >= 1 && maxAppP99Ratio <= 1_000)) {
            throw new IllegalArgumentException("--max-app-p99-ratio must be 0 (off) or between 1 and 1000, got "
                    + maxAppP99Ratio);
        }
    }
}
