package io.colshift.state;

/**
 * Makes text read from the database (the control schema, the catalog, {@code pg_stat_*} views, heartbeat rows the
 * application role writes, server error messages that quote names and values) safe to print on an operator's
 * terminal. A control character in it (ESC starts a terminal escape sequence, CR overwrites a line, a newline forges
 * one) or an invisible formatting character (bidirectional overrides reorder what is shown) is printed as a visible
 * escape instead of being sent. Everything the CLI prints and the driver logs that came from the database or a spec goes through this one class.
 *
 * <p>Escaped are Unicode's control (Cc: C0, DEL, C1), format (Cf: bidirectional controls, zero-width characters),
 * unpaired surrogate (Cs), line and paragraph separator (Zl, Zp) characters: {@code \n}, {@code \r}, {@code \t},
 * {@code \e} for ESC, else {@code \u001b}-style ({@code \U000e0001} beyond the BMP). A backslash stays as it is:
 * the escaping protects the terminal, it is not meant to be undone.
 */
public final class SafeText {

    private SafeText() {
    }

    /** {@code text} with every unsafe character escaped, on one line; {@code null} stays {@code null}. */
    public static String of(String text) {
        return text == null ? null : escape(text, false);
    }

    /** Longest text {@link #cut} keeps, in characters: a message quotes a value, it does not reproduce it. */
    public static final int CUT_AT = 120;

    /** {@link #of(String)} of at most the first {@link #CUT_AT} characters, with "…" when more were cut. */
    public static String cut(String text) {
        if (text == null || text.length() <= CUT_AT) {
            return of(text);
        }
        int end = Character.isHighSurrogate(text.charAt(CUT_AT - 1)) ? CUT_AT - 1 : CUT_AT;
        return of(text.substring(0, end)) + "…";
    }

    /** {@link #of(String)} of {@code value.toString()}, or {@code null}. */
    public static String of(Object value) {
        return value == null ? null : of(value.toString());
    }

    /** Several lines: newlines are kept, every other unsafe character is escaped; {@code null} gives "". */
    public static String text(String text) {
        return text == null ? "" : escape(text, true);
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
                return;
            }
            switch (cp) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0x1b -> out.append("\\e");
                default -> out.append(cp <= 0xffff ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp));
            }
        });
        return out.toString();
    }
}
