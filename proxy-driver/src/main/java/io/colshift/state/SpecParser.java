package io.colshift.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a spec read from YAML (or from {@code migrations.spec}) into a {@link MigrationSpec}, checking everything
 * that can be checked without a database: known fields, identifiers, the shape of the type, and that
 * {@code default} and {@code backfill} are each exactly one SQL expression. All problems are reported at once.
 */
public final class SpecParser {

    static final Set<String> FIELDS = Set.of("id", "table", "column", "type", "default", "backfill", "not_null", "index");
    static final Set<String> INDEX_FIELDS = Set.of("concurrently");

    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,63}");

    /**
     * A type name, optional typmod of integers, trailing keywords ({@code with time zone}) and array bounds.
     * Deliberately no function calls or punctuation beyond that: the text is spliced into a probe query.
     */
    private static final Pattern TYPE = Pattern.compile(
            "\\s*(?:[A-Za-z_][A-Za-z0-9_$]*|\"(?:[^\"]|\"\")+\")(?:\\.(?:[A-Za-z_][A-Za-z0-9_$]*|\"(?:[^\"]|\"\")+\"))?"
                    + "(?:\\s+[A-Za-z]+)*"
                    + "(?:\\s*\\(\\s*\\d+\\s*(?:,\\s*-?\\d+\\s*)?\\))?"
                    + "(?:\\s+[A-Za-z]+)*"
                    + "(?:\\s*\\[\\s*\\d*\\s*\\])*\\s*");

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
            problems.add(new SpecProblem("id", "must match [a-z0-9-]+ (at most 63 characters), got '" + id + "'"));
        }

        String schema = null;
        String table = null;
        String tableText = requiredText(raw, "table", problems);
        if (tableText != null) {
            Optional<List<String>> parts = SqlIdentifiers.parse(tableText.strip());
            if (parts.isEmpty() || parts.get().size() > 2) {
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
            if (parts.isEmpty() || parts.get().size() != 1) {
                problems.add(new SpecProblem("column", "not a valid column name, got '" + columnText + "'"));
            } else {
                column = parts.get().get(0);
            }
        }

        String type = requiredText(raw, "type", problems);
        if (type != null && (type.length() > 200 || !TYPE.matcher(type).matches())) {
            problems.add(new SpecProblem("type", "not a type name (e.g. text, numeric(10,2), timestamp with time zone,"
                    + " int[]), got '" + type + "'"));
        }

        String defaultExpr = expression(raw, "default", problems);
        String backfillExpr = expression(raw, "backfill", problems);
        boolean notNull = bool(raw.get("not_null"), "not_null", problems);
        MigrationSpec.IndexSpec index = index(raw.get("index"), problems);
        if (notNull && defaultExpr == null && backfillExpr == null) {
            problems.add(new SpecProblem("not_null", "needs a default or a backfill: existing rows would have no value"));
        }

        if (!problems.isEmpty()) {
            throw new InvalidSpecException(source, problems);
        }
        return new MigrationSpec(id, schema, table, column, type.strip(), defaultExpr, backfillExpr, notNull, index);
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

    private static String expression(Map<String, ?> raw, String field, List<SpecProblem> problems) {
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
        String[] reason = new String[1];
        Optional<SqlExpressions.Parsed> parsed = SqlExpressions.parse(text, reason);
        if (parsed.isEmpty()) {
            problems.add(new SpecProblem(field, reason[0] + ": " + text));
            return null;
        }
        if (field.equals("default") && parsed.get().hasSubquery()) {
            problems.add(new SpecProblem(field, "a DEFAULT cannot contain a subquery: " + text));
            return null;
        }
        return text;
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
        return value instanceof String s ? "'" + s + "'" : value.getClass().getSimpleName().toLowerCase() + " " + value;
    }

    private static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
