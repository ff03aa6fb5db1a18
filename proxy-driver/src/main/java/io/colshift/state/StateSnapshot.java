package io.colshift.state;

import java.util.List;
import java.util.Map;

/**
 * Everything the rewriter needs to know, frozen at one state version. Snapshots are immutable and
 * replaced whole, so a statement sees one consistent version from start to end.
 *
 * @param version      the control schema's state version this snapshot reflects (0 when there is none)
 * @param migrations   migrations that still need rewriting (phases before {@code contracted})
 * @param tableColumns existing columns of the tables involved and of tables sharing a column name with
 *                     them, keyed by {@code schema.table} in lower case; used to resolve unqualified names
 * @param searchPath   schemas unqualified table names resolve against, in order
 */
public record StateSnapshot(long version, List<ColumnMigration> migrations,
                            Map<String, List<String>> tableColumns, List<String> searchPath) {

    /** No control schema, or nothing to rewrite: every statement passes unchanged. */
    public static final StateSnapshot EMPTY = new StateSnapshot(0, List.of(), Map.of(), List.of("public"));

    public StateSnapshot {
        migrations = List.copyOf(migrations);
        tableColumns = Map.copyOf(tableColumns);
        searchPath = List.copyOf(searchPath);
    }

    /** True when at least one migration needs statements rewritten. */
    public boolean rewriting() {
        return !migrations.isEmpty();
    }
}
