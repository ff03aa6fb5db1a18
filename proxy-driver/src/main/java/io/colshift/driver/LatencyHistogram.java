package io.colshift.driver;

import java.util.concurrent.atomic.LongAdder;

/**
 * Execution times of statements on one migrating table, in log-spaced buckets (four per power of two of
 * microseconds, so a percentile is within about 12 % of the truth), from 1 µs to well over a minute.
 * Recording is one division, a few bit operations and one {@link LongAdder} increment: nothing is allocated.
 *
 * <p>{@link #intervalPercentiles()} reports p50/p99 of what was recorded since its previous call: the heartbeat
 * calls it once per interval, so the figures describe the last interval, not the whole run.
 */
final class LatencyHistogram {

    private static final int SUB_BITS = 2;
    private static final int SUBS = 1 << SUB_BITS;
    /** 4 exact buckets for 0–3 µs, then 4 per octave up to 2^40 µs (about 12 days): every duration fits. */
    static final int BUCKETS = SUBS + 39 * SUBS;

    private final LongAdder[] buckets = new LongAdder[BUCKETS];
    private final long[] previous = new long[BUCKETS];

    LatencyHistogram() {
        for (int i = 0; i < BUCKETS; i++) {
            buckets[i] = new LongAdder();
        }
    }

    void record(long nanos) {
        buckets[index(Math.max(0, nanos) / 1000)].increment();
    }

    static int index(long micros) {
        if (micros < SUBS) {
            return (int) Math.max(0, micros);
        }
        int octave = 63 - Long.numberOfLeadingZeros(micros);
        int sub = (int) ((micros >>> (octave - SUB_BITS)) & (SUBS - 1));
        return Math.min(BUCKETS - 1, (octave - SUB_BITS + 1) * SUBS + sub);
    }

    /** The middle of bucket {@code index}, in microseconds. */
    static double midMicros(int index) {
        if (index < SUBS) {
            return index + 0.5;
        }
        int octave = index / SUBS + SUB_BITS - 1;
        int sub = index % SUBS;
        double width = Math.pow(2, octave - SUB_BITS);
        return (SUBS + sub) * width + width / 2;
    }

    /** p50 and p99 in milliseconds since the previous call, with the count; null when nothing was recorded. */
    synchronized Percentiles intervalPercentiles() {
        long[] delta = new long[BUCKETS];
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            long now = buckets[i].sum();
            delta[i] = now - previous[i];
            previous[i] = now;
            total += delta[i];
        }
        if (total <= 0) {
            return null;
        }
        return new Percentiles(total, percentile(delta, total, 0.50), percentile(delta, total, 0.99));
    }

    private static double percentile(long[] counts, long total, double p) {
        long rank = (long) Math.ceil(p * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return midMicros(i) / 1000.0;
            }
        }
        return midMicros(counts.length - 1) / 1000.0;
    }

    /** Percentiles of one interval. */
    record Percentiles(long count, double p50Ms, double p99Ms) {
    }
}
