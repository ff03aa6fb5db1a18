package io.colshift.phase;

import java.util.List;

/**
 * What colshift would do for one migration on one server, without doing any of it.
 *
 * @param serverMajor    the PostgreSQL major version the recipes were chosen for
 * @param backfillNeeded whether existing rows must be filled in batches
 * @param backfillReason why (or why not)
 */
public record Plan(String id, String table, String column, String type, String phase, int serverMajor,
                   boolean backfillNeeded, String backfillReason, long estimatedRows, long tableBytes,
                   List<PlanStep> steps) {
}
