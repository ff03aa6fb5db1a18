package io.colshift.rewrite;

import io.colshift.state.ColumnMigration;
import io.colshift.state.Phase;
import io.colshift.state.StateSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.colshift.rewrite.Rewrites.text;
import static org.assertj.core.api.Assertions.assertThat;

class ReadRewriteTest {

    private final RewriteEngine engine = Rewrites.engine(1000);
    private final StateSnapshot declared = Snapshots.phase(Phase.DECLARED);
    private final StateSnapshot expanded = Snapshots.phase(Phase.EXPANDED);

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void declaredReadBecomesTypedFallbackWithItsLabel() {
        assertThat(text(engine, "select u1_0.id, u1_0.status from users u1_0 where u1_0.id = ?", declared))
                .isEqualTo("select u1_0.id, CAST('active' AS text) AS status from users u1_0 where u1_0.id = ?");
    }

    @Test
    void expandedReadCoalescesAndKeepsTheLabel() {
        assertThat(text(engine, "select u1_0.id, u1_0.status from users u1_0", expanded))
                .isEqualTo("select u1_0.id, COALESCE(u1_0.status, 'active') AS status from users u1_0");
    }

    @Test
    void backfillingAndBackfilledStillCoalesce() {
        String sql = "SELECT status FROM users";
        assertThat(text(engine, sql, Snapshots.phase(Phase.BACKFILLING, true)))
                .isEqualTo("SELECT COALESCE(status, 'active') AS status FROM users");
        assertThat(text(engine, sql, Snapshots.phase(Phase.BACKFILLED)))
                .isEqualTo("SELECT COALESCE(status, 'active') AS status FROM users");
    }

    @Test
    void contractedPassesUnchanged() {
        Rewrites.assertUnchanged(engine, "SELECT status FROM users WHERE status = 'x'", Snapshots.phase(Phase.CONTRACTED));
    }

    @Test
    void castOfTheColumnKeepsTheColumnsNameAsLabel() {
        assertThat(text(engine, "SELECT status::varchar(10), CAST(u.status AS text) FROM users u", declared))
                .isEqualTo("SELECT CAST('active' AS text)::varchar(10) AS status, CAST(CAST('active' AS text) AS text) AS status "
                        + "FROM users u");
        assertThat(text(engine, "SELECT status::varchar(10) AS s FROM users", expanded))
                .isEqualTo("SELECT COALESCE(status, 'active')::varchar(10) AS s FROM users");
    }

    @Test
    void explicitAliasIsKeptAndNotDoubled() {
        assertThat(text(engine, "SELECT u.status AS s FROM users u", declared))
                .isEqualTo("SELECT CAST('active' AS text) AS s FROM users u");
    }

    @Test
    void filtersOrderingAndGroupingSeeTheSameValueAsReads() {
        assertThat(text(engine, "SELECT count(*) FROM users u WHERE u.status = ? GROUP BY u.status HAVING max(u.status) > 'a' ORDER BY max(u.status)", expanded))
                .isEqualTo("SELECT count(*) FROM users u WHERE COALESCE(u.status, 'active') = ? GROUP BY COALESCE(u.status, 'active') "
                        + "HAVING max(COALESCE(u.status, 'active')) > 'a' ORDER BY max(COALESCE(u.status, 'active'))");
    }

    @Test
    void orderByOutputLabelStaysAsWritten() {
        assertThat(text(engine, "SELECT status FROM users ORDER BY status", declared))
                .isEqualTo("SELECT CAST('active' AS text) AS status FROM users ORDER BY status");
    }

    @Test
    void starGainsTheColumnAfterTheTableColumnsInDeclared() {
        assertThat(text(engine, "SELECT * FROM users WHERE id = ?", declared))
                .isEqualTo("SELECT users.id, users.name, users.email, users.deleted_at, users.balance, CAST('active' AS text) AS status FROM users WHERE id = ?");
        assertThat(text(engine, "SELECT u.*, o.total FROM users u JOIN orders o ON o.user_id = u.id", declared))
                .isEqualTo("SELECT u.id, u.name, u.email, u.deleted_at, u.balance, CAST('active' AS text) AS status, o.total "
                        + "FROM users u JOIN orders o ON o.user_id = u.id");
    }

