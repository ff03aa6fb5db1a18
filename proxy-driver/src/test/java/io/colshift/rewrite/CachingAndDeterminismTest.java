package io.colshift.rewrite;

import io.colshift.state.Phase;
import io.colshift.state.StateSnapshot;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CachingAndDeterminismTest {

    @Test
    void secondExecutionIsACacheHitWithTheSameResult() {
        try (RewriteEngine engine = Rewrites.engine(100)) {
            StateSnapshot s = Snapshots.phase(Phase.DECLARED);
            Rewrite first = engine.rewrite("SELECT status FROM users", s);
            Rewrite second = engine.rewrite("SELECT status FROM users", s);
            assertThat(second).isSameAs(first);
            assertThat(engine.stats().hits()).isEqualTo(1);
            assertThat(engine.stats().misses()).isEqualTo(1);
        }
    }

    @Test
    void newStateVersionGetsItsOwnRewrite() {
        try (RewriteEngine engine = Rewrites.engine(100)) {
            String sql = "SELECT status FROM users";
            assertThat(engine.rewrite(sql, Snapshots.phase(Phase.DECLARED)).applyTo(sql))
                    .isEqualTo("SELECT CAST('active' AS text) AS status FROM users");
            assertThat(engine.rewrite(sql, Snapshots.phase(Phase.EXPANDED)).applyTo(sql))
                    .isEqualTo("SELECT COALESCE(status, 'active') AS status FROM users");
            // a statement still running under the older version gets that version's rewrite
            assertThat(engine.rewrite(sql, Snapshots.phase(Phase.DECLARED)).applyTo(sql))
                    .isEqualTo("SELECT CAST('active' AS text) AS status FROM users");
        }
    }

    @Test
    void sameInputAlwaysYieldsTheSameTextAcrossEngines() {
        String sql = "SELECT u.*, o.status, u.status FROM users u JOIN orders o ON o.user_id = u.id "
                + "WHERE u.status IN (?, ?) ORDER BY u.status";
        StateSnapshot s = Snapshots.phase(Phase.DECLARED);
        String expected;
        try (RewriteEngine engine = Rewrites.engine(0)) {
            expected = engine.rewrite(sql, s).applyTo(sql);
        }
        for (int i = 0; i < 20; i++) {
            try (RewriteEngine engine = Rewrites.engine(0)) {
                assertThat(engine.rewrite(sql, s).applyTo(sql)).isEqualTo(expected);
            }
        }
        assertThat(expected).isEqualTo("SELECT u.id, u.name, u.email, u.deleted_at, u.balance, CAST('active' AS text) AS status, o.status, CAST('active' AS text) AS status "
                + "FROM users u JOIN orders o ON o.user_id = u.id WHERE CAST('active' AS text) IN (?, ?) ORDER BY CAST('active' AS text)");
    }

    @Test
    void cacheStaysWithinItsBound() {
        try (RewriteEngine engine = Rewrites.engine(50)) {
            StateSnapshot s = Snapshots.phase(Phase.DECLARED);
            for (int i = 0; i < 500; i++) {
                engine.rewrite("SELECT status FROM users WHERE id = " + i, s);
            }
            engine.cleanUp();
            assertThat(engine.cachedEntries()).isLessThanOrEqualTo(50);
        }
    }
}
