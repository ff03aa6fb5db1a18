package io.colshift.phase;

/**
 * How {@code expand} adds the column. DESIGN.md: the DEFAULT goes in at expand only when PostgreSQL can store it
 * in the catalog without rewriting the table (PG 11+, non-volatile) and there is no separate backfill expression;
 * otherwise existing rows would read the default instead of their backfill value.
 */
public record ExpandRecipe(boolean defaultAtExpand, String reason) {

    public static ExpandRecipe decide(MigrationRecord m, ServerVersion server, ExpressionProbe.Result probe) {
        if (m.defaultExpr() == null) {
            return new ExpandRecipe(false, "no default in the spec");
        }
        if (m.backfillExpr() != null) {
            return new ExpandRecipe(false, "the spec has its own backfill expression, so existing rows must not read the"
                    + " default; the default is set at contract");
        }
        if (!server.metadataOnlyDefault()) {
            return new ExpandRecipe(false, server + " rewrites the whole table for ADD COLUMN ... DEFAULT; the backfill"
                    + " fills rows in batches instead and the default is set at contract");
        }
        if (probe.defaultIsVolatile()) {
            return new ExpandRecipe(false, "the default calls volatile " + String.join(", ", probe.volatileCalls())
                    + ", which would rewrite the whole table; the backfill fills rows in batches instead");
        }
        return new ExpandRecipe(true, "the default is non-volatile, so " + server
                + " stores it in the catalog without rewriting the table; no backfill needed");
    }

    /** The exact statement. */
    public String sql(MigrationRecord m) {
        return "ALTER TABLE " + m.quotedTable() + " ADD COLUMN IF NOT EXISTS " + m.quotedColumn() + " " + m.type()
                + (defaultAtExpand ? " DEFAULT (" + m.defaultExpr() + ")" : "");
    }

    /** Whether rows need filling after expand: there is something to fill them with, and expand did not do it. */
    public boolean backfillNeeded(MigrationRecord m) {
        return m.fillExpression() != null && !defaultAtExpand;
    }
}
