package io.colshift.phase;

import java.util.Locale;

/**
 * Slows the backfill down while the application's statements on the migrating table are slower than
 * {@code --max-app-p99-ratio} × their p99 before the backfill started. Only ever slows down (halves the batch,
 * pauses), never speeds up: the other throttles and the batch sizer stay in charge of everything else, and
 * without any reported latency nothing changes.
 *
 * <p>The baseline is the first reading, taken before the first batch when drivers report one then. It is floored at
 * {@link #BASELINE_FLOOR_MS}: a table whose statements take microseconds would otherwise trip the limit on noise.
 */
final class AppLatencyThrottle {

    static final double BASELINE_FLOOR_MS = 1.0;
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

    static String ms(double v) {
        return v >= 10 || v == Math.rint(v) ? String.valueOf(Math.round(v)) : String.format(Locale.ROOT, "%.1f", v);
    }
}
