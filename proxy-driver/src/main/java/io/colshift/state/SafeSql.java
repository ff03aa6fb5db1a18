package io.colshift.state;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.AllValue;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.UserVariable;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one gate between untrusted text (a spec file, a row of the control schema) and SQL colshift splices. An
 * expression passes only as exactly one SQL expression: PostgreSQL-style lexing first ({@link SqlLexer}: no
 * terminator, no comment, no placeholder, no literal whose end the two parsers could disagree on, balanced
 * parentheses), then JSQLParser parses the expression alone, and its deparsed text, parsed once more, must come
 * out the same. Only that normalised text is ever spliced, and only in the form {@link Expr#spliced()} returns.
 * Type names go through {@link TypeNames} the same way. Driver and CLI apply it at {@code declare} and again to
 * everything read back from the control schema, so a row changed behind colshift's back is caught too.
 */
public final class SafeSql {

    /** Longer expressions are refused: nobody writes them by hand, and parsing them costs. */
    public static final int MAX_EXPRESSION_CHARS = 4000;

    /** Where an expression is going to be spliced; decides what it may contain. */
    public enum Use {
        /** A column DEFAULT: no subquery (PostgreSQL refuses them there). */
        DEFAULT("default", false),
        /** The value existing rows are filled with, in the CLI's UPDATE: may read other tables. */
        BACKFILL("backfill", true),
        /** What application reads see in place of the column: a function of the row alone. */
        READ_FALLBACK("read_fallback", false);

        private final String field;
        private final boolean subqueries;

        Use(String field, boolean subqueries) {
            this.field = field;
            this.subqueries = subqueries;
        }

        /** The spec field (and control-schema column) this use comes from. */
        public String field() {
            return field;
        }
    }

    /**
     * A checked expression.
     *
     * @param normalised the deparsed expression, comments removed; what is stored and shown
     * @param functions  names of the functions it calls, lower case, schema-qualified where written so
     * @param subquery   whether it contains a subquery
     * @param atom       whether it is a lone literal or {@code NULL}
     */
    public record Expr(String normalised, List<String> functions, boolean subquery, boolean atom) {

        public Expr {
            functions = List.copyOf(functions);
        }

        /**
         * The only form to splice: {@code (<normalised>)}. A lone literal or {@code NULL} needs no parentheses and
         * keeps its plain spelling, so that rewritten statements stay as readable as before.
         */
        public String spliced() {
            return atom ? normalised : "(" + normalised + ")";
        }
    }

    private SafeSql() {
    }

    /** @throws UnsafeSqlException with the reason, when {@code text} must not be spliced as {@code use} */
    public static Expr expression(String text, Use use) throws UnsafeSqlException {
        if (text == null || text.isBlank()) {
            throw new UnsafeSqlException("is empty");
        }
        if (text.length() > MAX_EXPRESSION_CHARS) {
            throw new UnsafeSqlException("is longer than " + MAX_EXPRESSION_CHARS + " characters");
        }
        SqlLexer.Lexed lexed;
        try {
            lexed = SqlLexer.lex(text);
        } catch (UnsafeSqlException e) {
            throw new UnsafeSqlException("is not exactly one SQL expression: it " + e.reason());
        }
        if (lexed.withoutComments().isEmpty()) {
            throw new UnsafeSqlException("has nothing but comments");
        }
        Expression parsed = parse(lexed.withoutComments());
        String normalised = parsed.toString();
        SqlLexer.Lexed again = SqlLexer.lex(normalised);
        if (!again.withoutComments().equals(normalised) || !again.literals().equals(lexed.literals())
                || !parse(normalised).toString().equals(normalised)) {
            throw new UnsafeSqlException("cannot be normalised to one unambiguous SQL expression");
        }
        Inspector inspector = new Inspector();
        parsed.accept(inspector, null);
        if (inspector.refusal != null) {
            throw new UnsafeSqlException(inspector.refusal);
        }
        if (inspector.subquery && !use.subqueries) {
            throw new UnsafeSqlException(use == Use.DEFAULT ? "cannot contain a subquery in a DEFAULT"
                    : "cannot contain a subquery: what reads see must be a function of the row alone");
        }
        return new Expr(normalised, List.copyOf(inspector.functions), inspector.subquery, isAtom(parsed));
    }

    private static Expression parse(String text) throws UnsafeSqlException {
        Expression expression;
        try {
            expression = CCJSqlParserUtil.parseExpression(text, false);
        } catch (JSQLParserException | RuntimeException | StackOverflowError e) {
            String detail = e.getMessage() == null ? "" : " (" + e.getMessage().lines().findFirst().orElse("") + ")";
            throw new UnsafeSqlException("is not exactly one SQL expression" + detail);
        }
        if (expression == null) {
            throw new UnsafeSqlException("is not exactly one SQL expression");
        }
        return expression;
    }

    private static boolean isAtom(Expression e) {
        return e instanceof StringValue || e instanceof LongValue || e instanceof DoubleValue
                || e instanceof NullValue || e instanceof BooleanValue;
    }

    /** Collects called functions and subqueries; refuses what no use allows. */
    private static final class Inspector extends ExpressionVisitorAdapter<Void> {
        final Set<String> functions = new LinkedHashSet<>();
        boolean subquery;
        String refusal;

        @Override
        public <S> Void visit(Function function, S context) {
            functions.add(String.join(".", function.getMultipartName()).toLowerCase(Locale.ROOT));
            return super.visit(function, context);
        }

        @Override
        public <S> Void visit(AnalyticExpression expression, S context) {
            refuse("cannot contain a window or aggregate function with OVER/FILTER");
            return null;
        }

        @Override
        public <S> Void visit(JdbcParameter parameter, S context) {
            refuse("contains a parameter placeholder");
            return null;
        }

        @Override
        public <S> Void visit(JdbcNamedParameter parameter, S context) {
            refuse("contains a parameter placeholder");
            return null;
        }

        @Override
        public <S> Void visit(UserVariable variable, S context) {
            refuse("contains a variable reference (" + variable + ")");
            return null;
        }

        @Override
        public <S> Void visit(AllValue value, S context) {
            refuse("contains ALL where a value belongs");
            return null;
        }

        @Override
        public <S> Void visit(ParenthesedSelect select, S context) {
            subquery = true;
            return null;
        }

        @Override
        public <S> Void visit(Select select, S context) {
            subquery = true;
            return null;
        }

        private void refuse(String reason) {
            if (refusal == null) {
                refusal = reason;
            }
        }
    }
}
