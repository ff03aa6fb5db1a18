package io.colshift.state;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One column migration as declared in its spec file, checked for shape (see {@link SpecParser}) but not yet
 * against a database (see {@link SpecValidator}). Names are in catalog spelling.
 *
 * @param id            unique id, {@code [a-z0-9-]+}
 * @param tableSchema   schema of the table, or null when the spec names the table unqualified
 * @param tableName     table name
 * @param column        the column to add
 * @param type          SQL type as written in the spec
 * @param defaultExpr   final DEFAULT expression, or null
 * @param backfillExpr  expression computing existing rows' value, or null (then the default is used)
 * @param notNull       whether the column becomes NOT NULL at contract
 * @param index         index built at contract, or null for none
 * @param readFallbackExpr what application reads see while the column is absent or NULL, when the spec says so
 *                      explicitly ({@code read_fallback:}), or null (then it is derived, see
 *                      {@link SpecValidator#readFallback})
 */
public record MigrationSpec(String id, String tableSchema, String tableName, String column, String type,
                            String defaultExpr, String backfillExpr, boolean notNull, IndexSpec index,
                            String readFallbackExpr) {

    /** @param concurrently build with {@code CREATE INDEX CONCURRENTLY} */
    public record IndexSpec(boolean concurrently) {
    }

    public MigrationSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tableName, "tableName");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(type, "type");
    }

    /** A spec without an explicit {@code read_fallback}. */
    public MigrationSpec(String id, String tableSchema, String tableName, String column, String type,
                         String defaultExpr, String backfillExpr, boolean notNull, IndexSpec index) {
        this(id, tableSchema, tableName, column, type, defaultExpr, backfillExpr, notNull, index, null);
    }

    /** The expression that fills existing rows: {@code backfill}, else {@code default}, else null. */
    public String effectiveBackfill() {
        return backfillExpr != null ? backfillExpr : defaultExpr;
    }

    /** {@code schema.table} (or just {@code table} when unqualified), catalog spelling, for messages. */
    public String displayTable() {
        return tableSchema == null ? tableName : tableSchema + "." + tableName;
    }

    /** The same spec with its table resolved to a schema. */
    public MigrationSpec withTableSchema(String schema) {
        return new MigrationSpec(id, schema, tableName, column, type, defaultExpr, backfillExpr, notNull, index,
                readFallbackExpr);
    }

    /**
     * The spec as stored in {@code migrations.spec} (jsonb) and read back by {@link SpecParser#parse}: field
     * names as in the spec file; identifiers quoted so that a round trip keeps their case.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", id);
        map.put("table", (tableSchema == null ? "" : SqlIdentifiers.quote(tableSchema) + ".") + SqlIdentifiers.quote(tableName));
        map.put("column", SqlIdentifiers.quote(column));
        map.put("type", type);
        if (defaultExpr != null) {
            map.put("default", defaultExpr);
        }
        if (backfillExpr != null) {
            map.put("backfill", backfillExpr);
        }
        if (readFallbackExpr != null) {
            map.put("read_fallback", readFallbackExpr);
        }
        map.put("not_null", notNull);
        if (index != null) {
            map.put("index", Map.of("concurrently", index.concurrently()));
        }
        return map;
    }
}
