package io.colshift.rewrite;

import io.colshift.state.Phase;
import io.colshift.state.StateSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.colshift.rewrite.Rewrites.text;
import static org.assertj.core.api.Assertions.assertThat;

class TextPreservationTest {

    private final RewriteEngine engine = Rewrites.engine(100);
    private final StateSnapshot declared = Snapshots.phase(Phase.DECLARED);

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void commentsHintsCasingAndWhitespaceOutsideRewrittenSpansAreKept() {
        String sql = "/*+ IndexScan(u) */  SeLeCt\n\tu.id ,  u.status -- the new column\n"
                + "FROM   users   u /* trailing */ WHERE u.name ILIKE ?  ";
        assertThat(text(engine, sql, declared)).isEqualTo("/*+ IndexScan(u) */  SeLeCt\n\tu.id ,  CAST('active' AS text) AS status -- the new column\n"
                + "FROM   users   u /* trailing */ WHERE u.name ILIKE ?  ");
    }

    @Test
    void literalsAndCastsAroundTheReferenceAreUntouched() {
        assertThat(text(engine, "SELECT 'status', u.status::varchar(10), $$users$$ FROM users u WHERE u.status = ANY(?)", declared))
                .isEqualTo("SELECT 'status', CAST('active' AS text)::varchar(10) AS status, $$users$$ FROM users u "
                        + "WHERE CAST('active' AS text) = ANY(?)");
    }

    @Test
    void statementWithoutTheColumnComesBackAsTheSameObject() {
        Rewrite r = engine.rewrite("SELECT id, name FROM users WHERE id = ?", Snapshots.phase(Phase.EXPANDED));
        assertThat(r).isSameAs(Rewrite.UNCHANGED);
    }

    @Test
    void nonAsciiTextKeepsOffsetsRight() {
        assertThat(text(engine, "SELECT 'héllo 😀', status FROM users WHERE name = 'ü'", declared))
                .isEqualTo("SELECT 'héllo 😀', CAST('active' AS text) AS status FROM users WHERE name = 'ü'");
    }
}
