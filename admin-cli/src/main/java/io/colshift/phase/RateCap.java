package io.colshift.phase;

/** Caps rows per second by sleeping after a batch that went faster than the cap allows; 0 means no cap. */
public final class RateCap {

    private final long maxRowsPerSecond;

    public RateCap(long maxRowsPerSecond) {
        this.maxRowsPerSecond = maxRowsPerSecond;
    }

    /** @return how long to sleep after {@code rows} rows that took {@code elapsedNanos} */
    public long pauseMillis(long rows, long elapsedNanos) {
        if (maxRowsPerSecond <= 0 || rows <= 0) {
            return 0;
        }
        long allowedNanos = rows * 1_000_000_000L / maxRowsPerSecond;
        return Math.max(0, (allowedNanos - elapsedNanos) / 1_000_000);
    }
}
