package io.colshift.rewrite;

import java.util.Arrays;
import java.util.Objects;

/**
 * The result of rewriting one statement: final SQL plus how the application's parameter indexes map
 * onto it. Immutable and safe to cache and share between threads.
 */
public final class Rewrite {

    /** Parameter-map value for an application parameter whose placeholder was removed. */
    public static final int DROPPED = 0;

    private final String sql;
    private final int[] parameterMap;
    private final boolean countInsteadOfUpdate;
    private final Unrewritable unrewritable;

    /**
     * The statement passes exactly as the application wrote it. A shared constant, so the pass-through
     * path allocates nothing; use {@link #applyTo(String)} to get the text to send.
     */
    public static final Rewrite UNCHANGED = new Rewrite();

    private Rewrite() {
        this.sql = null;
        this.parameterMap = null;
        this.countInsteadOfUpdate = false;
        this.unrewritable = null;
    }

    private Rewrite(String sql, int[] parameterMap, boolean countInsteadOfUpdate) {
        this.sql = Objects.requireNonNull(sql, "sql");
        this.parameterMap = parameterMap;
        this.countInsteadOfUpdate = countInsteadOfUpdate;
        this.unrewritable = null;
    }

    private Rewrite(Unrewritable unrewritable) {
        this.sql = null;
        this.parameterMap = null;
        this.countInsteadOfUpdate = false;
        this.unrewritable = Objects.requireNonNull(unrewritable, "unrewritable");
    }

    /**
     * A statement that touches a migrating column but could not be rewritten: it would be sent as written
     * ({@link #applyTo(String)} returns the input), and the connection's policy decides whether it may be
     * ({@link #unrewritable()} says why not and what sending it would do).
     */
    public static Rewrite unrewritable(Unrewritable why) {
        return new Rewrite(why);
    }

    /**
     * A rewritten statement.
     *
     * @param parameterMap for application parameter {@code i} (1-based), {@code parameterMap[i - 1]} is its
     *                     index in the rewritten SQL, or {@link #DROPPED}; {@code null} when indexes are unchanged
     */
    public static Rewrite rewritten(String sql, int[] parameterMap) {
        return new Rewrite(sql, parameterMap == null ? null : parameterMap.clone(), false);
    }

    /**
     * An UPDATE whose only SET items were gated: {@code sql} is a {@code SELECT count(*)} over the same rows,
     * so the caller reports the matched row count without writing (no bloat, no trigger fired).
     */
    public static Rewrite countInsteadOfUpdate(String countSql, int[] parameterMap) {
        return new Rewrite(countSql, parameterMap == null ? null : parameterMap.clone(), true);
    }

    public boolean isUnchanged() {
        return this == UNCHANGED;
    }

    /** The text to send for the application's {@code original} statement: the input itself when unchanged. */
    public String applyTo(String original) {
        return sql == null ? original : sql;
    }

    /** True when parameter indexes are unchanged. */
    public boolean parametersUnchanged() {
        return parameterMap == null;
    }

    /**
     * Index in the rewritten statement of the application's parameter {@code applicationIndex} (1-based),
     * or {@link #DROPPED} when its placeholder was removed.
     */
    public int mapParameter(int applicationIndex) {
        if (parameterMap == null) {
            return applicationIndex;
        }
        return applicationIndex >= 1 && applicationIndex <= parameterMap.length
                ? parameterMap[applicationIndex - 1] : applicationIndex;
    }

    public boolean countInsteadOfUpdate() {
        return countInsteadOfUpdate;
    }

    /** Why this statement could not be rewritten although it touches a migrating column; null when it could. */
    public Unrewritable unrewritable() {
        return unrewritable;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rewrite r && Objects.equals(sql, r.sql) && countInsteadOfUpdate == r.countInsteadOfUpdate
                && Arrays.equals(parameterMap, r.parameterMap) && Objects.equals(unrewritable, r.unrewritable);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(sql) + Arrays.hashCode(parameterMap);
    }

    @Override
    public String toString() {
        if (isUnchanged()) {
            return "Rewrite[unchanged]";
        }
        if (unrewritable != null) {
            return "Rewrite[unrewritable: " + unrewritable + "]";
        }
        return "Rewrite[" + sql + (parameterMap == null ? "" : ", params=" + Arrays.toString(parameterMap))
                + (countInsteadOfUpdate ? ", count-instead-of-update" : "") + "]";
    }
}
