package io.colshift.rewrite;

import io.colshift.state.Phase;
import io.colshift.state.StateSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.colshift.rewrite.Rewrites.text;
import static org.assertj.core.api.Assertions.assertThat;

/** The query inside a wrapper is rewritten as a statement of its own; the wrapper's text stays byte for byte. */
class WrappedQueryTest {

    private final RewriteEngine engine = Rewrites.engine(1000);
    private final StateSnapshot declared = Snapshots.phase(Phase.DECLARED);
    private final StateSnapshot expanded = Snapshots.phase(Phase.EXPANDED);

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void explainRewritesTheStatementItExplainsInEveryOptionForm() {
        assertThat(text(engine, "EXPLAIN SELECT status FROM users WHERE id = ?", declared))
                .isEqualTo("EXPLAIN SELECT CAST('active' AS text) AS status FROM users WHERE id = ?");
        assertThat(text(engine, "explain analyze verbose select u.status from users u", expanded))
                .isEqualTo("explain analyze verbose select COALESCE(u.status, 'active') AS status from users u");
        assertThat(text(engine, "/* plan */ EXPLAIN (ANALYZE, FORMAT JSON)\n  SELECT * FROM users;", declared))
                .isEqualTo("/* plan */ EXPLAIN (ANALYZE, FORMAT JSON)\n  SELECT users.id, users.name, users.email, "
                        + "users.deleted_at, users.balance, CAST('active' AS text) AS status FROM users;");
    }

    @Test
    void explainedInsertLosesTheGatedColumnAndItsParameter() {
        Rewrite r = engine.rewrite("EXPLAIN INSERT INTO users (name, status, email) VALUES (?, ?, ?)", declared);
        assertThat(r.applyTo("")).isEqualTo("EXPLAIN INSERT INTO users (name, email) VALUES (?, ?)");
        assertThat(Rewrites.map(r, 3)).containsExactly(1, Rewrite.DROPPED, 2);
    }

    @Test
    void preparedStatementCursorAndCreateTableAsRewriteTheirQuery() {
        assertThat(text(engine, "PREPARE p (int) AS SELECT status FROM users WHERE id = $1", expanded))
                .isEqualTo("PREPARE p (int) AS SELECT COALESCE(status, 'active') AS status FROM users WHERE id = $1");
        assertThat(text(engine, "DECLARE c BINARY NO SCROLL CURSOR WITH HOLD FOR SELECT u.status FROM users u", declared))
                .isEqualTo("DECLARE c BINARY NO SCROLL CURSOR WITH HOLD FOR SELECT CAST('active' AS text) AS status FROM users u");
        assertThat(text(engine, "CREATE TEMP TABLE t (a, b) AS SELECT id, status FROM users WITH NO DATA", declared))
                .isEqualTo("CREATE TEMP TABLE t (a, b) AS SELECT id, CAST('active' AS text) AS status FROM users WITH NO DATA");
        assertThat(text(engine, "COPY (SELECT id, status FROM users) TO STDOUT WITH (FORMAT csv)", expanded))
                .isEqualTo("COPY (SELECT id, COALESCE(status, 'active') AS status FROM users) TO STDOUT WITH (FORMAT csv)");
    }

    @Test
    void selectIntoATemporaryTableIsRewrittenWithItsIntoClauseKept() {
        assertThat(text(engine, "SELECT status INTO TEMP TABLE t FROM users", declared))
                .isEqualTo("SELECT CAST('active' AS text) AS status INTO TEMP TABLE t FROM users");
        assertThat(text(engine, "SELECT id, status INTO UNLOGGED t FROM users", expanded))
                .isEqualTo("SELECT id, COALESCE(status, 'active') AS status INTO UNLOGGED t FROM users");
        // a table named like a keyword is a name, not a table kind
        assertThat(text(engine, "SELECT status INTO temp FROM users", declared))
                .isEqualTo("SELECT CAST('active' AS text) AS status INTO temp FROM users");
    }

    @Test
    void viewOverTheMigratingColumnIsRefusedNotFrozen() {
        Unrewritable u = Rewrites.assertUnrewritable(engine, "CREATE OR REPLACE VIEW v AS SELECT id, status FROM users",
                expanded);
        assertThat(u.reason()).isEqualTo("view over a migrating column");
        assertThat(u.possibleWrongRead()).isTrue();
        assertThat(Rewrites.assertUnrewritable(engine, "CREATE MATERIALIZED VIEW m AS SELECT * FROM users WITH DATA",
                declared).possibleWrongRead()).isFalse();
        Rewrites.assertUnchanged(engine, "CREATE VIEW v AS SELECT id, name FROM users", expanded);
        assertThat(engine.rewrite("CREATE VIEW v AS SELECT id, name FROM users", expanded).unrewritable()).isNull();
    }

    @Test
    void aParameterOutsideTheWrappedQueryIsNotRenumberedButRefused() {
        assertThat(Rewrites.assertUnrewritable(engine, "COPY (SELECT status FROM users) TO ?", expanded).reason())
                .isEqualTo("unsupported");
    }

    @Test
    void sortOperatorsAndStringContinuationsParseAndAreKept() {
        assertThat(text(engine, "SELECT status FROM users ORDER BY name USING ~<~, id USING >", declared))
                .isEqualTo("SELECT CAST('active' AS text) AS status FROM users ORDER BY name USING ~<~, id USING >");
        assertThat(text(engine, "SELECT u.status FROM users u ORDER BY u.status USING OPERATOR(pg_catalog.<)", expanded))
                .isEqualTo("SELECT COALESCE(u.status, 'active') AS status FROM users u "
                        + "ORDER BY COALESCE(u.status, 'active') USING OPERATOR(pg_catalog.<)");
        assertThat(text(engine, "SELECT status, 'a'\n  'b' AS ab FROM users", declared))
                .isEqualTo("SELECT CAST('active' AS text) AS status, 'a'\n  'b' AS ab FROM users");
        // JOIN … USING (…) and DELETE … USING t are not sort operators: they are left to the parser
        assertThat(Relaxations.relax("SELECT * FROM a JOIN b USING (id)")).isNull();
        assertThat(Relaxations.relax("DELETE FROM a USING b WHERE a.id = b.id")).isNull();
    }

    @Test
    void valuesListInFromWithColumnAliasesNextToTheMigratingTable() {
        assertThat(text(engine, "SELECT * FROM (VALUES (1, 'a')) AS v(id, label) JOIN users u ON u.id = v.id", declared))
                .isEqualTo("SELECT v.*, u.id, u.name, u.email, u.deleted_at, u.balance, CAST('active' AS text) AS status "
                        + "FROM (VALUES (1, 'a')) AS v(id, label) JOIN users u ON u.id = v.id");
    }
}
