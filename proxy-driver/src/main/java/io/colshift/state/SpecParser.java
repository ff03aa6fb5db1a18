package io.colshift.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a spec read from YAML (or from {@code migrations.spec}) into a {@link MigrationSpec}, checking everything
 * that can be checked without a database: known fields, identifiers (at most 63 bytes), the type as a type name,
 * and that {@code default}, {@code backfill} and {@code read_fallback} each pass {@link SafeSql} for their use.
 * Expressions and the type are kept in their normalised form. All problems are reported at once.
 */
public final class SpecParser {

    static final Set<String> FIELDS = Set.of("id", "table", "column", "type", "default", "backfill", "read_fallback",
            "not_null", "index");
    static final Set<String> INDEX_FIELDS = Set.of("concurrently");

    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,63}");

    private SpecParser() {
    }

    /**
     * @param source where the spec came from (a file name), named in every error
     * @param raw    the spec's fields, as a YAML or JSON parser returns them
     */
    public static MigrationSpec parse(String source, Map<String, ?> raw) throws InvalidSpecException {
        List<SpecProblem> problems = new ArrayList<>();
        if (raw == null) {
            throw new InvalidSpecException(source, List.of(new SpecProblem("(document)", "is empty")));
        }
        raw.keySet().stream().filter(k -> !FIELDS.contains(k)).sorted()
                .forEach(k -> problems.add(new SpecProblem(k, "unknown field (known: " + String.join(", ", sorted(FIELDS)) + ")")));

        String id = requiredText(raw, "id", problems);
        if (id != null && !ID.matcher(id).matches()) {
            problems.add(new SpecProblem("id", "must match [a-z0-9-]+ (at most 63 characters), got '" + SafeText.cut(id) + "'"));
        }

        String schema = null;
        String table = null;
        String tableText = requiredText(raw, "table", problems);
        if (tableText != null) {
            Optional<List<String>> parts = SqlIdentifiers.parse(tableText.strip());
            if (SqlIdentifiers.overlongPart(tableText).isPresent()) {
                problems.add(tooLong("table", SqlIdentifiers.overlongPart(tableText).get()));
            } else if (parts.isEmpty() || parts.get().size() > 2) {
                problems.add(new SpecProblem("table", "not a valid table name (schema.table or table), got '" + tableText + "'"));
            } else if (parts.get().size() == 2) {
                schema = parts.get().get(0);
                table = parts.get().get(1);
            } else {
                table = parts.get().get(0);
            }
        }

        String column = null;
        String columnText = requiredText(raw, "column", problems);
        if (columnText != null) {
            Optional<List<String>> parts = SqlIdentifiers.parse(columnText.strip());
            if (SqlIdentifiers.overlongPart(columnText).isPresent()) {
                problems.add(tooLong("column", SqlIdentifiers.overlongPart(columnText).get()));
            } else if (parts.isEmpty() || parts.get().size() != 1) {
                problems.add(new SpecProblem("column", "not a valid column name, got '" + columnText + "'"));
            } else {
                column = parts.get().get(0);
            }
        }

        String typeText = requiredText(raw, "type", problems);
        String type = null;
        if (typeText != null) {
            try {
                type = TypeNames.normalise(typeText);
            } catch (UnsafeSqlException e) {
                problems.add(new SpecProblem("type", e.reason()));
            }
        }

        String defaultExpr = expression(raw, SafeSql.Use.DEFAULT, problems);
        String backfillExpr = expression(raw, SafeSql.Use.BACKFILL, problems);
        String readFallbackExpr = expression(raw, SafeSql.Use.READ_FALLBACK, problems);
        boolean notNull = bool(raw.get("not_null"), "not_null", problems);
        MigrationSpec.IndexSpec index = index(raw.get("index"), problems);
        if (notNull && defaultExpr == null && backfillExpr == null) {
            problems.add(new SpecProblem("not_null", "needs a default or a backfill: existing rows would have no value"));
        }

        if (!problems.isEmpty()) {
            throw new InvalidSpecException(source, problems);
        }
        return new MigrationSpec(id, schema, table, column, type, defaultExpr, backfillExpr, notNull, index,
                readFallbackExpr);
    }

    private static String requiredText(Map<String, ?> raw, String field, List<SpecProblem> problems) {
        Object value = raw.get(field);
        if (value == null) {
            problems.add(new SpecProblem(field, "is required"));
            return null;
        }
        if (!(value instanceof String text) || text.isBlank()) {
            problems.add(new SpecProblem(field, "must be a non-empty string, got " + describe(value)));
            return null;
        }
        return text;
    }

    /** The field's expression in normalised form, or null when absent or refused (then a problem is added). */
    private static String expression(Map<String, ?> raw, SafeSql.Use use, List<SpecProblem> problems) {
        String field = use.field();
        Object value = raw.get(field);
        if (value == null) {
            return null;
        }
        // YAML reads `default: 0` or `default: true` as a number or boolean; both are valid SQL literals as written
        if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
            problems.add(new SpecProblem(field, "must be an SQL expression in a string, got " + describe(value)));
            return null;
        }
        String text = value.toString().strip();
        try {
            return SafeSql.expression(text, use).normalised();
        } catch (UnsafeSqlException e) {
            problems.add(new SpecProblem(field, e.reason() + ": " + SafeText.cut(text)));
            return null;
        }
    }

    private static SpecProblem tooLong(String field, String name) {
        return new SpecProblem(field, "name '" + SafeText.cut(name) + "' is " + SqlIdentifiers.utf8Length(name)
                + " bytes long; PostgreSQL names are at most " + SqlIdentifiers.MAX_LENGTH + " bytes (UTF-8)");
    }

    private static boolean bool(Object value, String field, List<SpecProblem> problems) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        problems.add(new SpecProblem(field, "must be true or false, got " + describe(value)));
        return false;
    }

    private static MigrationSpec.IndexSpec index(Object value, List<SpecProblem> problems) {
        if (value == null || Boolean.FALSE.equals(value)) {
            return null;
        }
        if (Boolean.TRUE.equals(value)) {
            return new MigrationSpec.IndexSpec(true);
        }
        if (!(value instanceof Map<?, ?> map)) {
            problems.add(new SpecProblem("index", "must be a mapping like { concurrently: true }, got " + describe(value)));
            return null;
        }
        map.keySet().stream().map(String::valueOf).filter(k -> !INDEX_FIELDS.contains(k)).sorted()
                .forEach(k -> problems.add(new SpecProblem("index." + k, "unknown field (known: concurrently)")));
        Object concurrently = map.get("concurrently");
        return new MigrationSpec.IndexSpec(concurrently == null || bool(concurrently, "index.concurrently", problems));
    }

    private static String describe(Object value) {
        return value instanceof String s ? "'" + SafeText.cut(s) + "'" : value.getClass().getSimpleName().toLowerCase() + " " + value;
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
