package io.colshift.phase;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * How contract makes the column NOT NULL without holding an ACCESS EXCLUSIVE lock for a table scan, per server
 * version:
 * <ul>
 *   <li>PG 18+: {@code ADD CONSTRAINT … NOT NULL col NOT VALID} (catalog only), then {@code VALIDATE CONSTRAINT}
 *       (scans under SHARE UPDATE EXCLUSIVE, which lets reads and writes through);</li>
 *   <li>PG 12–17: {@code CHECK (col IS NOT NULL) NOT VALID}, {@code VALIDATE}, then {@code SET NOT NULL}, which
 *       skips its scan because the validated check proves there is no NULL, then the check is dropped;</li>
 *   <li>PG 11 and older: {@code SET NOT NULL} always scans under ACCESS EXCLUSIVE, so the validated CHECK stays
 *       as the guarantee instead (same rows refused, reported by {@code complete}).</li>
 * </ul>
 */
public record NotNullRecipe(ServerVersion server, MigrationRecord migration) {

    /** One statement of the recipe, with the lock it takes and whether it scans the table. */
    public record Statement(String name, String sql, String lock, boolean scans) {
    }

    /** Name of the helper CHECK (PG ≤ 17) or of the native NOT NULL constraint (PG 18+). */
    public String constraintName() {
        return cut(server.nativeNotNullNotValid()
                ? migration.table() + "_" + migration.column() + "_not_null"
                : "colshift_" + migration.column() + "_not_null");
    }

    public List<Statement> statements() {
        String t = "ALTER TABLE " + migration.quotedTable();
        String c = Sql.ident(constraintName());
        if (server.nativeNotNullNotValid()) {
            return List.of(
                    new Statement("add-not-null", t + " ADD CONSTRAINT " + c + " NOT NULL " + migration.quotedColumn()
                            + " NOT VALID", "ACCESS EXCLUSIVE", false),
                    new Statement("validate", t + " VALIDATE CONSTRAINT " + c, "SHARE UPDATE EXCLUSIVE", true));
        }
        Statement add = new Statement("add-check", t + " ADD CONSTRAINT " + c + " CHECK (" + migration.quotedColumn()
                + " IS NOT NULL) NOT VALID", "ACCESS EXCLUSIVE", false);
        Statement validate = new Statement("validate", t + " VALIDATE CONSTRAINT " + c, "SHARE UPDATE EXCLUSIVE", true);
        if (!server.notNullProvenByCheck()) {
            return List.of(add, validate);
        }
        return List.of(add, validate,
                new Statement("set-not-null", t + " ALTER COLUMN " + migration.quotedColumn() + " SET NOT NULL",
                        "ACCESS EXCLUSIVE", false),
                new Statement("drop-check", t + " DROP CONSTRAINT IF EXISTS " + c, "ACCESS EXCLUSIVE", false));
    }

    private static String cut(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= 63) {
            return name;
        }
        String s = new String(bytes, 0, 63, StandardCharsets.UTF_8);
        return s.endsWith("\uFFFD") ? s.substring(0, s.length() - 1) : s;
    }
}
