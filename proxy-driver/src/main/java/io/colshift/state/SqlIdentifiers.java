package io.colshift.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * PostgreSQL identifiers as written in specs: unquoted names fold to lower case, {@code "Quoted"} names keep
 * their case. Results are catalog spellings ({@code pg_class.relname}, {@code pg_attribute.attname}).
 */
public final class SqlIdentifiers {

    /** PostgreSQL truncates longer names silently; refusing them avoids a spec naming a column it will not get. */
    static final int MAX_LENGTH = 63;

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
            if (part.isEmpty() || part.length() > MAX_LENGTH) {
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
