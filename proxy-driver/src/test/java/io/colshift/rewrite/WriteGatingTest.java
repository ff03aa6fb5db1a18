package io.colshift.rewrite;

import io.colshift.state.Phase;
import io.colshift.state.StateSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.colshift.rewrite.Rewrites.map;
import static io.colshift.rewrite.Rewrites.text;
import static org.assertj.core.api.Assertions.assertThat;

class WriteGatingTest {

    private final RewriteEngine engine = Rewrites.engine(1000);
    private final StateSnapshot declared = Snapshots.phase(Phase.DECLARED);
    private final StateSnapshot expandedFlagOff = Snapshots.phase(Phase.EXPANDED, false);
    private final StateSnapshot expandedFlagOn = Snapshots.phase(Phase.EXPANDED, true);

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void stripsGatedColumnAndItsPlaceholderFromSingleRowInsert() {
        Rewrite r = engine.rewrite("INSERT INTO users (id, status, name) VALUES (?, ?, ?)", declared);
        assertThat(r.applyTo("")).isEqualTo("INSERT INTO users (id, name) VALUES (?, ?)");
        assertThat(map(r, 3)).containsExactly(1, Rewrite.DROPPED, 2);
    }

    @Test
    void stripsGatedColumnFromMultiRowInsert() {
        Rewrite r = engine.rewrite("INSERT INTO users (id, name, status) VALUES (?, ?, ?), (?, ?, 'x'), (3, 'c', ?)", declared);
        assertThat(r.applyTo("")).isEqualTo("INSERT INTO users (id, name) VALUES (?, ?), (?, ?), (3, 'c')");
        assertThat(map(r, 6)).containsExactly(1, 2, Rewrite.DROPPED, 3, 4, Rewrite.DROPPED);
    }

    @Test
    void stripsFirstColumnAndLastColumn() {
        assertThat(text(engine, "INSERT INTO users (status, id) VALUES ('a', 1)", declared))
                .isEqualTo("INSERT INTO users (id) VALUES (1)");
        assertThat(text(engine, "INSERT INTO users (id, status) VALUES (1, 'a')", declared))
                .isEqualTo("INSERT INTO users (id) VALUES (1)");
    }

    @Test
    void insertOfOnlyTheGatedColumnBecomesDefaultValues() {
        Rewrite r = engine.rewrite("INSERT INTO users (status) VALUES (?)", declared);
        assertThat(r.applyTo("")).isEqualTo("INSERT INTO users DEFAULT VALUES");
        assertThat(map(r, 1)).containsExactly(Rewrite.DROPPED);
    }

    @Test
    void stripsGatedItemFromInsertSelect() {
        assertThat(text(engine, "INSERT INTO users (id, status) SELECT o.user_id, o.status FROM orders o WHERE o.id = ?", declared))
                .isEqualTo("INSERT INTO users (id) SELECT o.user_id FROM orders o WHERE o.id = ?");
    }

    @Test
    void insertSelectDoesNotSeeTheTargetTable() {
        // the SELECT reads orders.status, never the column being added to users
        assertThat(text(engine, "INSERT INTO users (id, name) SELECT user_id, status FROM orders", declared))
                .isEqualTo("INSERT INTO users (id, name) SELECT user_id, status FROM orders");
    }

    @Test
    void writesPassWhenTheFlagIsOn() {
        Rewrites.assertUnchanged(engine, "INSERT INTO users (id, status) VALUES (?, ?)", expandedFlagOn);
        Rewrites.assertUnchanged(engine, "UPDATE users SET status = ? WHERE id = ?", expandedFlagOn);
        Rewrites.assertUnchanged(engine, "INSERT INTO users (id, status) VALUES (?, ?)", Snapshots.phase(Phase.BACKFILLED));
    }

    @Test
    void writesAreGatedInExpandedWithTheFlagOff() {
        assertThat(text(engine, "INSERT INTO users (id, status) VALUES (?, ?)", expandedFlagOff))
                .isEqualTo("INSERT INTO users (id) VALUES (?)");
    }

    @Test
    void onConflictDropsTheGatedSetItemAndReadsExcludedThroughTheFallback() {
        Rewrite r = engine.rewrite("INSERT INTO users (id, name, status) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE "
                + "SET name = EXCLUDED.name || EXCLUDED.status, status = EXCLUDED.status RETURNING id, status", declared);
        assertThat(r.applyTo("")).isEqualTo("INSERT INTO users (id, name) VALUES (?, ?) ON CONFLICT (id) DO UPDATE "
                + "SET name = EXCLUDED.name || CAST('active' AS text) RETURNING id, CAST('active' AS text) AS status");
        assertThat(map(r, 3)).containsExactly(1, 2, Rewrite.DROPPED);
    }

    @Test
    void onConflictWhoseOnlySetItemIsGatedStillUpdatesAndReturnsTheRow() {
        assertThat(text(engine, "INSERT INTO users AS u (id, status) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status", declared))
                .isEqualTo("INSERT INTO users AS u (id) VALUES (?) ON CONFLICT (id) DO UPDATE SET id = u.id");
    }

