package io.colshift.phase;

/** One column of the key a backfill walks, with its type as PostgreSQL spells it. */
public record KeyColumn(String name, String type) {
}
