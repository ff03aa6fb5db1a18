package io.colshift.rewrite;

import io.colshift.rewrite.SqlLexer.Token;

import java.util.List;

/**
 * A statement that carries a query inside it, and where that query sits:
 * <ul>
 *   <li>{@code EXPLAIN [ANALYZE] [VERBOSE] [( options )] <statement>}</li>
 *   <li>{@code PREPARE name [( types )] AS <statement>}</li>
 *   <li>{@code DECLARE name [BINARY] [ASENSITIVE | INSENSITIVE] [[NO] SCROLL] CURSOR [WITH | WITHOUT HOLD] FOR <query>}</li>
 *   <li>{@code CREATE [OR REPLACE] [TEMP | TEMPORARY | UNLOGGED] [RECURSIVE] VIEW … AS <query> [WITH … CHECK OPTION]}</li>
 *   <li>{@code CREATE MATERIALIZED VIEW … AS <query> [WITH [NO] DATA]}</li>
 *   <li>{@code CREATE [TEMP | TEMPORARY | UNLOGGED] TABLE … AS <query> [WITH [NO] DATA]}</li>
 *   <li>{@code COPY ( <query> ) TO …}</li>
 * </ul>
 * The rewriter blanks everything outside {@code [begin, end)} with spaces (so every offset stays where it was),
 * rewrites what is left as a statement of its own, and splices the edits into the original text: the wrapper's
 * own text is kept byte for byte.
 *
 * @param kind  what wraps the query: it decides what may be done to it
 * @param begin first character of the inner statement
 * @param end   one past its last character
 */
record WrappedQuery(Kind kind, int begin, int end) {

    enum Kind {
        EXPLAIN, PREPARE, CURSOR, CREATE_TABLE_AS, COPY,
        /** A view's definition keeps whatever the rewrite put in it for as long as the view lives. */
        VIEW
    }

    /** The wrapped query of {@code sql}, or null when the statement is not one of the wrappers above. */
    static WrappedQuery locate(String sql, List<Token> t) {
        if (t.isEmpty() || t.get(0).kind() != SqlLexer.Kind.WORD) {
            return null;
        }
        int last = t.size();
        while (last > 0 && t.get(last - 1).isPunct(";")) {
            last--;
        }
        if (last == 0) {
            return null;
        }
        return switch (t.get(0).text()) {
            case "explain" -> explain(t, last);
            case "prepare" -> prepare(t, last);
            case "declare" -> cursor(t, last);
            case "create" -> create(t, last);
            case "copy" -> copy(t, last);
            default -> null;
        };
    }

    private static WrappedQuery explain(List<Token> t, int last) {
        int i = 1;
        if (i < last && t.get(i).isPunct("(")) {
            i = SqlLexer.matching(t, i);
            if (i < 0) {
                return null;
            }
            i++;
        } else {
            while (i < last && (t.get(i).isWord("analyze") || t.get(i).isWord("analyse") || t.get(i).isWord("verbose"))) {
                i++;
            }
        }
        return inner(Kind.EXPLAIN, t, i, last);
    }

    private static WrappedQuery prepare(List<Token> t, int last) {
        int i = 2; // PREPARE name
        if (i < last && t.get(i).isPunct("(")) {
            i = SqlLexer.matching(t, i);
            if (i < 0) {
                return null;
            }
            i++;
        }
        if (i >= last || !t.get(i).isWord("as")) {
            return null;
        }
        return inner(Kind.PREPARE, t, i + 1, last);
    }

    private static WrappedQuery cursor(List<Token> t, int last) {
        int i = 2; // DECLARE name
        while (i < last && t.get(i).kind() == SqlLexer.Kind.WORD && !t.get(i).isWord("cursor")) {
            if (!t.get(i).isWord("binary") && !t.get(i).isWord("asensitive") && !t.get(i).isWord("insensitive")
                    && !t.get(i).isWord("no") && !t.get(i).isWord("scroll")) {
                return null;
            }
            i++;
        }
        if (i >= last || !t.get(i).isWord("cursor")) {
            return null;
        }
        i++;
        if (i + 1 < last && (t.get(i).isWord("with") || t.get(i).isWord("without")) && t.get(i + 1).isWord("hold")) {
            i += 2;
        }
        if (i >= last || !t.get(i).isWord("for")) {
            return null;
        }
        return inner(Kind.CURSOR, t, i + 1, last);
    }

    private static WrappedQuery create(List<Token> t, int last) {
        int i = 1;
        if (i + 1 < last && t.get(i).isWord("or") && t.get(i + 1).isWord("replace")) {
            i += 2;
        }
        while (i < last && (t.get(i).isWord("temp") || t.get(i).isWord("temporary") || t.get(i).isWord("unlogged")
                || t.get(i).isWord("global") || t.get(i).isWord("local") || t.get(i).isWord("recursive"))) {
            i++;
        }
        Kind kind;
        if (i < last && t.get(i).isWord("view")) {
            kind = Kind.VIEW;
        } else if (i + 1 < last && t.get(i).isWord("materialized") && t.get(i + 1).isWord("view")) {
            kind = Kind.VIEW;
            i++;
        } else if (i < last && t.get(i).isWord("table")) {
            kind = Kind.CREATE_TABLE_AS;
        } else {
            return null;
        }
        // the first AS outside brackets after the name starts the query (column lists and options are bracketed)
        for (int j = i + 1; j < last; j++) {
            Token tok = t.get(j);
            if (tok.isPunct("(")) {
                j = SqlLexer.matching(t, j);
                if (j < 0) {
                    return null;
                }
            } else if (tok.isWord("as")) {
                return inner(kind, t, j + 1, trailingOptions(t, j + 1, last));
            }
        }
        return null;
    }

    /** Drops a trailing {@code WITH [NO] DATA} or {@code WITH [CASCADED | LOCAL] CHECK OPTION}: not part of the query. */
    private static int trailingOptions(List<Token> t, int from, int last) {
        if (last - 2 >= from && t.get(last - 1).isWord("data")) {
            if (t.get(last - 2).isWord("with")) {
                return last - 2;
            }
            if (last - 3 >= from && t.get(last - 2).isWord("no") && t.get(last - 3).isWord("with")) {
                return last - 3;
            }
        }
        if (last - 3 >= from && t.get(last - 1).isWord("option") && t.get(last - 2).isWord("check")) {
            int w = t.get(last - 3).isWord("cascaded") || t.get(last - 3).isWord("local") ? last - 4 : last - 3;
            if (w >= from && t.get(w).isWord("with")) {
                return w;
            }
        }
        return last;
    }

    private static WrappedQuery copy(List<Token> t, int last) {
        if (last < 3 || !t.get(1).isPunct("(")) {
            return null;
        }
        int close = SqlLexer.matching(t, 1);
        if (close < 0 || close + 1 >= last || !t.get(close + 1).isWord("to")) {
            return null;
        }
        return inner(Kind.COPY, t, 2, close);
    }

    private static WrappedQuery inner(Kind kind, List<Token> t, int from, int to) {
        if (from >= to) {
            return null;
        }
        return new WrappedQuery(kind, t.get(from).begin(), t.get(to - 1).end());
    }

    /**
     * The text with everything outside the inner statement replaced by spaces (line breaks kept), so the
     * parser sees only the inner statement and every offset stays that of the original.
     */
    String blanked(String sql) {
        return blankOutside(sql, begin, end);
    }

    static String blankOutside(String sql, int begin, int end) {
        char[] chars = sql.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if ((i < begin || i >= end) && chars[i] != '\n') {
                chars[i] = ' ';
            }
        }
        return new String(chars);
    }
}
