package io.colshift.phase;

/**
 * Makes text safe to print on an operator's terminal. Much of what the CLI prints comes from the database, and
 * some of it from roles the CLI does not trust: {@code clients} rows (host, application name) are written by the
 * application role, {@code pg_stat_activity} shows any session's application name and query, and server error
 * messages quote identifiers and values. A control character in any of them (ESC starts a terminal escape
 * sequence, CR overwrites a line, a newline forges one) or an invisible formatting character (bidirectional
 * overrides reorder what is shown) is printed as a visible escape instead: {@code \x1b}, {@code \u202e}.
 *
 * <p>Escaped are Unicode's control (Cc), format (Cf), surrogate (Cs), line and paragraph separator (Zl, Zp)
 * characters. Backslashes are kept as they are: the escaping protects the terminal, it is not meant to be undone.
 */
public final class SafeText {

    private SafeText() {
    }

    /** One line: every unsafe character escaped, newlines and tabs included; {@code null} prints as {@code -}. */
    public static String line(Object value) {
        return escape(value == null ? "-" : value.toString(), false);
    }

    /** Several lines: newlines are kept, every other unsafe character is escaped. */
    public static String text(String value) {
        return value == null ? "" : escape(value, true);
    }

    /** Whether {@code codePoint} is printed as an escape. */
    public static boolean unsafe(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR,
                 Character.PARAGRAPH_SEPARATOR -> true;
            default -> false;
        };
    }

    private static String escape(String s, boolean keepNewlines) {
        if (s.codePoints().noneMatch(cp -> unsafe(cp) && !(keepNewlines && cp == '\n'))) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(cp -> {
            if (!unsafe(cp) || (keepNewlines && cp == '\n')) {
                out.appendCodePoint(cp);
            } else if (cp <= 0xff) {
                out.append(String.format("\\x%02x", cp));
            } else if (cp <= 0xffff) {
                out.append(String.format("\\u%04x", cp));
            } else {
                out.append(String.format("\\U%08x", cp));
            }
        });
        return out.toString();
    }
}
