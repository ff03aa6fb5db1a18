package io.colshift.phase;

/**
 * The migrating column as the catalog has it right now.
 *
 * @param exists      whether the (non-dropped) column exists
 * @param type        {@code format_type} of the column, or null when absent
 * @param notNull     {@code attnotnull}
 * @param defaultExpr the default as PostgreSQL deparses it, or null
 */
public record ColumnState(boolean exists, String type, boolean notNull, String defaultExpr) {

    public static final ColumnState ABSENT = new ColumnState(false, null, false, null);
}
