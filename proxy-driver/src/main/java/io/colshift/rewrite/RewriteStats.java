package io.colshift.rewrite;

/**
 * Counters of one {@link RewriteEngine}, read at one moment.
 *
 * <p>{@code skipped}, {@code hits} and {@code misses} count executions. The outcome counters
 * ({@code rewritten} … {@code unsupported}) count computations: one per distinct SQL text and state
 * version, since the outcome is cached with the text.
 *
 * @param skipped       statements the pre-filter let through without a look (no migrating table named)
 * @param hits          statements answered from the cache
 * @param misses        statements parsed and rewritten because the cache did not hold them
 * @param rewritten     computations whose result differs from the input
 * @param unchanged     computations that found nothing to rewrite
 * @param parseFailures statements the parser could not read (passed unchanged)
 * @param timeouts      statements whose parse ran out of time (passed unchanged)
 * @param ambiguous     statements with a column reference that could belong to more than one table (passed unchanged)
 * @param unsupported   statements of a shape the rewriter does not handle safely (passed unchanged)
 * @param refused       view definitions over a migrating column, not rewritten on purpose (the view would keep
 *                      the read fallback after the migration)
 * @param relaxed       statements read only after a narrow pre-parse step blanked a construct the parser does
 *                      not take ({@link Relaxations}); they were rewritten or found unchanged as usual
 */
public record RewriteStats(long skipped, long hits, long misses, long rewritten, long unchanged,
                           long parseFailures, long timeouts, long ambiguous, long unsupported, long refused,
                           long relaxed) {

    /** Every statement that had to be passed unchanged although it might have needed a rewrite. */
    public long failedOpen() {
        return parseFailures + timeouts + ambiguous + unsupported + refused;
    }
}
