package io.colshift.rewrite;

import io.colshift.state.StateSnapshot;

/**
 * The one seam every SQL string passes through on its way to the real driver
 * ({@code execute*}, {@code addBatch}, {@code prepareStatement}, {@code prepareCall}, {@code nativeSQL}).
 *
 * <p>Contract: never throws; a statement that cannot be handled safely comes back unchanged
 * (fail open). With nothing to rewrite, it returns {@link Rewrite#UNCHANGED}, which allocates nothing.
 */
@FunctionalInterface
public interface StatementRewriter {

    Rewrite rewrite(String sql, StateSnapshot snapshot);

    /** Rewrites nothing: every statement is returned as it came. */
    StatementRewriter IDENTITY = (sql, snapshot) -> Rewrite.UNCHANGED;
}
