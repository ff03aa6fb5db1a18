package io.colshift.phase;

/**
 * What one backfill batch did.
 *
 * @param filled  rows whose column it set
 * @param lastKey where the next batch starts (jsonb text, stored in {@code backfill_progress.last_key}), or null
 *                when the walk has passed the end of the table
 */
public record BatchResult(int filled, String lastKey) {

    public boolean walkFinished() {
        return lastKey == null;
    }
}
