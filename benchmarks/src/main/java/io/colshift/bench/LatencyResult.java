package io.colshift.bench;

import org.HdrHistogram.Histogram;

/**
 * What the latency driver measured for one client, workload and thread count.
 *
 * @param deltaSum the sum of the balance deltas of the successful operations, which lets a test check
 *                 that the balances in the database moved by exactly that much
 */
public record LatencyResult(long operations, long errors, Throwable firstError, long elapsedNanos,
                            Histogram latencies, long deltaSum) {

    public double opsPerSecond() {
        return elapsedNanos == 0 ? 0 : operations * 1e9 / elapsedNanos;
    }

    public double percentileMicros(double percentile) {
        return latencies.getValueAtPercentile(percentile) / 1000.0;
    }

    public double p50Micros() {
        return percentileMicros(50);
    }

    public double p99Micros() {
        return percentileMicros(99);
    }

    public double p999Micros() {
        return percentileMicros(99.9);
    }
}
