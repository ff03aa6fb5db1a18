package io.colshift.phase;

import io.colshift.state.Phase;

/**
 * One row of {@code migrations} as the phase engine needs it: the target column and where the migration stands.
 *
 * @param defaultExpr  final DEFAULT expression, or null
 * @param backfillExpr row expression that fills existing rows, or null (then the default fills them)
 * @param index        the index built at contract, or null
 */
public record MigrationRecord(String id, String schema, String table, String column, String type,
                              String defaultExpr, String backfillExpr, boolean notNull, IndexSpec index,
                              Phase phase, boolean writesEnabled, boolean archived) {

    /** The expression existing rows are filled with: the backfill expression, else the default, else none. */
    public String fillExpression() {
        return backfillExpr != null ? backfillExpr : defaultExpr;
    }

    /** The table, quoted for SQL. */
    public String quotedTable() {
        return Sql.qualified(schema, table);
    }

    public String quotedColumn() {
        return Sql.ident(column);
    }

    /** How operators see the target: {@code public.users.status}. */
    public String describe() {
        return schema + "." + table + "." + column;
    }

    public MigrationRecord withPhase(Phase newPhase) {
        return new MigrationRecord(id, schema, table, column, type, defaultExpr, backfillExpr, notNull, index,
                newPhase, writesEnabled, archived);
    }
}
