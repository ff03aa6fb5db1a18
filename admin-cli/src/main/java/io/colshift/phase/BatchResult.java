package io.colshift.phase;

/**
 * What one backfill batch did.
 *
 * @param filled  rows whose column it set
 * @param covered rows of the table the batch covered (its share of the walk, NULL or not): what the batch size
 *                adapts on
 * @param lastKey  where the next batch starts (jsonb text, stored in {@code backfill_progress.last_key}), or null
 *                 to keep the previous checkpoint
 * @param finished whether this batch reached the end of the table
 */
public record BatchResult(int filled, int covered, String lastKey, boolean finished) {
}
