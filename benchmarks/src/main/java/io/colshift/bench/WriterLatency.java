package io.colshift.bench;

import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;

/**
 * Latency of concurrent single-row writers: each update as sent, and the same corrected for coordinated omission
 * (a writer stuck behind a lock would have sent one update per pause meanwhile, and those count too).
 */
final class WriterLatency {

    private final Histogram raw = new Histogram(TimeUnit.MINUTES.toNanos(10), 3);
    private final Histogram corrected = new Histogram(TimeUnit.MINUTES.toNanos(10), 3);
    private final long expectedIntervalNanos;

    WriterLatency(long expectedIntervalNanos) {
        this.expectedIntervalNanos = expectedIntervalNanos;
    }

    synchronized void record(long nanos) {
        raw.recordValue(nanos);
        corrected.recordValueWithExpectedInterval(nanos, expectedIntervalNanos);
    }

    synchronized double percentileMs(double percentile) {
        return raw.getValueAtPercentile(percentile) / 1e6;
    }

    synchronized double correctedP99Ms() {
        return corrected.getValueAtPercentile(99) / 1e6;
    }

    synchronized double maxMs() {
        return raw.getMaxValue() / 1e6;
    }

    synchronized long count() {
        return raw.getTotalCount();
    }
}
