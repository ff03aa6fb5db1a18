package io.colshift.rewrite;

import io.colshift.state.ColumnMigration;
import io.colshift.state.Phase;
import io.colshift.state.StateSnapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statement corpus under {@code src/test/resources/rewrite/corpus}: statements of the shapes real
 * applications send, each with its bind values and the expected rewrite in every phase that rewrites.
 *
 * <pre>
 * === name
 * SQL (one or more lines)
 * --- params: 1, 'text', null, {1,2}, ts:'2024-01-01T00:00:00Z', 1.50
 * --- compare: rows | shape | count
 * --- declared
 * expected SQL, or "= unchanged"
 * --- declared map: 1,0,2        (only when parameters moved)
 * --- declared count             (UPDATE answered by SELECT count(*))
 * --- expanded …  --- backfilling …
 * </pre>
 */
final class Corpus {

    static final String[] FILES = {"hibernate.sql", "spring-data.sql", "jooq.sql", "mybatis.sql", "handwritten.sql",
            "writes.sql", "passthrough.sql"};

    static final String FALLBACK = "CASE WHEN deleted_at IS NULL THEN 'active' ELSE 'gone' END";

    /** The phases whose rewrite the corpus records: each differs in read mode or write gating. */
    enum Variant {
        DECLARED("declared", Phase.DECLARED, false),
        EXPANDED("expanded", Phase.EXPANDED, false),
        BACKFILLING("backfilling", Phase.BACKFILLING, true),
        CONTRACTED("contracted", Phase.CONTRACTED, true);

        final String label;
        final Phase phase;
        final boolean writes;

        Variant(String label, Phase phase, boolean writes) {
            this.label = label;
            this.phase = phase;
            this.writes = writes;
        }

        StateSnapshot snapshot() {
            ColumnMigration m = new ColumnMigration("users-status", "public", "users", "status", "text", FALLBACK,
                    phase, writes);
            Map<String, List<String>> columns = new LinkedHashMap<>();
            List<String> users = new ArrayList<>(List.of("id", "name", "email", "deleted_at", "balance", "profile",
                    "created_at", "version"));
            if (phase.columnExists()) {
                users.add("status");
            }
            columns.put("public.users", users);
            columns.put("public.orders", List.of("id", "user_id", "total", "status", "note", "created_at"));
            columns.put("public.tags", List.of("id", "user_id", "label"));
            return new StateSnapshot(1000 + ordinal(), List.of(m), columns, List.of("public"));
        }
    }

    enum Compare { ROWS, SHAPE, COUNT }

    record Expected(String sql, int[] map, boolean count) {
        boolean unchanged() {
            return sql == null;
        }
    }

    static final class Entry {
        final String file;
        final String name;
        final String sql;
        final String params;
        final Compare compare;
        final Map<Variant, Expected> expected = new LinkedHashMap<>();

        Entry(String file, String name, String sql, String params, Compare compare) {
            this.file = file;
            this.name = name;
            this.sql = sql;
            this.params = params;
            this.compare = compare;
        }

        List<Object> bindValues() {
            return parseParams(params);
        }

        @Override
        public String toString() {
            return file + ": " + name;
        }
    }

    private Corpus() {
    }

    static List<Entry> load() {
        List<Entry> all = new ArrayList<>();
        for (String f : FILES) {
            all.addAll(load(f, read(f)));
        }
        return all;
    }

