package io.colshift.rewrite;

import io.colshift.state.ColumnMigration;
import io.colshift.state.Phase;
import io.colshift.state.StateSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.colshift.rewrite.Rewrites.map;
import static org.assertj.core.api.Assertions.assertThat;

class SeveralMigrationsTest {

    private final RewriteEngine engine = Rewrites.engine(100);

    private final StateSnapshot snapshot = new StateSnapshot(77, List.of(
            new ColumnMigration("users-status", "public", "users", "status", "text", "'active'", Phase.DECLARED, false),
            new ColumnMigration("users-tier", "public", "users", "tier", "int", "0", Phase.EXPANDED, false),
            new ColumnMigration("orders-currency", "public", "orders", "currency", "char(3)", "'EUR'", Phase.BACKFILLED, true)),
            Map.of("public.users", List.of("id", "name", "tier"),
                    "public.orders", List.of("id", "user_id", "total", "status", "currency")),
            List.of("public"));

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void eachMigrationIsRewrittenForItsOwnPhase() {
        assertThat(engine.rewrite("SELECT u.status, u.tier, o.currency FROM users u JOIN orders o ON o.user_id = u.id", snapshot)
                .applyTo("")).isEqualTo("SELECT CAST('active' AS text) AS status, COALESCE(u.tier, 0) AS tier, "
                + "COALESCE(o.currency, 'EUR') AS currency FROM users u JOIN orders o ON o.user_id = u.id");
    }

    @Test
    void adjacentGatedColumnsLeaveTogether() {
        Rewrite r = engine.rewrite("INSERT INTO users (id, status, tier, name) VALUES (?, ?, ?, ?), (?, ?, ?, ?)", snapshot);
        assertThat(r.applyTo("")).isEqualTo("INSERT INTO users (id, name) VALUES (?, ?), (?, ?)");
        assertThat(map(r, 8)).containsExactly(1, Rewrite.DROPPED, Rewrite.DROPPED, 2, 3, Rewrite.DROPPED, Rewrite.DROPPED, 4);
    }

    @Test
    void trailingGatedColumnsLeaveTogether() {
        assertThat(engine.rewrite("INSERT INTO users (id, name, tier, status) VALUES (1, 'a', 2, 'x')", snapshot).applyTo(""))
                .isEqualTo("INSERT INTO users (id, name) VALUES (1, 'a')");
    }

    @Test
    void updateOfOnlyGatedColumnsOfTwoMigrationsCounts() {
        Rewrite r = engine.rewrite("UPDATE users SET tier = ?, status = ? WHERE id = ?", snapshot);
        assertThat(r.countInsteadOfUpdate()).isTrue();
        assertThat(r.applyTo("")).isEqualTo("SELECT count(*) FROM users WHERE id = ?");
        assertThat(map(r, 3)).containsExactly(Rewrite.DROPPED, Rewrite.DROPPED, 1);
    }

    @Test
    void ungatedMigrationKeepsItsWrite() {
        Rewrite r = engine.rewrite("UPDATE orders SET currency = ? WHERE id = ?", snapshot);
        assertThat(r.isUnchanged()).isTrue();
        assertThat(r).isEqualTo(Rewrite.UNCHANGED);
        // sent as written, yet still a write of the migrating column for the driver's adoption counters
        assertThat(r.touches()).containsExactly(new Touch("orders-currency", false, true, false));
    }

    @Test
    void selectStarTouchesTheMigrationsWithoutReadingTheirColumns() {
        // an application version that predates the columns selects * too: it gets them, it does not use them
        assertThat(engine.rewrite("SELECT * FROM users WHERE id = ?", snapshot).touches()).containsExactly(
                new Touch("users-status", false, false, false), new Touch("users-tier", false, false, false));
    }

    @Test
    void namingTheColumnReadsIt() {
        assertThat(engine.rewrite("SELECT id, status FROM users WHERE id = ?", snapshot).touches())
                .containsExactly(new Touch("users-status", true, false, false));
    }

    @Test
    void starShowsOnlyTheColumnsThatDoNotExistYet() {
        assertThat(engine.rewrite("SELECT * FROM users", snapshot).applyTo(""))
                .isEqualTo("SELECT users.id, users.name, COALESCE(users.tier, 0) AS tier, CAST('active' AS text) AS status FROM users");
    }
}
