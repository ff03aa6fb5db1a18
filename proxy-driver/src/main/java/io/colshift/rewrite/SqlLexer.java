package io.colshift.rewrite;

import io.colshift.state.SqlSpans;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A small PostgreSQL lexer for the parts of the rewriter that must look at a statement without (or before)
 * the parser: finding the query inside a wrapper ({@code EXPLAIN}, {@code COPY (…)}, …) and deciding whether a
 * statement the parser could not read touches a migrating column. It knows exactly what it must skip so that
 * nothing inside them counts: string literals ({@code '…'}, {@code E'…'}, {@code $tag$…$tag$}) and comments
 * ({@code --}, nested {@code /* … *}{@code /}). Quoted identifiers are identifiers.
 */
final class SqlLexer {

    enum Kind { WORD, QUOTED, STRING, NUMBER, PLACEHOLDER, PUNCT }

    /** One token: {@code [begin, end)} of the text. {@code text} is the folded name for words and quoted names. */
    record Token(Kind kind, int begin, int end, String text) {

        boolean isWord(String word) {
            return kind == Kind.WORD && text.equals(word);
        }

        boolean isPunct(String p) {
            return kind == Kind.PUNCT && text.equals(p);
        }

        /** The identifier this token names (a word folded to lower case, a quoted name as written), else null. */
        String name() {
            return kind == Kind.WORD || kind == Kind.QUOTED ? text : null;
        }
    }

    private SqlLexer() {
    }

    static List<Token> tokens(String sql) {
        List<Token> out = new ArrayList<>();
        int n = sql.length();
        int i = 0;
        int tagEnd;
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                i = SqlSpans.lineCommentEnd(sql, i);
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                i = orEnd(SqlSpans.blockCommentEnd(sql, i), n);
            } else if (c == '\'') {
                int end = orEnd(SqlSpans.quotedEnd(sql, i, false), n);
                out.add(new Token(Kind.STRING, i, end, null));
                i = end;
            } else if ((c == 'e' || c == 'E') && i + 1 < n && sql.charAt(i + 1) == '\'') {
                int end = orEnd(SqlSpans.quotedEnd(sql, i + 1, true), n);
                out.add(new Token(Kind.STRING, i, end, null));
                i = end;
            } else if (c == '"') {
                int end = orEnd(SqlSpans.quotedEnd(sql, i, false), n);
                String name = sql.substring(i + 1, Math.max(i + 1, end - 1)).replace("\"\"", "\"");
                out.add(new Token(Kind.QUOTED, i, end, name));
                i = end;
            } else if (c == '$' && (tagEnd = dollarTag(sql, i)) > 0) {
                String tag = sql.substring(i, tagEnd);
                int close = sql.indexOf(tag, tagEnd);
                int end = close < 0 ? n : close + tag.length();
                out.add(new Token(Kind.STRING, i, end, null));
                i = end;
            } else if (c == '?') {
                int end = i + 1;
                while (end < n && Character.isDigit(sql.charAt(end))) {
                    end++;
                }
                out.add(new Token(Kind.PLACEHOLDER, i, end, "?"));
                i = end;
            } else if (Character.isDigit(c)) {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
                    end++;
                }
                out.add(new Token(Kind.NUMBER, i, end, null));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < n && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
                        || sql.charAt(end) == '$')) {
                    end++;
                }
                out.add(new Token(Kind.WORD, i, end, sql.substring(i, end).toLowerCase(Locale.ROOT)));
                i = end;
            } else {
                out.add(new Token(Kind.PUNCT, i, i + 1, String.valueOf(c)));
                i++;
            }
        }
        return out;
    }

    /** An unclosed span runs to the end of the text: what follows it is inside, as the server would read it. */
    private static int orEnd(int end, int n) {
        return end == SqlSpans.UNTERMINATED ? n : end;
    }

    /** End of a dollar-quote tag ({@code $$}, {@code $body$}) starting at {@code i}, or -1 ({@code $1} is not one). */
    private static int dollarTag(String sql, int i) {
        int j = i + 1;
        int n = sql.length();
        if (j < n && Character.isDigit(sql.charAt(j))) {
            return -1;
        }
        while (j < n && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_')) {
            j++;
        }
        return j < n && sql.charAt(j) == '$' ? j + 1 : -1;
    }

    /** Index of the token closing the bracket at {@code open}, or -1. */
    static int matching(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isPunct("(") || t.isPunct("[")) {
                depth++;
            } else if ((t.isPunct(")") || t.isPunct("]")) && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
