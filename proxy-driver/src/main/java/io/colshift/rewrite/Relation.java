package io.colshift.rewrite;

import io.colshift.state.ColumnMigration;

import java.util.List;
import java.util.Set;

/**
 * One name a query block can qualify columns with: a table, a derived table, a CTE reference, a function.
 *
 * @param exposed    the name references use (alias, else table name), normalized; null when none
 * @param schema     schema written before an unaliased table name, normalized; null otherwise
 * @param qualifier  how generated SQL qualifies this relation's columns, as the statement spells it
 * @param tableKey   {@code schema.table} of a base table, null for anything else
 * @param migrations migrations of that table that are still rewritten
 * @param columns    names of its columns when known (for a table in the snapshot, or a derived table
 *                   whose select list is known); null when they cannot be known
 * @param qualifiedOnly reachable only through its name (ON CONFLICT's {@code excluded})
 */
record Relation(String exposed, String schema, String qualifier, String tableKey,
                List<ColumnMigration> migrations, Set<String> columns, boolean qualifiedOnly) {

    enum Has { NO, YES, MAYBE, MIGRATING }

    ColumnMigration migrationFor(String column) {
        for (ColumnMigration m : migrations) {
            if (m.column().equals(column)) {
                return m;
            }
        }
        return null;
    }

    boolean isTable() {
        return tableKey != null;
    }

    /**
     * Whether a column of that name belongs here. A base table the snapshot does not list is known not
     * to have it (the snapshot lists every table that shares a column name with a migrating table).
     */
    Has has(String column) {
        if (migrationFor(column) != null) {
            return Has.MIGRATING;
        }
        if (columns == null) {
            return isTable() ? Has.NO : Has.MAYBE;
        }
        return columns.contains(column) ? Has.YES : Has.NO;
    }
}
