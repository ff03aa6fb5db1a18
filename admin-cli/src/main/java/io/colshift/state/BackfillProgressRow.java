package io.colshift.state;

/** The backfill checkpoint of one migration ({@code backfill_progress}). Timestamps are ISO-8601 UTC. */
public record BackfillProgressRow(String migrationId, String lastKey, long rowsDone, Long rowsEstimate,
                                  Integer batchSize, boolean paused, String updatedAt) {
}
