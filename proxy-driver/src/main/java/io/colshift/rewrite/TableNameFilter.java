package io.colshift.rewrite;

import java.util.Collection;
import java.util.Locale;

/**
 * The cheap test every statement meets first: can this text name one of the migrating tables at all?
 * It scans identifier-like words once and compares those of a matching length, ignoring case, so a
 * statement that passes costs one scan and no allocation. False positives are fine (the parser decides
 * later); a false negative would skip a needed rewrite, so quoted names and every spelling are matched.
 */
final class TableNameFilter {

    private final String[] names;
    private final long lengthMask;
    private final int maxLength;

    TableNameFilter(Collection<String> tableNames) {
        this.names = tableNames.stream().map(n -> n.toLowerCase(Locale.ROOT)).distinct().toArray(String[]::new);
        long mask = 0;
        int max = 0;
        for (String n : names) {
            mask |= 1L << Math.min(n.length(), 63);
            max = Math.max(max, n.length());
        }
        this.lengthMask = mask;
        this.maxLength = max;
    }

    boolean mayReference(String sql) {
        final int n = sql.length();
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            if (!isWordChar(c)) {
                i++;
                continue;
            }
            int start = i;
            do {
                i++;
            } while (i < n && isWordChar(sql.charAt(i)));
            int len = i - start;
            if (len <= maxLength && (lengthMask & (1L << Math.min(len, 63))) != 0 && matches(sql, start, len)) {
                return true;
            }
        }
        return false;
    }

    private boolean matches(String sql, int start, int len) {
        for (String name : names) {
            if (name.length() == len && sql.regionMatches(true, start, name, 0, len)) {
                return true;
            }
        }
        return false;
    }

    private static final boolean[] ASCII_WORD = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_WORD[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
        }
    }

    private static boolean isWordChar(char c) {
        return c < 128 ? ASCII_WORD[c] : Character.isLetterOrDigit(c);
    }
}
