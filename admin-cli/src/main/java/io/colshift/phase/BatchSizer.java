package io.colshift.phase;

/**
 * Adapts the batch size so each batch transaction takes about the target time: long enough to amortise
 * round trips, short enough that row locks are held only briefly. Changes at most 2x per batch so one slow
 * batch (a checkpoint, a vacuum) does not swing the size wildly.
 */
public final class BatchSizer {

    private final int targetMillis;
    private final int min;
    private final int max;
    private int size;

    public BatchSizer(int targetMillis, int min, int max, int initial) {
        this.targetMillis = targetMillis;
        this.min = min;
        this.max = max;
        this.size = clamp(initial);
    }

    public int size() {
        return size;
    }

    /**
     * @param rows          rows the batch handled
     * @param elapsedMillis how long its transaction took
     */
    public void observe(int rows, double elapsedMillis) {
        if (rows < size) {
            // a short batch (end of the table, skipped locked rows) says little about the cost of a full one
            return;
        }
        double factor = targetMillis / Math.max(elapsedMillis, 0.5);
        factor = Math.max(0.5, Math.min(2.0, factor));
        size = clamp((int) Math.round(size * factor));
    }

    /** Back off at once, e.g. when application sessions queued behind the batch's row locks. */
    public void halve() {
        size = clamp(size / 2);
    }

    private int clamp(int n) {
        return Math.max(min, Math.min(max, n));
    }
}
