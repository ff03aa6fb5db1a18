package io.colshift.state;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an expression text into tokens the way PostgreSQL's own lexer does, as far as it matters for keeping a
 * spliced text inside its parentheses: string literals ({@code '…'} with {@code ''}, {@code E'…'} with backslash
 * escapes), quoted identifiers, nested {@code /* … *&#47;} and {@code --} comments, parentheses and semicolons.
 * JSQLParser's lexer differs from PostgreSQL's in places (nested comments, dollar quotes, {@code U&'…'}); where
 * the two could disagree on where a literal or a comment ends, the text is refused instead of guessed at.
 *
 * <p>The result has comments removed (each replaced by one space), so that a trailing {@code --} can never comment
 * out the rest of a statement the text is spliced into.
 */
final class SqlLexer {

    /** Deeper nesting than this is refused: the parsers recurse once per level. */
    static final int MAX_DEPTH = 64;

    /** The text without comments, and its string literals and quoted identifiers in order, as written. */
    record Lexed(String withoutComments, List<String> literals) {
    }

    private final String text;
    private final StringBuilder out;
    private final List<String> literals = new ArrayList<>();
    private int i;

    private SqlLexer(String text) {
        this.text = text;
        this.out = new StringBuilder(text.length());
    }

    /** @throws UnsafeSqlException when the text has anything outside what an expression may contain */
    static Lexed lex(String text) throws UnsafeSqlException {
        SqlLexer lexer = new SqlLexer(text);
        lexer.run();
        return new Lexed(lexer.out.toString().strip(), List.copyOf(lexer.literals));
    }

    private void run() throws UnsafeSqlException {
        int depth = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                throw new UnsafeSqlException("contains a control character (U+" + String.format("%04X", (int) c) + ")");
            }
            if (c == '-' && at(i + 1) == '-') {
                skipLineComment();
            } else if (c == '/' && at(i + 1) == '*') {
                skipBlockComment();
            } else if (c == '\'') {
                string(i, false);
            } else if (c == '"') {
                quotedIdentifier();
            } else if (c == '$') {
                if (isDigit(at(i + 1))) {
                    throw new UnsafeSqlException("contains a parameter placeholder ($" + at(i + 1) + "…)");
                }
                throw new UnsafeSqlException("contains a dollar-quoted string or a '$' outside a name; write the"
                        + " string as '…' instead");
            } else if (c == ';') {
                throw new UnsafeSqlException("contains a statement terminator ';' outside a string");
            } else if (c == '?') {
                throw new UnsafeSqlException("contains '?', which JDBC takes for a parameter placeholder (for the jsonb"
                        + " operators use jsonb_exists, jsonb_exists_any, jsonb_exists_all)");
            } else if (c == '\\') {
                throw new UnsafeSqlException("contains a backslash outside a string");
            } else if (c == '(') {
                if (++depth > MAX_DEPTH) {
                    throw new UnsafeSqlException("nests parentheses deeper than " + MAX_DEPTH + " levels");
                }
                out.append(c);
                i++;
            } else if (c == ')') {
                if (--depth < 0) {
                    throw new UnsafeSqlException("closes a parenthesis it did not open");
                }
                out.append(c);
                i++;
            } else if (isIdentifierStart(c)) {
                word();
            } else {
                out.append(c);
                i++;
            }
        }
        if (depth != 0) {
            throw new UnsafeSqlException("leaves a parenthesis open");
        }
    }

    /** A name or keyword; {@code E'…'} and {@code U&'…'} / {@code U&"…"} start here too. */
    private void word() throws UnsafeSqlException {
        int start = i;
        while (i < text.length() && isIdentifierPart(text.charAt(i))) {
            i++;
        }
        String word = text.substring(start, i);
        if (at(i) == '&' && word.equalsIgnoreCase("u") && (at(i + 1) == '\'' || at(i + 1) == '"')) {
            throw new UnsafeSqlException("contains a Unicode-escape literal U&…; write the characters themselves");
        }
        if (at(i) == '\'' && word.equalsIgnoreCase("e")) {
            out.append(word);
            string(i, true);
            return;
        }
        out.append(word);
    }

    private void string(int quote, boolean escapes) throws UnsafeSqlException {
        int end = SqlSpans.quotedEnd(text, quote, escapes);
        if (end == SqlSpans.UNTERMINATED) {
            throw new UnsafeSqlException("leaves a string literal open");
        }
        for (int j = quote + 1; j < end - 1; j++) {
            char c = text.charAt(j);
            if (c == 0) {
                throw new UnsafeSqlException("contains a NUL character");
            }
            if (c == '\\') {
                if (!escapes) {
                    // its meaning depends on standard_conforming_strings: the literal might end elsewhere
                    throw new UnsafeSqlException("contains a backslash in a '…' string, which reads differently"
                            + " depending on standard_conforming_strings; write E'…' for escapes");
                }
                if (text.charAt(j + 1) == '\'') {
                    // JSQLParser ends the literal at this quote, PostgreSQL does not: they would disagree on the rest
                    throw new UnsafeSqlException("escapes a quote with a backslash in E'…'; write '' for a quote");
                }
                j++; // the escaped character, which cannot be the closing quote
                if (text.charAt(j) == 0) {
                    throw new UnsafeSqlException("contains a NUL character");
                }
            }
        }
        keep(quote, end);
    }

    private void quotedIdentifier() throws UnsafeSqlException {
        int end = SqlSpans.quotedEnd(text, i, false);
        if (end == SqlSpans.UNTERMINATED) {
            throw new UnsafeSqlException("leaves a quoted name open");
        }
        if (end == i + 2) {
            throw new UnsafeSqlException("contains an empty quoted name \"\"");
        }
        if (text.substring(i, end).indexOf(0) >= 0) {
            throw new UnsafeSqlException("contains a NUL character");
        }
        keep(i, end);
    }

    /** Keeps the literal or quoted name {@code [begin, end)} as written, and moves past it. */
    private void keep(int begin, int end) {
        String literal = text.substring(begin, end);
        literals.add(literal);
        out.append(literal);
        i = end;
    }

    private void skipLineComment() {
        i = SqlSpans.lineCommentEnd(text, i);
        out.append(' ');
    }

    private void skipBlockComment() throws UnsafeSqlException {
        int end = SqlSpans.blockCommentEnd(text, i);
        if (end == SqlSpans.UNTERMINATED) {
            throw new UnsafeSqlException("leaves a /* comment open");
        }
        i = end;
        out.append(' ');
    }

    private char at(int index) {
        return index < text.length() ? text.charAt(index) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    /** {@code $} inside a name is PostgreSQL's; at the start it would be a parameter or a dollar quote. */
    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c) || c == '$';
    }
}
