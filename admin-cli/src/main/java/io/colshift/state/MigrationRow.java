package io.colshift.state;

/** One row of {@code migrations}, as the CLI reads it. Timestamps are ISO-8601 UTC. */
public record MigrationRow(String id, String tableSchema, String tableName, String column, String type,
                           String defaultExpr, String backfillExpr, String readFallback, boolean notNull,
                           String indexSpec, String spec, Phase phase, boolean writesEnabled, boolean archived,
                           String createdAt, String updatedAt, String updatedBy) {

    public String qualifiedTable() {
        return tableSchema + "." + tableName;
    }
}
