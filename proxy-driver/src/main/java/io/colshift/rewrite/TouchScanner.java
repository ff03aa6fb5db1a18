package io.colshift.rewrite;

import io.colshift.rewrite.SqlLexer.Token;
import io.colshift.state.ColumnMigration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides, without the parser, whether a statement the rewriter could not handle might need a rewrite: whether
 * it touches a migrating column. Used only on the failure path (parse failure, ambiguity, unsupported shape),
 * never on the pass-through path.
 *
 * <p>A migration is touched when the statement names its table as an identifier (not inside a string literal,
 * a comment or a dollar-quoted body) and also names its column, or has a {@code *} that selects columns
 * ({@code SELECT *}, {@code t.*}, {@code RETURNING *}; not {@code count(*)} or a multiplication), or is a
 * {@code COPY … TO} or {@code TABLE} statement (which read every column; {@code COPY … FROM} writes and is not
 * looked at). When a name could be the migrating
 * column of another table ({@code orders.status} next to {@code users}) it counts as touched: without a parse
 * there is no telling, and the policy for a statement that might read wrong must err on the side of saying so.
 * SQL inside function bodies ({@code $$ … $$}) is not looked at.
 */
final class TouchScanner {

    private static final Set<String> BEFORE_SELECT_STAR = Set.of("select", "distinct", "all", "returning");
    private static final Set<String> BEFORE_TABLE_QUERY = Set.of("as", "union", "intersect", "except", "all", "(");

    private TouchScanner() {
    }

    /**
     * The migrations the statement may touch, in snapshot order; empty when it touches none.
     *
     * @param tokens the statement's {@link SqlLexer#tokens}, lexed once by the caller
     */
    static List<ColumnMigration> touched(List<Token> tokens, List<ColumnMigration> migrations) {
        Set<String> names = new HashSet<>();
        boolean star = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            String name = t.name();
            String before = i == 0 ? "" : tokens.get(i - 1).text();
            if (t.isWord("table") && (i == 0 || before != null && BEFORE_TABLE_QUERY.contains(before))) {
                star = true; // the TABLE t query (all of t's columns), alone, wrapped or in a set operation
            }
            if (name != null) {
                names.add(name);
            } else if (t.isPunct("*") && selectsColumns(tokens, i)) {
                star = true;
            }
        }
        if (!tokens.isEmpty() && tokens.get(0).isWord("copy")) {
            if (copiesIn(tokens)) {
                return List.of(); // COPY … FROM writes; colshift does not gate it (see the package documentation)
            }
            star = true;
        }
        List<ColumnMigration> touched = new ArrayList<>();
        for (ColumnMigration m : migrations) {
            if (names.contains(m.table()) && (star || names.contains(m.column()))) {
                touched.add(m);
            }
        }
        return touched;
    }

    /** {@code COPY table [(columns)] FROM …}: the first word after the table and its column list. */
    private static boolean copiesIn(List<Token> tokens) {
        int depth = 0;
        for (int i = 1; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isPunct("(")) {
                depth++;
            } else if (t.isPunct(")")) {
                depth--;
            } else if (depth == 0 && (t.isWord("from") || t.isWord("to"))) {
                return t.isWord("from");
            }
        }
        return false;
    }

    private static boolean selectsColumns(List<Token> tokens, int i) {
        Token prev = i > 0 ? tokens.get(i - 1) : null;
        Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
        if (prev != null && (prev.isPunct(".") || prev.isPunct(","))) {
            return true;
        }
        if (prev != null && prev.kind() == SqlLexer.Kind.WORD && BEFORE_SELECT_STAR.contains(prev.text())) {
            return true;
        }
        // `… * FROM`, `…, *,` : a multiplication cannot be followed by these
        return next != null && (next.isWord("from") || next.isPunct(",") || next.isWord("into"));
    }
}
