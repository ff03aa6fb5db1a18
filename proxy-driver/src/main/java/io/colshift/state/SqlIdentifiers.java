package io.colshift.state;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * PostgreSQL identifiers as written in specs: unquoted names fold to lower case, {@code "Quoted"} names keep
 * their case. Results are catalog spellings ({@code pg_class.relname}, {@code pg_attribute.attname}).
 */
public final class SqlIdentifiers {

    /**
     * In bytes of UTF-8, as PostgreSQL counts (NAMEDATALEN - 1). PostgreSQL truncates longer names silently;
     * refusing them avoids a spec naming a column it will not get.
     */
    public static final int MAX_LENGTH = 63;

    private SqlIdentifiers() {
    }

    /**
     * Splits {@code text} into dot-separated identifiers in catalog spelling.
     *
     * @return empty when {@code text} is not a sequence of valid identifiers
     */
    public static Optional<List<String>> parse(String text) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (true) {
            int end;
            String part;
            if (i < n && text.charAt(i) == '"') {
                StringBuilder quoted = new StringBuilder();
                end = i + 1;
                while (true) {
                    if (end >= n) {
                        return Optional.empty();
                    }
                    char c = text.charAt(end);
                    if (c == '"') {
                        if (end + 1 < n && text.charAt(end + 1) == '"') {
                            quoted.append('"');
                            end += 2;
                            continue;
                        }
                        end++;
                        break;
                    }
                    quoted.append(c);
                    end++;
                }
                part = quoted.toString();
            } else {
                end = i;
                while (end < n && isIdentifierChar(text.charAt(end), end == i)) {
                    end++;
                }
                part = text.substring(i, end).toLowerCase(Locale.ROOT);
            }
            if (part.isEmpty() || utf8Length(part) > MAX_LENGTH || hasControlCharacter(part)) {
                return Optional.empty();
            }
            parts.add(part);
            if (end == n) {
                return Optional.of(List.copyOf(parts));
            }
            if (text.charAt(end) != '.') {
                return Optional.empty();
            }
            i = end + 1;
        }
    }

    /** The name's length as PostgreSQL measures it. */
    public static int utf8Length(String name) {
        return name.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The first name of {@code text} (dot-separated) longer than {@link #MAX_LENGTH} bytes, if any; for messages. */
    public static Optional<String> overlongPart(String text) {
        for (String part : text.split("\\.")) {
            String bare = part.strip();
            if (bare.startsWith("\"") && bare.endsWith("\"") && bare.length() >= 2) {
                bare = bare.substring(1, bare.length() - 1).replace("\"\"", "\"");
            }
            if (utf8Length(bare) > MAX_LENGTH) {
                return Optional.of(bare);
            }
        }
        return Optional.empty();
    }

    private static boolean hasControlCharacter(String name) {
        return name.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }

    /** Quotes a catalog-spelled name for splicing into SQL; always quoted, so keywords and case are safe. */
    public static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** {@code "schema"."table"}. */
    public static String quote(String schema, String table) {
        return quote(schema) + "." + quote(table);
    }

    private static boolean isIdentifierChar(char c, boolean first) {
        boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
        return first ? letter : letter || (c >= '0' && c <= '9') || c == '$';
    }
}
