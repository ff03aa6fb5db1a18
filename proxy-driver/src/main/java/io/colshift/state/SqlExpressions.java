package io.colshift.state;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;

import java.util.Optional;

/**
 * Checks that a spec's {@code default} or {@code backfill} text is exactly one SQL expression, before any of it
 * reaches the server: {@code 'x'); DROP TABLE users; --} parses as {@code 'x'} followed by leftovers and is refused.
 */
public final class SqlExpressions {

    /** What the parser found in one expression text. */
    public record Parsed(boolean hasSubquery) {
    }

    private SqlExpressions() {
    }

    /**
     * @return the parse result, or empty with {@code reasonOut[0]} set when the text is not exactly one expression
     */
    public static Optional<Parsed> parse(String text, String[] reasonOut) {
        if (text == null || text.isBlank()) {
            reasonOut[0] = "is empty";
            return Optional.empty();
        }
        Expression expression;
        try {
            expression = CCJSqlParserUtil.parseExpression(text, false);
        } catch (JSQLParserException | RuntimeException e) {
            String detail = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            reasonOut[0] = "is not exactly one SQL expression (" + detail + ")";
            return Optional.empty();
        }
        if (expression == null) {
            reasonOut[0] = "is not exactly one SQL expression";
            return Optional.empty();
        }
        SubqueryFinder finder = new SubqueryFinder();
        expression.accept(finder, null);
        return Optional.of(new Parsed(finder.found));
    }

    /** A subquery reads other rows or tables, so the expression is not a function of the row alone. */
    private static final class SubqueryFinder extends ExpressionVisitorAdapter<Void> {
        boolean found;

        @Override
        public <S> Void visit(ParenthesedSelect select, S context) {
            found = true;
            return null;
        }

        @Override
        public <S> Void visit(Select select, S context) {
            found = true;
            return null;
        }
    }
}
