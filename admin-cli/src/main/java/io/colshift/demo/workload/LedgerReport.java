package io.colshift.demo.workload;

import java.util.List;

/**
 * The outcome of checking every acknowledged write against the database.
 *
 * @param checked       acknowledged rows checked
 * @param missing       rows acknowledged as written but absent
 * @param resurrected   rows acknowledged as deleted but present
 * @param wrongValue    rows present with another value than acknowledged
 * @param seededMissing seeded rows (never deleted by anyone) that are gone
 * @param examples      the first few discrepancies, described
 */
public record LedgerReport(long checked, long missing, long resurrected, long wrongValue, long seededMissing,
                           List<String> examples) {

    public LedgerReport {
        examples = List.copyOf(examples);
    }

    /** Rows whose acknowledged write is not what the database holds. */
    public long lostWrites() {
        return missing + resurrected + wrongValue + seededMissing;
    }

    public boolean clean() {
        return lostWrites() == 0;
    }
}