    @Test
    void starOverMigratingTableCoalescesTheColumnInItsPlace() {
        StateSnapshot middle = new StateSnapshot(9, List.of(Snapshots.status(Phase.BACKFILLING, true)),
                Map.of("public.users", List.of("id", "status", "name")), List.of("public"));
        assertThat(text(engine, "SELECT * FROM users u WHERE u.id = ?", middle))
                .isEqualTo("SELECT u.id, COALESCE(u.status, 'active') AS status, u.name FROM users u WHERE u.id = ?");
        assertThat(text(engine, "SELECT u.* FROM users u", middle))
                .isEqualTo("SELECT u.id, COALESCE(u.status, 'active') AS status, u.name FROM users u");
    }

    @Test
    void starOverSeveralRelationsSpellsOutOnlyTheMigratingOne() {
        assertThat(text(engine, "SELECT * FROM orders o JOIN users u ON u.id = o.user_id", expanded))
                .isEqualTo("SELECT o.*, u.id, u.name, u.email, u.deleted_at, u.balance, COALESCE(u.status, 'active') AS status "
                        + "FROM orders o JOIN users u ON u.id = o.user_id");
    }

    @Test
    void starKeepsResultShapeAcrossAddColumn() {
        // the text sent in declared names every column, so the column ADD COLUMN brings does not join the result
        String sent = text(engine, "SELECT * FROM users", declared);
        assertThat(sent).doesNotContain("*").endsWith("CAST('active' AS text) AS status FROM users");
        assertThat(text(engine, "SELECT * FROM users", expanded))
                .isEqualTo("SELECT users.id, users.name, users.email, users.deleted_at, users.balance, COALESCE(users.status, 'active') AS status FROM users");
    }

    @Test
    void starWithJoinUsingPassesUnchanged() {
        Rewrites.assertUnchanged(engine, "SELECT * FROM users JOIN tags USING (id)", expanded);
        Rewrites.assertUnchanged(engine, "SELECT u.* FROM users u NATURAL JOIN tags", declared);
        assertThat(engine.stats().unsupported()).isEqualTo(2);
    }

    @Test
    void starOverATableTheSnapshotDoesNotListPassesUnchanged() {
        StateSnapshot unlisted = new StateSnapshot(9, List.of(Snapshots.status(Phase.EXPANDED, false)),
                Map.of(), List.of("public"));
        Rewrites.assertUnchanged(engine, "SELECT * FROM users", unlisted);
        assertThat(engine.stats().unsupported()).isEqualTo(1);
    }

    @Test
    void unionOfSpelledOutStarsKeepsItsArity() {
        assertThat(text(engine, "SELECT * FROM users UNION ALL SELECT * FROM users", expanded))
                .isEqualTo("SELECT users.id, users.name, users.email, users.deleted_at, users.balance, COALESCE(users.status, 'active') AS status FROM users UNION ALL "
                        + "SELECT users.id, users.name, users.email, users.deleted_at, users.balance, COALESCE(users.status, 'active') AS status FROM users");
        Rewrites.assertUnchanged(engine, "SELECT * FROM users UNION ALL SELECT id, name, email, deleted_at, balance FROM users",
                declared);
    }

    @Test
    void starOverAnotherTableIsLeftAlone() {
        Rewrites.assertUnchanged(engine, "SELECT o.* FROM users u JOIN orders o ON o.user_id = u.id", declared);
    }

    @Test
    void joinsResolveQualifiedReferencesToTheRightTable() {
        assertThat(text(engine, "SELECT o.status, u.status FROM orders o JOIN users u ON u.id = o.user_id", declared))
                .isEqualTo("SELECT o.status, CAST('active' AS text) AS status FROM orders o JOIN users u ON u.id = o.user_id");
    }

    @Test
    void unqualifiedNameOfAnotherTableIsNotTouched() {
        Rewrites.assertUnchanged(engine, "SELECT status FROM orders WHERE status = 'paid'", declared);
    }

