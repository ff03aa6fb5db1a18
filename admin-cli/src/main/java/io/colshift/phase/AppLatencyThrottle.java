package io.colshift.phase;

import java.util.Locale;

/**
 * Slows the backfill down while the application's statements on the migrating table are slower than
 * {@code --max-app-p99-ratio} × their p99 before the backfill started: the verdict on one figure (over the limit:
 * halve the batch, pause; comfortably under it: {@link #comfortably}). {@link LatencyPace} turns the verdicts into a
 * pace that persists between figures; it never goes beyond what the other throttles and the batch sizer allow, and
 * without any reported latency nothing changes.
 *
 * <p>The baseline is the first reading observed: before the first batch, the median of the first heartbeats
 * ({@link AppLatency#baseline()}) when drivers report then. It is floored at
 * {@link #BASELINE_FLOOR_MS}: a table whose statements take microseconds would otherwise trip the limit on noise.
 */
final class AppLatencyThrottle {

    /**
     * Below this the baseline is taken as this: a figure of tens of microseconds doubles on scheduling noise alone.
     * Low enough that the ~0.2–0.5 ms p99 of single-row statements on an idle local server still counts.
     */
    static final double BASELINE_FLOOR_MS = 0.2;
    static final long MAX_PAUSE_MS = 5_000;

    /** What to do before the next batch. */
    record Slowdown(String reason, boolean halve, long pauseMillis) {
    }

    private final double maxRatio;
    private final int targetBatchMillis;
    private Double baselineMs;
    private long lastBeat = Long.MIN_VALUE;

    /** @param maxRatio the limit as a multiple of the baseline; 0 turns the throttle off */
    AppLatencyThrottle(double maxRatio, int targetBatchMillis) {
        this.maxRatio = maxRatio;
        this.targetBatchMillis = targetBatchMillis;
    }

    boolean enabled() {
        return maxRatio > 0;
    }

    Double baselineMs() {
        return baselineMs;
    }

    /**
     * @param reading the latest reading, or null when no driver reports one
     * @return how to slow down, or null to go on as usual
     */
    Slowdown observe(AppLatencyProbe.Reading reading) {
        if (!enabled() || reading == null) {
            return null;
        }
        boolean fresh = reading.newestBeatMicros() != lastBeat;
        lastBeat = reading.newestBeatMicros();
        if (baselineMs == null) {
            baselineMs = reading.p99Ms();
            return null;
        }
        double base = Math.max(baselineMs, BASELINE_FLOOR_MS);
        double ratio = reading.p99Ms() / base;
        if (ratio <= maxRatio) {
            return null;
        }
        long pause = Math.min(MAX_PAUSE_MS, Math.round(targetBatchMillis * ratio / maxRatio));
        String reason = String.format(Locale.ROOT, "slowing: app p99 %s ms = %.1f × baseline %s ms (limit %s ×)",
                ms(reading.p99Ms()), ratio, ms(base), ms(maxRatio));
        // halve once per new heartbeat figure: the same figure read again says nothing new about the last batch
        return new Slowdown(reason, fresh, pause);
    }

    /** Whether {@code reading} is under {@link LatencyPace#HEADROOM} × the limit: room for a faster pace. */
    boolean comfortably(AppLatencyProbe.Reading reading) {
        return baselineMs != null && reading.p99Ms() <= LatencyPace.HEADROOM * maxRatio * Math.max(baselineMs,
                BASELINE_FLOOR_MS);
    }

    static String ms(double v) {
        return v >= 10 || v == Math.rint(v) ? String.valueOf(Math.round(v)) : String.format(Locale.ROOT, "%.1f", v);
    }
}
