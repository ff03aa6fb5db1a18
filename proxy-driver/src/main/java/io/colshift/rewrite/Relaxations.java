package io.colshift.rewrite;

import io.colshift.rewrite.SqlLexer.Token;

import java.util.List;
import java.util.Set;

/**
 * Narrow pre-parse steps for PostgreSQL constructs the parser does not take. Each blanks (replaces with spaces)
 * a construct that cannot hold a column reference the rewrite would have to change, so the rest parses; offsets
 * stay those of the original, and the edits are spliced into the original text, which keeps the construct byte
 * for byte. Tried only after a parse failed, so statements the parser reads never pay for it. Nothing is
 * guessed: a statement that still does not parse fails open as before.
 *
 * <ul>
 *   <li>{@code ORDER BY x USING <operator>} (also {@code USING OPERATOR(schema.<)}): the sort operator goes;
 *       the sort expression stays and is rewritten like any ORDER BY item.</li>
 *   <li>{@code SELECT … INTO TEMP | TEMPORARY | UNLOGGED [TABLE] t} and {@code INTO TABLE t}: the table kind
 *       goes, {@code INTO t} stays.</li>
 *   <li>A string literal continued on the next line ({@code 'first line'↵' - next line'}, one literal to
 *       PostgreSQL): the continuations go, the first part stays. A literal holds no column reference.</li>
 * </ul>
 */
final class Relaxations {

    private static final Set<String> TABLE_KINDS = Set.of("temp", "temporary", "unlogged", "table");
    private static final Set<String> NOT_A_NAME = Set.of("from", "where", "group", "order", "limit", "union",
            "intersect", "except", "window", "having", "offset", "fetch", "for");

    /** The statement parsed with the constructs blanked, or null when none applies or it still does not parse. */
    ParsedStatement parse(String text, BoundedParser parser) {
        String relaxed = relax(text);
        if (relaxed == null) {
            return null;
        }
        try {
            return parser.parse(relaxed);
        } catch (BoundedParser.Failure f) {
            return null;
        }
    }

    /** The text with every construct above blanked, or null when it has none. */
    static String relax(String text) {
        List<Token> t = SqlLexer.tokens(text);
        char[] chars = null;
        for (int i = 0; i < t.size(); i++) {
            int to = -1;
            if (t.get(i).kind() == SqlLexer.Kind.STRING && i > 0 && continues(text, t.get(i - 1), t.get(i))) {
                to = i + 1;
            } else if (i + 1 >= t.size()) {
                break;
            } else if (t.get(i).isWord("using")) {
                to = sortOperatorEnd(t, i + 1);
            } else if (t.get(i).isWord("into") && (i == 0 || !t.get(i - 1).isWord("insert") && !t.get(i - 1).isWord("merge"))) {
                to = tableKindEnd(t, i + 1);
                i = to < 0 ? i : i + 1; // keep INTO itself
            }
            if (to > i) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                for (int c = t.get(i).begin(); c < t.get(to - 1).end(); c++) {
                    if (chars[c] != '\n') {
                        chars[c] = ' ';
                    }
                }
                i = to - 1;
            }
        }
        return chars == null ? null : new String(chars);
    }

    /** Two plain {@code '…'} literals with only white space and at least one line break between them. */
    private static boolean continues(String text, Token previous, Token literal) {
        if (previous.kind() != SqlLexer.Kind.STRING || text.charAt(previous.begin()) != '\''
                || text.charAt(literal.begin()) != '\'') {
            return false;
        }
        String between = text.substring(previous.end(), literal.begin());
        return between.isBlank() && between.indexOf('\n') >= 0;
    }

    /** One past the operator after USING in a sort clause, or -1 (JOIN … USING (…) and DELETE … USING t are not). */
    private static int sortOperatorEnd(List<Token> t, int from) {
        Token first = t.get(from);
        if (first.isWord("operator") && from + 1 < t.size() && t.get(from + 1).isPunct("(")) {
            int close = SqlLexer.matching(t, from + 1);
            return close < 0 ? -1 : close + 1;
        }
        int i = from;
        while (i < t.size() && t.get(i).kind() == SqlLexer.Kind.PUNCT && isOperatorChar(t.get(i).text().charAt(0))) {
            i++;
        }
        return i > from ? i : -1;
    }

    private static boolean isOperatorChar(char c) {
        return "+-*/<>=~!@#%^&|`?".indexOf(c) >= 0;
    }

    /** One past {@code TEMP [TABLE]} and the like after INTO when a table name follows, or -1. */
    private static int tableKindEnd(List<Token> t, int from) {
        int i = from;
        while (i < t.size() && t.get(i).kind() == SqlLexer.Kind.WORD && TABLE_KINDS.contains(t.get(i).text())
                && i - from < 2) {
            i++;
        }
        if (i == from || i >= t.size()) {
            return -1;
        }
        Token name = t.get(i);
        boolean isName = name.kind() == SqlLexer.Kind.QUOTED
                || name.kind() == SqlLexer.Kind.WORD && !NOT_A_NAME.contains(name.text());
        return isName ? i : -1;
    }
}
