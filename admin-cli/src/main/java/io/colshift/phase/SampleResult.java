package io.colshift.phase;

/**
 * The backfill expression recomputed on a random sample of rows.
 *
 * @param requested         {@code --sample}
 * @param sampled           rows actually compared (fewer on a small table)
 * @param mismatches        rows whose stored value is distinct from the recomputed one
 * @param maxMismatchRatio  the ratio above which the check fails
 * @param method            how the rows were drawn: {@code TABLESAMPLE SYSTEM} or {@code ORDER BY random()}
 */
public record SampleResult(int requested, long sampled, long mismatches, double ratio, double maxMismatchRatio,
                           String method) {
}