    @Test
    void onConflictOnTheGatedColumnPassesUnchanged() {
        // the arbiter is the column being gated: leaving it out of the INSERT would change which rows conflict
        Rewrites.assertUnchanged(engine, "INSERT INTO users (id, status) VALUES (?, ?) ON CONFLICT (status) DO NOTHING",
                expandedFlagOff);
        assertThat(engine.stats().unsupported()).isEqualTo(1);
    }

    @Test
    void updateKeepsOtherSetItemsAndRenumbersParameters() {
        Rewrite r = engine.rewrite("UPDATE users SET name = ?, status = ?, email = ? WHERE id = ?", declared);
        assertThat(r.applyTo("")).isEqualTo("UPDATE users SET name = ?, email = ? WHERE id = ?");
        assertThat(map(r, 4)).containsExactly(1, Rewrite.DROPPED, 2, 3);
        assertThat(r.countInsteadOfUpdate()).isFalse();
    }

    @Test
    void updateWhoseOnlySetItemIsGatedCountsInsteadOfWriting() {
        Rewrite r = engine.rewrite("UPDATE users SET status = ? WHERE id = ? AND name <> ?", declared);
        assertThat(r.countInsteadOfUpdate()).isTrue();
        assertThat(r.applyTo("")).isEqualTo("SELECT count(*) FROM users WHERE id = ? AND name <> ?");
        assertThat(map(r, 3)).containsExactly(Rewrite.DROPPED, 1, 2);
    }

    @Test
    void updateFromCountsEachTargetRowOnce() {
        Rewrite r = engine.rewrite("UPDATE users u SET status = 'x' FROM orders o WHERE o.user_id = u.id AND o.total > ?", declared);
        assertThat(r.countInsteadOfUpdate()).isTrue();
        assertThat(r.applyTo("")).isEqualTo("SELECT count(*) FROM users u WHERE EXISTS (SELECT 1 FROM orders o WHERE o.user_id = u.id AND o.total > ?)");
    }

    @Test
    void updateWithReturningSelectsTheRowsItWouldHaveReturned() {
        Rewrite r = engine.rewrite("UPDATE users SET status = ? WHERE id = ? RETURNING id, status", declared);
        assertThat(r.countInsteadOfUpdate()).isFalse();
        assertThat(r.applyTo("")).isEqualTo("SELECT id, CAST('active' AS text) AS status FROM users WHERE id = ?");
        assertThat(map(r, 2)).containsExactly(Rewrite.DROPPED, 1);
    }

    @Test
    void updateReadsInWhereAndSetValuesAreRewritten() {
        assertThat(text(engine, "UPDATE users SET name = status || name WHERE status = ?", expandedFlagOn))
                .isEqualTo("UPDATE users SET name = COALESCE(status, 'active') || name WHERE COALESCE(status, 'active') = ?");
    }

    @Test
    void deleteReturningReadsTheFallback() {
        assertThat(text(engine, "DELETE FROM users WHERE id = ? RETURNING *", declared))
                .isEqualTo("DELETE FROM users WHERE id = ? RETURNING users.id, users.name, users.email, users.deleted_at, users.balance, CAST('active' AS text) AS status");
    }

    @Test
    void mergeGatesItsUpdateAndInsertActionsAndRewritesItsReads() {
        Rewrite r = engine.rewrite("MERGE INTO users u USING orders o ON o.user_id = u.id WHEN MATCHED AND u.status <> ? "
                + "THEN UPDATE SET status = o.status, name = ? WHEN NOT MATCHED THEN INSERT (id, name, email, status) "
                + "VALUES (o.user_id, ?, ?, o.status)", declared);
        assertThat(r.applyTo("")).isEqualTo("MERGE INTO users u USING orders o ON o.user_id = u.id WHEN MATCHED AND "
                + "CAST('active' AS text) <> ? THEN UPDATE SET name = ? WHEN NOT MATCHED THEN INSERT (id, name, email) "
                + "VALUES (o.user_id, ?, ?)");
        assertThat(r.parametersUnchanged()).isTrue();
    }

    @Test
    void mergeUpdateOfTheGatedColumnOnlyStillMatchesItsRows() {
        assertThat(text(engine, "MERGE INTO users u USING orders o ON o.user_id = u.id WHEN MATCHED THEN UPDATE SET status = ?", declared))
                .isEqualTo("MERGE INTO users u USING orders o ON o.user_id = u.id WHEN MATCHED THEN UPDATE SET id = u.id");
    }

    @Test
    void mergeInsertOfTheGatedColumnOnlyInsertsDefaults() {
        Rewrite r = engine.rewrite("MERGE INTO users u USING orders o ON o.user_id = u.id WHEN NOT MATCHED THEN INSERT (status) VALUES (?)", declared);
        assertThat(r.applyTo("")).isEqualTo("MERGE INTO users u USING orders o ON o.user_id = u.id WHEN NOT MATCHED THEN INSERT DEFAULT VALUES");
        assertThat(map(r, 1)).containsExactly(Rewrite.DROPPED);
    }
}
