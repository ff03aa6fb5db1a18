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
 * @param refused      stored migrations that failed their checks ({@code id: field reason}), for which statements
 *                     pass unchanged; refused entries given in {@code migrations} are moved here
 */
public record StateSnapshot(long version, List<ColumnMigration> migrations,
                            Map<String, List<String>> tableColumns, List<String> searchPath, List<String> refused) {

    /** No control schema, or nothing to rewrite: every statement passes unchanged. */
    public static final StateSnapshot EMPTY = new StateSnapshot(0, List.of(), Map.of(), List.of("public"));

    public StateSnapshot(long version, List<ColumnMigration> migrations, Map<String, List<String>> tableColumns,
                         List<String> searchPath) {
        this(version, migrations, tableColumns, searchPath, List.of());
    }

    public StateSnapshot {
        List<String> allRefused = new java.util.ArrayList<>(refused);
        migrations.stream().filter(m -> m.refusal() != null).map(m -> m.id() + ": " + m.refusal())
                .forEach(allRefused::add);
        refused = List.copyOf(allRefused);
        migrations = migrations.stream().filter(m -> m.refusal() == null).toList();
        tableColumns = Map.copyOf(tableColumns);
        searchPath = List.copyOf(searchPath);
    }

    /** True when at least one migration needs statements rewritten. */
    public boolean rewriting() {
        return !migrations.isEmpty();
    }
}
