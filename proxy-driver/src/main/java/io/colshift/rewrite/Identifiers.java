package io.colshift.rewrite;

import java.util.Locale;

/** PostgreSQL identifier rules: unquoted names fold to lower case, quoted names keep their spelling. */
final class Identifiers {

    private Identifiers() {
    }

    /** The name as the catalog stores it. */
    static String normalize(String identifier) {
        if (identifier == null) {
            return null;
        }
        int n = identifier.length();
        if (n >= 2 && identifier.charAt(0) == '"' && identifier.charAt(n - 1) == '"') {
            return identifier.substring(1, n - 1).replace("\"\"", "\"");
        }
        return identifier.toLowerCase(Locale.ROOT);
    }

    /** Lower-case form used for the snapshot's {@code schema.table} keys. */
    static String key(String identifier) {
        String normalized = normalize(identifier);
        return normalized == null ? null : normalized.toLowerCase(Locale.ROOT);
    }
}
