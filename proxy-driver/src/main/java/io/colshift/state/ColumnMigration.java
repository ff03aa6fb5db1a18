package io.colshift.state;

import java.util.Objects;

/**
 * One column migration as every driver sees it: immutable, taken from the control schema.
 *
 * @param id            migration id, {@code [a-z0-9-]+}
 * @param schema        schema of the table, unquoted and as stored in the catalog (e.g. {@code public})
 * @param table         table name, as stored in the catalog
 * @param column        the new column, as stored in the catalog
 * @param type          SQL type of the column, as written in the spec (e.g. {@code text}, {@code numeric(10,2)})
 * @param readFallback  SQL expression readers see while the column is absent or NULL; never null ("NULL" at least)
 * @param phase         current phase
 * @param writesEnabled the runtime write flag
 * @param columnDefault the spec's final DEFAULT expression as written, or null; catalog metadata shows it for
 *                      the column while it does not exist yet (never spliced into SQL)
 */
public record ColumnMigration(String id, String schema, String table, String column, String type,
                              String readFallback, Phase phase, boolean writesEnabled, String columnDefault) {

    /** A migration whose spec has no default. */
    public ColumnMigration(String id, String schema, String table, String column, String type,
                           String readFallback, Phase phase, boolean writesEnabled) {
        this(id, schema, table, column, type, readFallback, phase, writesEnabled, null);
    }

    public ColumnMigration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(phase, "phase");
        readFallback = readFallback == null || readFallback.isBlank() ? "NULL" : readFallback;
    }

    /** Whether statements writing the column must have those writes removed right now. */
    public boolean writesGated() {
        return phase.gatesWrites(writesEnabled);
    }

    public String qualifiedTable() {
        return schema + "." + table;
    }

    public ColumnMigration withPhase(Phase newPhase) {
        return new ColumnMigration(id, schema, table, column, type, readFallback, newPhase, writesEnabled, columnDefault);
    }

    public ColumnMigration withWritesEnabled(boolean enabled) {
        return new ColumnMigration(id, schema, table, column, type, readFallback, phase, enabled, columnDefault);
    }
}
