package io.colshift.rewrite;

import io.colshift.state.Phase;
import io.colshift.state.StateSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which statements the rewriter could not handle count as touching a migrating column (and so fall under the
 * connection's policy), and which pass as before because they cannot need a rewrite.
 */
class UnrewritableDetectionTest {

    private final RewriteEngine engine = Rewrites.engine(1000);
    private final StateSnapshot declared = Snapshots.phase(Phase.DECLARED);
    private final StateSnapshot expanded = Snapshots.phase(Phase.EXPANDED);

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void unparsableReadOfTheColumnIsAPossibleWrongReadOnlyOnceTheColumnExists() {
        String sql = "SELECT status FROM users WHERE id = 1 AND (";
        assertThat(Rewrites.assertUnrewritable(engine, sql, declared).possibleWrongRead()).isFalse();
        Unrewritable u = Rewrites.assertUnrewritable(engine, sql, expanded);
        assertThat(u.possibleWrongRead()).isTrue();
        assertThat(u.migrations()).containsExactly("users-status");
        assertThat(u.reason()).isEqualTo("parse failed");
    }

    @Test
    void starOverTheTableCountsAsTouchingTheColumn() {
        assertThat(Rewrites.assertUnrewritable(engine, "SELECT * FROM users NATURAL JOIN tags", expanded).reason())
                .isEqualTo("unsupported");
        assertThat(Rewrites.assertUnrewritable(engine, "SELECT u.* FROM users u WHERE ((", expanded)).isNotNull();
        assertThat(Rewrites.assertUnrewritable(engine, "COPY users TO STDOUT", expanded)).isNotNull();
        assertThat(Rewrites.assertUnrewritable(engine, "TABLE users", expanded)).isNotNull();
        assertThat(Rewrites.assertUnrewritable(engine, "CREATE TABLE copy AS TABLE users", expanded)).isNotNull();
    }

    @Test
    void statementsThatCannotReadTheColumnPassAsBefore() {
        for (String sql : new String[] {
                "SELECT count(*) FROM users WHERE ((",                          // count(*) is not a star
                "SELECT id * 2 FROM users WHERE ((",                            // nor is a multiplication
                "SELECT 'users.status' WHERE ((",                               // names only in a literal
                "SELECT 1 /* users status */ WHERE ((",                          // or in a comment
                "CREATE FUNCTION f() RETURNS text AS $$ SELECT status FROM users $$ LANGUAGE sql",  // function body
                "COPY users (id, status) FROM STDIN",                           // a write
                "SELECT name FROM users NATURAL JOIN tags",                      // neither the column nor a star
        }) {
            assertThat(engine.rewrite(sql, expanded)).as(sql).isSameAs(Rewrite.UNCHANGED);
        }
    }

    @Test
    void theColumnNameOfAnotherTableNextToTheMigratingOneCountsAsTouching() {
        // without a parse there is no telling whose status this is: the policy must err on the side of saying so
        assertThat(Rewrites.assertUnrewritable(engine,
                "SELECT o.status FROM orders o JOIN users u ON u.id = o.user_id WHERE ((", expanded)).isNotNull();
    }

    @Test
    void unrewritableResultsAreCachedLikeAnyOther() {
        String sql = "SELECT status FROM users WHERE ((";
        Rewrite first = engine.rewrite(sql, expanded);
        assertThat(engine.rewrite(sql, expanded)).isSameAs(first);
        assertThat(engine.stats().misses()).isEqualTo(1);
    }
}
