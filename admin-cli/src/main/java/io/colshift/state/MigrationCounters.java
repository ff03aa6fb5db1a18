package io.colshift.state;

/**
 * What one driver reported for one migration in its heartbeat ({@code clients.counters}). Every field is null when
 * the driver did not report it or reported something that is not a finite, non-negative number: the application
 * role writes these rows, so they are shown to operators but never trusted.
 *
 * @param heldBack        writes of the column the driver stripped (writes gated)
 * @param passedUnchanged statements passed unchanged although they touch the migrating table (fail-open)
 * @param refused         statements refused by a documented policy (strict mode)
 */
public record MigrationCounters(Long reads, Long writes, Long heldBack, Long rewritten, Long passedUnchanged,
                                Long refused, Double p50Ms, Double p99Ms) {

    /** No statement latency is reported above this (ten minutes); a larger figure is read as this one. */
    public static final double MAX_MS = 600_000;

    /**
     * A reported latency as colshift reads it everywhere (status, verify, the latency-aware backfill): finite and
     * not negative, else null; capped at {@link #MAX_MS}, so a forged huge figure is large, not an overflow.
     */
    public static Double millis(double reported) {
        return Double.isFinite(reported) && reported >= 0 ? Math.min(reported, MAX_MS) : null;
    }

    /** Whether the driver read or wrote the column at least once. */
    public boolean touchedColumn() {
        return positive(reads) || positive(writes) || positive(heldBack);
    }

    private static boolean positive(Long n) {
        return n != null && n > 0;
    }
}
