package io.colshift.phase;

import io.colshift.state.Heartbeats;

import java.util.Locale;

/**
 * The pace (rows walked per second: the rows of the table the batches cover, filled or not, the unit the batch
 * ceiling limits) the latency-aware backfill allows itself, adjusted on the drivers' p99 figures the way
 * a congestion window is: halved when the application's p99 is over the limit, raised by a fixed step while it is
 * comfortably under it, and, when the backfill starts with a baseline, started low and doubled per good figure
 * until the first figure over the limit ("slow start").
 *
 * <p>Why not simply pause while the figure is high: the drivers report once per {@link Heartbeats#INTERVAL}, so a
 * backfill that goes back to full speed as soon as a figure is good spends every other interval hurting the
 * application, and a full-speed backfill can fill a small table before the first figure arrives. The pace persists
 * between figures instead, and changes about once per interval, because a figure read sooner after a change still
 * describes the pace before it.
 */
final class LatencyPace {

    /** A figure this far under the limit, or closer to the baseline, lets the pace rise. */
    static final double HEADROOM = 0.75;
    /**
     * Between two changes of the pace. A change follows a figure read within {@link AppLatency#READ_EVERY} of being
     * written, so the next heartbeat, one {@link Heartbeats#INTERVAL} after that figure, already describes mostly
     * the new pace; waiting for the one after would halve how fast the pace can follow.
     */
    static final long SETTLE_NANOS = Heartbeats.INTERVAL.minus(AppLatency.READ_EVERY).toNanos();
    /** A batch at the allowed pace covers at most this much time, so that a slow pace takes many small batches. */
    static final double BATCH_SECONDS = 0.1;

    private final int minBatch;
    private double rowsPerSecond = Double.POSITIVE_INFINITY;
    private boolean slowStart;
    private double step;
    private long lastChange;
    private boolean windowOpen;
    private long windowStart;
    private long windowRows;

    /** @param minBatch the backfill's smallest batch: the pace never goes below one of those per {@link #BATCH_SECONDS} */
    LatencyPace(int minBatch) {
        this.minBatch = minBatch;
    }

    /** Starts low, before the first batch, when there is a baseline to compare against: one minimum batch per 100 ms. */
    void startLow(long now) {
        rowsPerSecond = floor();
        slowStart = true;
        changed(now);
    }

    /** The allowed pace; infinite until a figure first says to slow down (when the run began without a baseline). */
    double rowsPerSecond() {
        return rowsPerSecond;
    }

    boolean limited() {
        return rowsPerSecond != Double.POSITIVE_INFINITY;
    }

    /** The largest batch at this pace: {@link #BATCH_SECONDS} worth of rows, at least {@code minBatch}. */
    int batchCeiling() {
        return limited() ? (int) Math.max(minBatch, Math.min(Integer.MAX_VALUE, rowsPerSecond * BATCH_SECONDS))
                : Integer.MAX_VALUE;
    }

    /**
     * Counts a committed batch by the rows it covered, for the pace actually reached (the allowed one may be above
     * what the table gives). Covered, not filled: on a table partly filled already (the application's own writes, a
     * resumed run) the filled rows are a fraction of the walked ones, and a pace measured in them would never reach
     * half the ceiling it is compared with.
     */
    void covered(long rows, long now) {
        if (!windowOpen) {
            windowOpen = true;
            windowStart = now;
        }
        windowRows += rows;
    }

    /** How long to wait after a batch that covered {@code rows} and took {@code elapsedNanos}, to stay at the pace. */
    long pauseMillis(long rows, long elapsedNanos) {
        if (!limited() || rows <= 0) {
            return 0;
        }
        long allowedNanos = (long) (rows * 1e9 / rowsPerSecond);
        return Math.max(0, (allowedNanos - elapsedNanos) / 1_000_000);
    }

    /**
     * A fresh figure over the limit: halves the pace (from what was actually reached, if that was lower), unless it
     * changed less than {@link #SETTLE_NANOS} ago. Without a pace yet and nothing reached to halve, it starts at the
     * floor: half of an unlimited pace is still unlimited.
     *
     * @return what changed, or null
     */
    String over(long now) {
        if (limited() && now - lastChange < SETTLE_NANOS) {
            return null;
        }
        double reached = reached(now);
        if (!limited() && reached <= 0) {
            rowsPerSecond = floor();
        } else {
            rowsPerSecond = Math.max(floor(), Math.min(rowsPerSecond, reached > 0 ? reached : rowsPerSecond) / 2);
        }
        step = Math.max(floor(), rowsPerSecond / 4);
        slowStart = false;
        changed(now);
        return rowsPerSecond > floor() ? "pace halved to " + rate() + " rows/s"
                : "pace at its floor of " + rate() + " rows/s";
    }

    /**
     * A fresh figure within the limit; {@code comfortably} when it is under {@link #HEADROOM} × the limit. Raises the
     * pace (doubling during slow start, by one step after) at most once per {@link #SETTLE_NANOS}, and never beyond
     * twice what the table actually gave: a pace that does not bind says nothing about the application.
     *
     * @return what changed, or null
     */
    String within(boolean comfortably, long now) {
        if (!limited() || !comfortably || now - lastChange < SETTLE_NANOS) {
            return null;
        }
        double reached = reached(now);
        if (reached > 0 && 2 * reached <= rowsPerSecond) {
            // twice what the table gave is no raise: the pace does not bind
            changed(now);
            return null;
        }
        double next = slowStart ? rowsPerSecond * 2 : rowsPerSecond + step;
        rowsPerSecond = reached > 0 ? Math.min(next, 2 * reached) : next;
        changed(now);
        return "pace raised to " + rate() + " rows/s";
    }

    private double reached(long now) {
        double seconds = windowOpen ? (now - windowStart) / 1e9 : 0;
        return seconds <= 0 ? 0 : windowRows / seconds;
    }

    private void changed(long now) {
        lastChange = now;
        windowOpen = true;
        windowStart = now;
        windowRows = 0;
    }

    private double floor() {
        return floor(minBatch);
    }

    /** The lowest pace, where a walk with a baseline starts: one {@code minBatch} per {@link #BATCH_SECONDS}. */
    static double floor(int minBatch) {
        return minBatch / BATCH_SECONDS;
    }

    String rate() {
        return String.format(Locale.ROOT, "%,.0f", rowsPerSecond);
    }
}
