package io.colshift.state;

import java.util.Locale;
import java.util.Set;

/**
 * Type names as data: a name (optionally schema-qualified), the multi-word spellings SQL has ({@code double
 * precision}, {@code timestamp with time zone}, {@code interval day to second}), an optional modifier of one or two
 * integers and array brackets, nothing else. The normalised form lower-cases unquoted names and keywords and
 * spaces words by one blank; it is safe to splice as it is, since it consists of names, those keywords, integers
 * and balanced brackets only.
 */
public final class TypeNames {

    public static final int MAX_CHARS = 200;

    /** The words that may follow a type name: every multi-word type PostgreSQL knows is made of these. */
    private static final Set<String> WORDS = Set.of("varying", "precision", "with", "without", "time", "zone",
            "year", "month", "day", "hour", "minute", "second", "to");

    private final String text;
    private final StringBuilder out = new StringBuilder();
    private int i;

    private TypeNames(String text) {
        this.text = text;
    }

    /**
     * @return the normalised type name, e.g. {@code numeric(10,2)}, {@code myschema."Mood"[]}
     * @throws UnsafeSqlException when {@code text} is not a type name
     */
    public static String normalise(String text) throws UnsafeSqlException {
        if (text == null || text.isBlank()) {
            throw new UnsafeSqlException("is empty");
        }
        if (text.length() > MAX_CHARS) {
            throw new UnsafeSqlException("is longer than " + MAX_CHARS + " characters");
        }
        TypeNames parser = new TypeNames(text);
        try {
            parser.parse();
        } catch (UnsafeSqlException e) {
            throw new UnsafeSqlException("is not a type name (" + e.getMessage() + "; e.g. text, varchar(20),"
                    + " numeric(10,2), timestamp with time zone, int[], myschema.mytype), got '" + SafeText.cut(text) + "'");
        }
        return parser.out.toString();
    }

    private void parse() throws UnsafeSqlException {
        skipSpace();
        name();
        if (peek() == '.') {
            i++;
            out.append('.');
            name();
        }
        boolean modifier = false;
        while (true) {
            skipSpace();
            char c = peek();
            if (c == '(' && !modifier) {
                modifier();
                modifier = true;
            } else if (isLetter(c)) {
                int start = i;
                while (isLetter(peek())) {
                    i++;
                }
                String word = text.substring(start, i).toLowerCase(Locale.ROOT);
                if (!WORDS.contains(word)) {
                    throw new UnsafeSqlException("'" + SafeText.cut(word) + "' cannot follow a type name");
                }
                out.append(' ').append(word);
            } else {
                break;
            }
        }
        while (peek() == '[') {
            i++;
            skipSpace();
            out.append('[');
            digits(false);
            skipSpace();
            expect(']');
            out.append(']');
            skipSpace();
        }
        if (i != text.length()) {
            throw new UnsafeSqlException("unexpected '" + SafeText.cut(String.valueOf(text.charAt(i))) + "'");
        }
    }

    private void name() throws UnsafeSqlException {
        char c = peek();
        if (c == '"') {
            StringBuilder quoted = new StringBuilder();
            i++;
            while (true) {
                if (i >= text.length()) {
                    throw new UnsafeSqlException("a quoted name is left open");
                }
                char q = text.charAt(i++);
                if (q == '"') {
                    if (peek() == '"') {
                        i++;
                    } else {
                        break;
                    }
                }
                if (q < 0x20 || q == 0x7f) {
                    throw new UnsafeSqlException("a control character in a name");
                }
                quoted.append(q);
            }
            if (quoted.isEmpty() || SqlIdentifiers.utf8Length(quoted.toString()) > SqlIdentifiers.MAX_LENGTH) {
                throw new UnsafeSqlException("a quoted name must have 1 to " + SqlIdentifiers.MAX_LENGTH + " bytes");
            }
            out.append(SqlIdentifiers.quote(quoted.toString()));
            return;
        }
        if (!isLetter(c) && c != '_') {
            throw new UnsafeSqlException("a type name must start with a letter");
        }
        int start = i;
        while (isLetter(peek()) || peek() == '_' || (peek() >= '0' && peek() <= '9') || peek() == '$') {
            i++;
        }
        if (i - start > SqlIdentifiers.MAX_LENGTH) {
            throw new UnsafeSqlException("a name is longer than " + SqlIdentifiers.MAX_LENGTH + " bytes");
        }
        out.append(text.substring(start, i).toLowerCase(Locale.ROOT));
    }

    private void modifier() throws UnsafeSqlException {
        i++;
        out.append('(');
        skipSpace();
        digits(true);
        skipSpace();
        if (peek() == ',') {
            i++;
            out.append(',');
            skipSpace();
            if (peek() == '-') {
                i++;
                out.append('-');
            }
            digits(true);
            skipSpace();
        }
        expect(')');
        out.append(')');
    }

    private void digits(boolean required) throws UnsafeSqlException {
        int start = i;
        while (peek() >= '0' && peek() <= '9' && i - start < 10) {
            i++;
        }
        if (required && i == start) {
            throw new UnsafeSqlException("a type modifier must be an integer");
        }
        out.append(text, start, i);
    }

    private void expect(char c) throws UnsafeSqlException {
        if (peek() != c) {
            throw new UnsafeSqlException("expected '" + c + "'");
        }
        i++;
    }

    private void skipSpace() {
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\n'
                || text.charAt(i) == '\r')) {
            i++;
        }
    }

    private char peek() {
        return i < text.length() ? text.charAt(i) : '\0';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
