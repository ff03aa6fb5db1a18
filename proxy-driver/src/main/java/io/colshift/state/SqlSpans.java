package io.colshift.state;

/**
 * Where PostgreSQL ends a comment, a quoted literal or a quoted name that starts at a given index. The one
 * definition behind both of colshift's lexers: the rewriter's, which only locates spans in application
 * statements, and the strict one that validates spliced expression texts. Both must agree with the server on
 * where such a span ends, or text inside a literal could be read as SQL.
 */
public final class SqlSpans {

    /** Returned when the span runs to the end of the text without being closed. */
    public static final int UNTERMINATED = -1;

    private SqlSpans() {
    }

    /** Index of the line break ending the {@code --} comment at {@code start}, or the text's length. */
    public static int lineCommentEnd(String text, int start) {
        int i = start;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') { // either ends it
            i++;
        }
        return i;
    }

    /**
     * One past the {@code *}{@code /} closing the block comment at {@code start}, or {@link #UNTERMINATED}.
     * PostgreSQL nests block comments, unlike the SQL standard and JSQLParser.
     */
    public static int blockCommentEnd(String text, int start) {
        int depth = 0;
        int i = start;
        int n = text.length();
        while (i < n) {
            if (text.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (text.startsWith("*/", i)) {
                i += 2;
                if (--depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return UNTERMINATED;
    }

    /**
     * One past the quote closing the one at {@code open} ({@code '} or {@code "}; a doubled quote stays inside),
     * or {@link #UNTERMINATED}. With {@code backslashEscapes} (an {@code E'…'} string) a backslash also keeps the
     * character after it inside.
     */
    public static int quotedEnd(String text, int open, boolean backslashEscapes) {
        char quote = text.charAt(open);
        int i = open + 1;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < n && text.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return UNTERMINATED;
    }
}
