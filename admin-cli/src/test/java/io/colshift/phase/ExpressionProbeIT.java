package io.colshift.phase;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WithPostgres
class ExpressionProbeIT {

    @Test
    void constantsAndStableFunctionsAreNotVolatile(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            assertThat(ExpressionProbe.probe(c, "text", "'active'").defaultIsVolatile()).isFalse();
            assertThat(ExpressionProbe.probe(c, "timestamptz", "now()").defaultIsVolatile()).isFalse();
            assertThat(ExpressionProbe.probe(c, "int", "1 + 2 * 3").defaultIsVolatile()).isFalse();
            assertThat(ExpressionProbe.probe(c, "text", "lower('ABC') || 'x'").defaultIsVolatile()).isFalse();
        }
    }

    @Test
    void volatileCallsAreFoundWhereverTheyAreNested(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            assertThat(ExpressionProbe.probe(c, "double precision", "random()").volatileCalls())
                    .containsExactly("random()");
            assertThat(ExpressionProbe.probe(c, "int", "(random() * 10)::int + 1").defaultIsVolatile()).isTrue();
            assertThat(ExpressionProbe.probe(c, "timestamptz", "clock_timestamp()").defaultIsVolatile()).isTrue();
            assertThat(ExpressionProbe.probe(c, "uuid", "md5(random()::text)::uuid").volatileCalls())
                    .containsExactly("random()");
            assertThat(ExpressionProbe.probe(c, "text", "CASE WHEN random() > 0.5 THEN 'a' ELSE 'b' END")
                    .defaultIsVolatile()).isTrue();
        }
    }

    @Test
    void volatileFunctionsBehindAUserDefinedOperatorAreFound(TestDatabase db) throws Exception {
        PhaseFixture.exec(db, "CREATE FUNCTION jitter_add(int, int) RETURNS int VOLATILE LANGUAGE sql"
                + " AS 'SELECT $1 + $2 + (random() * 0)::int'");
        PhaseFixture.exec(db, "CREATE OPERATOR +~ (LEFTARG = int, RIGHTARG = int, FUNCTION = jitter_add)");
        try (Connection c = db.connect()) {
            assertThat(ExpressionProbe.probe(c, "int", "1 +~ 2").volatileCalls())
                    .containsExactly("jitter_add(integer,integer)");
        }
    }

    @Test
    void reportsTheTypeAsPostgresSpellsItAndLeavesNothingBehind(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            ExpressionProbe.Result r = ExpressionProbe.probe(c, "NUMERIC(10, 2)", "0");
            assertThat(r.type()).isEqualTo("numeric(10,2)");
            assertThat(r.defaultExpr()).isEqualTo("0");
            assertThat(ExpressionProbe.probe(c, "varchar(20)", null).type()).isEqualTo("character varying(20)");
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(PhaseFixture.count(db, "SELECT count(*) FROM pg_class WHERE relname = 'colshift_probe'")).isZero();
        }
    }

    @Test
    void refusesATypeOrDefaultTheServerRejects(TestDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            assertThatThrownBy(() -> ExpressionProbe.probe(c, "no_such_type", null))
                    .isInstanceOf(PreconditionFailed.class).hasMessageContaining("no_such_type");
            assertThatThrownBy(() -> ExpressionProbe.probe(c, "int", "'abc'"))
                    .isInstanceOf(PreconditionFailed.class).hasMessageContaining("'abc'");
            assertThat(c.getAutoCommit()).isTrue();
        }
    }
}
