package io.colshift.driver;

import io.colshift.rewrite.Rewrite;
import io.colshift.rewrite.Unrewritable;

import java.sql.SQLException;
import java.sql.SQLNonTransientException;

/**
 * What a connection does with a statement that touches a migrating column but could not be rewritten
 * ({@link Rewrite#unrewritable()}): the one policy under which colshift throws an exception of its own.
 *
 * <ul>
 *   <li>Default: it runs as written when that cannot read a wrong value silently — in {@code declared}, where a
 *       reference to the absent column fails by itself (42703); from {@code expanded} on, where it would read
 *       NULL instead of the migration's value, it fails with SQLState {@value #SQLSTATE_WRONG_READ}.</li>
 *   <li>{@code colshift.unrewritable=pass}: it always runs as written; from {@code expanded} on it is counted as a
 *       possible wrong read.</li>
 *   <li>{@code colshift.strict=true}: it always fails, in every phase, with SQLState {@value #SQLSTATE_STRICT}:
 *       for application test suites run against a declared migration, so every such statement is found before
 *       the application is deployed.</li>
 * </ul>
 * Every case is counted per migration ({@link UnrewritableCounters}).
 *
 * @param strict fail every unrewritable statement ({@code colshift.strict})
 * @param pass   run unrewritable statements as written even where they may read wrong ({@code colshift.unrewritable=pass})
 */
public record UnrewritablePolicy(boolean strict, boolean pass) {

    /** Class 7C is colshift's own: a statement it refused to run. */
    public static final String SQLSTATE_WRONG_READ = "7C001";
    public static final String SQLSTATE_STRICT = "7C002";

    public static final UnrewritablePolicy DEFAULT = new UnrewritablePolicy(false, false);

    /**
     * Throws when the statement must not run; counts it either way. Costs one field read for every statement
     * colshift could rewrite (or did not need to).
     */
    void check(Rewrite rewrite, UnrewritableCounters counters, AdoptionCounters adoption) throws SQLException {
        Unrewritable u = rewrite.unrewritable();
        if (u == null) {
            return;
        }
        boolean refuse = strict || u.possibleWrongRead() && !pass;
        counters.count(u, refuse);
        adoption.countUnrewritable(u, refuse);
        if (refuse) {
            throw refusal(u);
        }
    }

    private SQLException refusal(Unrewritable u) {
        String migrations = (u.migrations().size() == 1 ? "migration '" : "migrations '")
                + String.join("', '", u.migrations()) + "'";
        String detail = u.detail() == null ? "" : ": " + firstLine(u.detail());
        if (strict) {
            return new SQLNonTransientException("colshift (strict mode) refused a statement it could not rewrite for "
                    + migrations + " (" + u.reason() + detail + "). Outside strict mode it would "
                    + (u.possibleWrongRead() ? "also fail, since sent as written it could read NULL instead of the "
                    + "migration's value" : "run as written") + ". Rewrite the statement, or run without "
                    + "colshift.strict=true.", SQLSTATE_STRICT);
        }
        return new SQLNonTransientException("colshift refused a statement it could not rewrite for " + migrations
                + " (" + u.reason() + detail + "): sent as written it could read NULL where the migration's target "
                + "schema has a value. Rewrite the statement, or set colshift.unrewritable=pass to send such "
                + "statements unchanged (counted as possible wrong reads).", SQLSTATE_WRONG_READ);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line.strip();
    }
}