    @Test
    void unqualifiedNameInAJoinOfTwoTablesWithThatColumnIsAmbiguous() {
        Rewrites.assertUnchanged(engine, "SELECT u.id FROM users u JOIN orders o ON o.user_id = u.id WHERE status = 'x'", declared);
        assertThat(engine.stats().ambiguous()).isEqualTo(1);
    }

    @Test
    void unqualifiedNameResolvesWhenTheOtherTableLacksIt() {
        assertThat(text(engine, "SELECT u.id FROM users u JOIN tags t ON t.user_id = u.id WHERE status = 'x'", declared))
                .isEqualTo("SELECT u.id FROM users u JOIN tags t ON t.user_id = u.id WHERE CAST('active' AS text) = 'x'");
    }

    @Test
    void correlatedSubqueryReferenceResolvesToTheOuterTable() {
        assertThat(text(engine, "SELECT id FROM users u WHERE EXISTS (SELECT 1 FROM tags t WHERE t.user_id = u.id AND status = 'x')", declared))
                .isEqualTo("SELECT id FROM users u WHERE EXISTS (SELECT 1 FROM tags t WHERE t.user_id = u.id AND CAST('active' AS text) = 'x')");
    }

    @Test
    void innerTableShadowsTheOuterOne() {
        Rewrites.assertUnchanged(engine, "SELECT id FROM users u WHERE EXISTS (SELECT 1 FROM orders o WHERE o.user_id = u.id AND status = 'x')", declared);
    }

    @Test
    void derivedTableAndCteColumnsAreTheirOwn() {
        assertThat(text(engine, "WITH a AS (SELECT id, status FROM users) SELECT a.status FROM a WHERE status = 'x'", expanded))
                .isEqualTo("WITH a AS (SELECT id, COALESCE(status, 'active') AS status FROM users) SELECT a.status FROM a WHERE status = 'x'");
        assertThat(text(engine, "SELECT d.status FROM (SELECT * FROM users) d", declared))
                .isEqualTo("SELECT d.status FROM (SELECT users.id, users.name, users.email, users.deleted_at, users.balance, CAST('active' AS text) AS status FROM users) d");
    }

    @Test
    void lateralSubqueryReadsTheColumnOfATableBeforeIt() {
        assertThat(text(engine, "SELECT x.n FROM users u CROSS JOIN LATERAL (SELECT count(*) AS n FROM orders o "
                + "WHERE o.user_id = u.id AND o.status = u.status) x", declared))
                .isEqualTo("SELECT x.n FROM users u CROSS JOIN LATERAL (SELECT count(*) AS n FROM orders o "
                        + "WHERE o.user_id = u.id AND o.status = CAST('active' AS text)) x");
    }

    @Test
    void derivedStarHandsOnTheCoalescedColumn() {
        assertThat(text(engine, "SELECT d.id, d.status FROM (SELECT * FROM users WHERE id > ?) d WHERE d.status = ?", expanded))
                .isEqualTo("SELECT d.id, d.status FROM (SELECT users.id, users.name, users.email, users.deleted_at, users.balance, COALESCE(users.status, 'active') AS status "
                        + "FROM users WHERE id > ?) d WHERE d.status = ?");
        assertThat(text(engine, "WITH a AS (SELECT u.* FROM users u) SELECT status FROM a", expanded))
                .isEqualTo("WITH a AS (SELECT u.id, u.name, u.email, u.deleted_at, u.balance, COALESCE(u.status, 'active') AS status FROM users u) SELECT status FROM a");
    }

    @Test
    void columnAlreadyCoalescedInsideADerivedTableIsNotCoalescedAgain() {
        assertThat(text(engine, "SELECT d.status FROM (SELECT u.status FROM users u) d", expanded))
                .isEqualTo("SELECT d.status FROM (SELECT COALESCE(u.status, 'active') AS status FROM users u) d");
    }

