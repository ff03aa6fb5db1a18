package io.colshift.rewrite;

import java.util.Arrays;
import java.util.List;
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
    /** The migrations the statement touches and how; empty for a statement that touches none. */
    private final List<Touch> touches;

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
        this.touches = List.of();
    }

    private Rewrite(String sql, int[] parameterMap, boolean countInsteadOfUpdate) {
        this.sql = Objects.requireNonNull(sql, "sql");
        this.parameterMap = parameterMap;
        this.countInsteadOfUpdate = countInsteadOfUpdate;
        this.unrewritable = null;
        this.touches = List.of();
    }

    private Rewrite(Unrewritable unrewritable) {
        this.sql = null;
        this.parameterMap = null;
        this.countInsteadOfUpdate = false;
        this.unrewritable = Objects.requireNonNull(unrewritable, "unrewritable");
        this.touches = List.of();
    }

    private Rewrite(Rewrite base, List<Touch> touches) {
        this.sql = base.sql;
        this.parameterMap = base.parameterMap;
        this.countInsteadOfUpdate = base.countInsteadOfUpdate;
        this.unrewritable = base.unrewritable;
        this.touches = List.copyOf(touches);
    }

    /**
     * This rewrite, also saying which migrations the statement touches and how ({@link Touch}); for the driver's
     * adoption counters. {@link #UNCHANGED} with touches is a statement sent as written that still uses a
     * migrating column (a write with the flag on, say): equal to {@link #UNCHANGED}, but counted.
     */
    public Rewrite withTouches(List<Touch> touches) {
        return touches.isEmpty() && this.touches.isEmpty() ? this : new Rewrite(this, touches);
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

    /** True when the statement is sent as written and nothing forbids it (it may still touch a migration). */
    public boolean isUnchanged() {
        return sql == null && unrewritable == null;
    }

    /**
     * The migrations the statement touches and how, fixed when the rewrite was computed; an empty list (shared,
     * so reading it allocates nothing) when it touches none. Not part of {@link #equals}: two rewrites that send
     * the same text the same way are interchangeable for execution.
     */
    public List<Touch> touches() {
        return touches;
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
        if (isUnchanged() && touches.isEmpty()) {
            return "Rewrite[unchanged]";
        }
        if (unrewritable != null) {
            return "Rewrite[unrewritable: " + unrewritable + "]";
        }
        if (sql == null) {
            return "Rewrite[unchanged, touches=" + touches + "]";
        }
        return "Rewrite[" + sql + (parameterMap == null ? "" : ", params=" + Arrays.toString(parameterMap))
                + (countInsteadOfUpdate ? ", count-instead-of-update" : "") + "]";
    }
}
