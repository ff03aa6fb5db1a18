package io.colshift.bench;

import io.colshift.phase.BackfillOptions;

/** One setting of the backfill curve: a label for the table and the backfill options it runs with. */
record CurvePoint(String label, BackfillOptions options) {

    /** Fixed batch limit and rate cap, the latency throttle off: what the setting alone does to the writers. */
    static CurvePoint fixed(String label, int maxBatch, long maxRowsPerSecond) {
        BackfillOptions d = BackfillOptions.DEFAULTS;
        return new CurvePoint(label, new BackfillOptions(d.targetBatchMillis(), d.minBatch(), maxBatch, maxRowsPerSecond,
                d.maxLagMillis(), d.lockTimeout(), d.maxSweeps(), 0));
    }

    /** The default options with {@code --max-app-p99-ratio ratio}. */
    static CurvePoint latencyAware(String label, double ratio) {
        BackfillOptions d = BackfillOptions.DEFAULTS;
        return new CurvePoint(label, new BackfillOptions(d.targetBatchMillis(), d.minBatch(), d.maxBatch(),
                d.maxRowsPerSecond(), d.maxLagMillis(), d.lockTimeout(), d.maxSweeps(), ratio));
    }
}