    @Test
    void setOperationsRewriteEachBranch() {
        assertThat(text(engine, "SELECT status FROM users UNION ALL SELECT status FROM orders ORDER BY status", declared))
                .isEqualTo("SELECT CAST('active' AS text) AS status FROM users UNION ALL SELECT status FROM orders ORDER BY status");
    }

    @Test
    void distinctOnAndWindowFunctionsAreRewritten() {
        assertThat(text(engine, "SELECT DISTINCT ON (status) id, row_number() OVER (PARTITION BY status ORDER BY id) FROM users", expanded))
                .isEqualTo("SELECT DISTINCT ON (COALESCE(status, 'active')) id, row_number() OVER (PARTITION BY COALESCE(status, 'active') ORDER BY id) FROM users");
    }

    @Test
    void quotedAndSchemaQualifiedNamesResolve() {
        assertThat(text(engine, "SELECT \"u\".\"status\" FROM \"public\".\"users\" \"u\"", declared))
                .isEqualTo("SELECT CAST('active' AS text) AS \"status\" FROM \"public\".\"users\" \"u\"");
        assertThat(text(engine, "SELECT public.users.status FROM public.users", expanded))
                .isEqualTo("SELECT COALESCE(public.users.status, 'active') AS status FROM public.users");
    }

    @Test
    void quotedNameWithOtherCaseIsAnotherColumn() {
        Rewrites.assertUnchanged(engine, "SELECT u.\"Status\" FROM users u", declared);
    }

    @Test
    void searchPathDecidesWhichTableAnUnqualifiedNameMeans() {
        ColumnMigration m = new ColumnMigration("s", "app", "users", "status", "text", "'active'", Phase.DECLARED, false);
        StateSnapshot appFirst = new StateSnapshot(7, List.of(m),
                Map.of("app.users", List.of("id"), "public.users", List.of("id", "status")), List.of("app", "public"));
        StateSnapshot publicFirst = new StateSnapshot(8, List.of(m),
                Map.of("app.users", List.of("id"), "public.users", List.of("id", "status")), List.of("public", "app"));
        assertThat(text(engine, "SELECT status FROM users", appFirst)).isEqualTo("SELECT CAST('active' AS text) AS status FROM users");
        Rewrites.assertUnchanged(engine, "SELECT status FROM users", publicFirst);
    }

    @Test
    void fallbackUsingOwnColumnsIsQualifiedWithTheReferencedTable() {
        ColumnMigration m = new ColumnMigration("s", "public", "users", "status", "text",
                "CASE WHEN deleted_at IS NULL THEN 'active' ELSE 'gone' END", Phase.EXPANDED, false);
        StateSnapshot s = new StateSnapshot(9, List.of(m),
                Map.of("public.users", List.of("id", "deleted_at", "status"), "public.orders", Snapshots.ORDERS), List.of("public"));
        assertThat(text(engine, "SELECT o.id, u1_0.status FROM orders o JOIN users u1_0 ON u1_0.id = o.user_id", s))
                .isEqualTo("SELECT o.id, COALESCE(u1_0.status, CASE WHEN u1_0.deleted_at IS NULL THEN 'active' ELSE 'gone' END) AS status "
                        + "FROM orders o JOIN users u1_0 ON u1_0.id = o.user_id");
    }

    @Test
    void statementNotNamingAMigratingTableIsSkippedWithoutParsing() {
        Rewrites.assertUnchanged(engine, "SELECT status FROM orders", declared);
        assertThat(engine.stats().skipped()).isEqualTo(1);
        assertThat(engine.stats().misses()).isZero();
    }

    @Test
    void utilityStatementsPassUnchanged() {
        Rewrites.assertUnchanged(engine, "ALTER TABLE users ADD COLUMN status text", declared);
        Rewrites.assertUnchanged(engine, "CREATE INDEX ON users (status)", declared);
        Rewrites.assertUnchanged(engine, "TRUNCATE users", declared);
        Rewrites.assertUnchanged(engine, "COPY users (id, status) FROM STDIN", declared);
        Rewrites.assertUnchanged(engine, "SET search_path = users", declared);
    }
}
