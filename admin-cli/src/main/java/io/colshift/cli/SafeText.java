package io.colshift.cli;

/**
 * Makes text read from the database (the control schema, the catalog, {@code pg_stat_*} views, heartbeat rows the
 * application role writes) safe to print on an operator's terminal: control characters, which could move the
 * cursor, rewrite earlier lines or change the terminal's settings, are shown as escapes instead of being sent.
 * Everything the CLI prints that came from the database goes through this one class.
 */
public final class SafeText {

    private SafeText() {
    }

    /**
     * {@code text} with every control character (C0, DEL, C1, and the Unicode line/paragraph separators and
     * bidirectional overrides that can disguise text) replaced by a visible escape: {@code \n}, {@code \t},
     * {@code \r}, {@code \\e} for ESC, else {@code \u001b}-style; a backslash itself stays as is. {@code null}
     * stays {@code null}.
     */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = escape(c);
            if (escape == null) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            out.append(escape);
        }
        return out == null ? text : out.toString();
    }

    /** {@link #of(String)} of {@code value.toString()}, or {@code null}. */
    public static String of(Object value) {
        return value == null ? null : of(value.toString());
    }

    private static String escape(char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            case 0x1b:
                return "\\e";
            default:
                break;
        }
        boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f)
                || c == '\u2028' || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
        return control ? String.format("\\u%04x", (int) c) : null;
    }
}
