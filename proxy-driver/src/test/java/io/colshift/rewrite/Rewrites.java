package io.colshift.rewrite;

import io.colshift.state.StateSnapshot;

import static org.assertj.core.api.Assertions.assertThat;

/** Small assertions shared by the rewrite tests. */
final class Rewrites {

    private Rewrites() {
    }

    /**
     * An engine for tests about what a rewrite is: with a parse bound no busy build machine reaches, so a
     * slow parse never turns into a pass-through (tests about timeouts set their own bound).
     */
    static RewriteEngine engine(int cacheSize) {
        return new RewriteEngine(cacheSize, java.time.Duration.ofSeconds(60));
    }

    static String text(RewriteEngine engine, String sql, StateSnapshot snapshot) {
        return engine.rewrite(sql, snapshot).applyTo(sql);
    }

    static int[] map(Rewrite r, int applicationParameters) {
        int[] m = new int[applicationParameters];
        for (int i = 1; i <= applicationParameters; i++) {
            m[i - 1] = r.mapParameter(i);
        }
        return m;
    }

    /**
     * The statement is sent exactly as written, with its parameters where they were. (It may still carry an
     * {@link Unrewritable} for the connection's policy: see {@link #assertUnrewritable}.)
     */
    static void assertUnchanged(RewriteEngine engine, String sql, StateSnapshot snapshot) {
        Rewrite r = engine.rewrite(sql, snapshot);
        assertThat(r.applyTo(sql)).isSameAs(sql);
        assertThat(r.parametersUnchanged()).isTrue();
        assertThat(r.countInsteadOfUpdate()).isFalse();
    }

    /** The statement touches a migrating column, could not be rewritten, and says why. */
    static Unrewritable assertUnrewritable(RewriteEngine engine, String sql, StateSnapshot snapshot) {
        assertUnchanged(engine, sql, snapshot);
        Unrewritable u = engine.rewrite(sql, snapshot).unrewritable();
        assertThat(u).as("unrewritable: " + sql).isNotNull();
        return u;
    }
}