    private static String read(String file) {
        try (InputStream in = Corpus.class.getResourceAsStream("/rewrite/corpus/" + file)) {
            if (in == null) {
                throw new IllegalStateException("corpus file missing: " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Entry> load(String file, String text) {
        List<Entry> entries = new ArrayList<>();
        String[] blocks = ("\n" + text).split("\n=== ");
        for (int b = 1; b < blocks.length; b++) {
            String block = blocks[b];
            int nl = block.indexOf('\n');
            String name = block.substring(0, nl).strip();
            String[] sections = block.substring(nl + 1).split("\n--- ", -1);
            String sql = stripTrailingNewlines(sections[0]);
            String params = "";
            Compare compare = Compare.ROWS;
            Map<Variant, String> texts = new LinkedHashMap<>();
            Map<Variant, int[]> maps = new LinkedHashMap<>();
            Map<Variant, Boolean> counts = new LinkedHashMap<>();
            for (int s = 1; s < sections.length; s++) {
                String section = sections[s];
                int end = section.indexOf('\n');
                String head = (end < 0 ? section : section.substring(0, end)).strip();
                String body = end < 0 ? "" : stripTrailingNewlines(section.substring(end + 1));
                if (head.startsWith("params:")) {
                    params = head.substring("params:".length()).strip();
                } else if (head.startsWith("compare:")) {
                    compare = Compare.valueOf(head.substring("compare:".length()).strip().toUpperCase());
                } else {
                    String[] words = head.split("\\s+", 2);
                    Variant v = Variant.valueOf(words[0].toUpperCase());
                    if (words.length == 1) {
                        texts.put(v, body);
                    } else if (words[1].startsWith("map:")) {
                        maps.put(v, parseMap(words[1].substring(4).strip()));
                    } else if (words[1].equals("count")) {
                        counts.put(v, true);
                    } else {
                        throw new IllegalArgumentException(file + " " + name + ": unknown section " + head);
                    }
                }
            }
            Entry e = new Entry(file, name, sql, params, compare);
            texts.forEach((v, t) -> e.expected.put(v, new Expected(t.equals("= unchanged") ? null : t, maps.get(v),
                    counts.getOrDefault(v, false))));
            entries.add(e);
        }
        return entries;
    }

    private static String stripTrailingNewlines(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }

    private static int[] parseMap(String s) {
        String[] parts = s.split(",");
        int[] map = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            map[i] = Integer.parseInt(parts[i].strip());
        }
        return map;
    }

    /** The observed rewrite in the corpus's notation. */
    static Expected observed(Rewrite r, Entry e, int parameterCount) {
        if (r.isUnchanged()) {
            return new Expected(null, null, false);
        }
        int[] map = null;
        if (!r.parametersUnchanged()) {
            map = new int[parameterCount];
            for (int i = 1; i <= parameterCount; i++) {
                map[i - 1] = r.mapParameter(i);
            }
        }
        return new Expected(r.applyTo(e.sql), map, r.countInsteadOfUpdate());
    }

    /** Writes the corpus file back with the observed rewrites: how expected texts are first produced for review. */
    static void write(Path file, List<Entry> entries, Map<Entry, Map<Variant, Expected>> observed) throws IOException {
        StringBuilder sb = new StringBuilder();
        String header = Files.readString(file);
        int first = header.indexOf("\n=== ");
        if (header.startsWith("=== ")) {
            first = -1;
        }
        if (first >= 0) {
            sb.append(header, 0, first + 1);
        }
        for (Entry e : entries) {
            sb.append("=== ").append(e.name).append('\n').append(e.sql).append('\n');
            if (!e.params.isEmpty()) {
                sb.append("--- params: ").append(e.params).append('\n');
            }
            if (e.compare != Compare.ROWS) {
                sb.append("--- compare: ").append(e.compare.name().toLowerCase()).append('\n');
            }
            for (Map.Entry<Variant, Expected> o : observed.get(e).entrySet()) {
                if (o.getKey() == Variant.CONTRACTED) {
                    continue;
                }
                Expected x = o.getValue();
                String label = o.getKey().label;
                sb.append("--- ").append(label).append('\n').append(x.unchanged() ? "= unchanged" : x.sql()).append('\n');
                if (x.map() != null) {
                    sb.append("--- ").append(label).append(" map: ");
                    for (int i = 0; i < x.map().length; i++) {
                        sb.append(i == 0 ? "" : ",").append(x.map()[i]);
                    }
                    sb.append('\n');
                }
                if (x.count()) {
                    sb.append("--- ").append(label).append(" count\n");
                }
            }
            sb.append('\n');
        }
        Files.writeString(file, sb.toString());
    }

    static List<Object> parseParams(String params) {
        List<Object> values = new ArrayList<>();
        if (params == null || params.isBlank()) {
            return values;
        }
        for (String raw : splitTopLevel(params)) {
            values.add(parseValue(raw.strip()));
        }
        return values;
    }

    private static Object parseValue(String v) {
        if (v.equals("null")) {
            return null;
        }
        if (v.equals("true") || v.equals("false")) {
            return Boolean.valueOf(v);
        }
        if (v.startsWith("ts:")) {
            return OffsetDateTime.parse(unquote(v.substring(3)));
        }
        if (v.startsWith("'")) {
            return unquote(v);
        }
        if (v.startsWith("{")) {
            List<String> items = splitTopLevel(v.substring(1, v.length() - 1));
            if (!items.isEmpty() && items.get(0).strip().startsWith("'")) {
                return items.stream().map(s -> unquote(s.strip())).toArray(String[]::new);
            }
            return items.stream().map(s -> Long.valueOf(s.strip())).toArray(Long[]::new);
        }
        if (v.contains(".")) {
            return new BigDecimal(v);
        }
        return Long.valueOf(v);
    }

    private static String unquote(String s) {
        return s.substring(1, s.length() - 1).replace("''", "'");
    }

    private static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '{') {
                depth++;
            } else if (!quoted && c == '}') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        if (start < s.length()) {
            parts.add(s.substring(start));
        }
        return parts;
    }
}
