package io.colshift.rewrite;

import io.colshift.state.ColumnMigration;
import io.colshift.state.StateSnapshot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the rewriter needs from one snapshot, in the shape it looks things up: migrations by table,
 * column names to watch, table columns as sets, fallback templates. Built once per state version.
 */
final class MigrationIndex {

    private final long version;
    private final Map<String, List<ColumnMigration>> byTable = new HashMap<>();
    private final Set<String> columnNames = new HashSet<>();
    private final Map<String, Set<String>> tableColumns = new HashMap<>();
    private final Map<String, List<String>> orderedColumns = new HashMap<>();
    private final List<String> searchPath;
    private final Map<ColumnMigration, FallbackTemplate> fallbacks = new IdentityHashMap<>();
    private final TableNameFilter filter;
    private final List<ColumnMigration> migrations = new ArrayList<>();

    MigrationIndex(StateSnapshot snapshot) {
        this.version = snapshot.version();
        // ordered as the snapshot lists them (catalog order): anything chosen from them must not vary per run
        snapshot.tableColumns().forEach((table, columns) -> {
            String key = table.toLowerCase(java.util.Locale.ROOT);
            tableColumns.put(key, java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(columns)));
            orderedColumns.put(key, List.copyOf(columns));
        });
        List<String> path = new ArrayList<>();
        for (String schema : snapshot.searchPath()) {
            path.add(Identifiers.key(schema.strip()));
        }
        this.searchPath = List.copyOf(path);
        List<String> names = new ArrayList<>();
        for (ColumnMigration m : snapshot.migrations()) {
            if (!m.phase().needsRewriting()) {
                continue;
            }
            migrations.add(m);
            String key = tableKey(m.schema(), m.table());
            byTable.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
            columnNames.add(m.column());
            names.add(m.table());
            fallbacks.put(m, FallbackTemplate.of(m, tableColumns.get(key)));
        }
        this.filter = new TableNameFilter(names);
    }

    static String tableKey(String schema, String table) {
        return (schema + "." + table).toLowerCase(java.util.Locale.ROOT);
    }

    long version() {
        return version;
    }

    boolean mayReference(String sql) {
        return !byTable.isEmpty() && filter.mayReference(sql);
    }

    /** Every migration statements are rewritten for, in snapshot order. */
    List<ColumnMigration> migrations() {
        return migrations;
    }

    /** Whether some migration adds a column of this (catalog-spelled) name. */
    boolean isMigratingColumnName(String normalizedName) {
        return columnNames.contains(normalizedName);
    }

    List<ColumnMigration> migrationsOf(String tableKey) {
        List<ColumnMigration> list = tableKey == null ? null : byTable.get(tableKey);
        return list == null ? List.of() : list;
    }

    /** Existing columns of the table, or null when the snapshot does not list it. */
    Set<String> columnsOf(String tableKey) {
        return tableKey == null ? null : tableColumns.get(tableKey);
    }

    /** Existing columns of the table in catalog (attnum) order, or null when the snapshot does not list it. */
    List<String> orderedColumnsOf(String tableKey) {
        return tableKey == null ? null : orderedColumns.get(tableKey);
    }

    FallbackTemplate fallback(ColumnMigration m) {
        return fallbacks.get(m);
    }

    /**
     * The {@code schema.table} key an unqualified table name resolves to through the search path, or null
     * when no schema on the path is known to hold it (then it is not a migrating table either).
     */
    String resolveTable(String schema, String table) {
        if (schema != null) {
            return tableKey(schema, table);
        }
        for (String s : searchPath) {
            String key = tableKey(s, table);
            if (byTable.containsKey(key) || tableColumns.containsKey(key)) {
                return key;
            }
        }
        return null;
    }
}
