package io.colshift.phase;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;

import static io.colshift.phase.PhaseFixture.count;
import static io.colshift.phase.PhaseFixture.declare;
import static io.colshift.phase.PhaseFixture.exec;
import static io.colshift.phase.PhaseFixture.phase;
import static io.colshift.phase.PhaseFixture.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WithPostgres
class ExpanderIT {

    @Test
    void constantDefaultWithoutBackfillExpressionGoesIntoTheCatalogAtExpand(TestDatabase db) throws Exception {
        exec(db, "CREATE TABLE exp_const (id int PRIMARY KEY)");
        exec(db, "INSERT INTO exp_const SELECT generate_series(1, 1000)");
        declare(db, "exp-const", "exp_const", "status", "text", "'active'", null, false, null);
        long versionBefore = count(db, "SELECT version FROM colshift.state");
        long filenodeBefore = count(db, "SELECT relfilenode FROM pg_class WHERE relname = 'exp_const'");
        StringWriter out = new StringWriter();
        try (PhaseRun run = PhaseFixture.open(db, "exp-const", "expand", out)) {
            Expander.run(run);
        }
        assertThat(phase(db, "exp-const")).isEqualTo("expanded");
        assertThat(count(db, "SELECT count(*) FROM exp_const WHERE status = 'active'")).isEqualTo(1000);
        // metadata-only: the table was not rewritten
        assertThat(count(db, "SELECT relfilenode FROM pg_class WHERE relname = 'exp_const'")).isEqualTo(filenodeBefore);
        assertThat(count(db, "SELECT version FROM colshift.state")).isGreaterThan(versionBefore);
        assertThat(count(db, "SELECT count(*) FROM colshift.events WHERE migration_id = 'exp-const'"
                + " AND kind = 'phase' AND to_value = 'expanded'")).isOne();
        assertThat(out.toString()).contains("ADD COLUMN IF NOT EXISTS \"status\" text DEFAULT ('active')");
    }

    @Test
    void aDefaultThatIsNotASimpleTermIsParenthesised(TestDatabase db) throws Exception {
        exec(db, "CREATE TABLE exp_paren (id int PRIMARY KEY)");
        exec(db, "INSERT INTO exp_paren SELECT generate_series(1, 5)");
        // `DEFAULT NOT false` is a syntax error: DEFAULT takes a restricted expression unless parenthesised
        declare(db, "exp-paren", "exp_paren", "active", "boolean", "NOT false", null, false, null);
        try (PhaseRun run = PhaseFixture.open(db, "exp-paren", "expand", new StringWriter())) {
            Expander.run(run);
        }
        assertThat(count(db, "SELECT count(*) FROM exp_paren WHERE active")).isEqualTo(5);
    }

    @Test
    void separateBackfillExpressionKeepsTheColumnWithoutDefault(TestDatabase db) throws Exception {
        exec(db, "CREATE TABLE exp_backfill (id int PRIMARY KEY, deleted boolean NOT NULL DEFAULT false)");
        exec(db, "INSERT INTO exp_backfill (id) SELECT generate_series(1, 10)");
        declare(db, "exp-backfill", "exp_backfill", "status", "text", "'active'",
                "CASE WHEN deleted THEN 'gone' ELSE 'active' END", true, null);
        try (PhaseRun run = PhaseFixture.open(db, "exp-backfill", "expand", new StringWriter())) {
            Expander.run(run);
        }
        assertThat(count(db, "SELECT count(*) FROM exp_backfill WHERE status IS NULL")).isEqualTo(10);
        assertThat(string(db, "SELECT column_default FROM information_schema.columns WHERE table_name = 'exp_backfill'"
                + " AND column_name = 'status'")).isNull();
        assertThat(string(db, "SELECT is_nullable FROM information_schema.columns WHERE table_name = 'exp_backfill'"
                + " AND column_name = 'status'")).isEqualTo("YES");
    }

    @Test
    void volatileDefaultIsLeftToTheBackfill(TestDatabase db) throws Exception {
        exec(db, "CREATE TABLE exp_volatile (id int PRIMARY KEY)");
        exec(db, "INSERT INTO exp_volatile SELECT generate_series(1, 10)");
        declare(db, "exp-volatile", "exp_volatile", "token", "uuid", "md5(random()::text)::uuid", null, false, null);
        StringWriter out = new StringWriter();
        try (PhaseRun run = PhaseFixture.open(db, "exp-volatile", "expand", out)) {
            Expander.run(run);
        }
        assertThat(count(db, "SELECT count(*) FROM exp_volatile WHERE token IS NULL")).isEqualTo(10);
        assertThat(out.toString()).contains("volatile random()");
    }

    @Test
    void rerunAfterTheColumnWasAddedButNotPublishedConverges(TestDatabase db) throws Exception {
        exec(db, "CREATE TABLE exp_crash (id int PRIMARY KEY)");
        declare(db, "exp-crash", "exp_crash", "n", "bigint", null, "id * 2", false, null);
        // what a run killed between ADD COLUMN and the state write leaves behind
        exec(db, "ALTER TABLE exp_crash ADD COLUMN n bigint");
        StringWriter out = new StringWriter();
        try (PhaseRun run = PhaseFixture.open(db, "exp-crash", "expand", out)) {
            Expander.run(run);
            Expander.run(run);
        }
        assertThat(phase(db, "exp-crash")).isEqualTo("expanded");
        assertThat(out.toString()).contains("already exists").contains("already expanded");
        assertThat(count(db, "SELECT count(*) FROM colshift.events WHERE migration_id = 'exp-crash'"
                + " AND to_value = 'expanded'")).isOne();
    }

    @Test
    void columnCreatedOutsideColshiftWithAnotherTypeIsRefusedAsDrift(TestDatabase db) throws Exception {
        exec(db, "CREATE TABLE exp_drift (id int PRIMARY KEY, status varchar(5))");
        declare(db, "exp-drift", "exp_drift", "status", "text", null, null, false, null);
        try (PhaseRun run = PhaseFixture.open(db, "exp-drift", "expand", new StringWriter())) {
            assertThatThrownBy(() -> Expander.run(run))
                    .isInstanceOf(DriftDetected.class)
                    .hasMessageContaining("character varying(5)")
                    .hasMessageContaining("text")
                    .satisfies(e -> assertThat(((PhaseException) e).exitCode()).isEqualTo(3));
        }
        assertThat(phase(db, "exp-drift")).isEqualTo("declared");
    }

    @Test
    void unknownMigrationIsAClearRefusal(TestDatabase db) throws Exception {
        PhaseFixture.init(db);
        try (PhaseRun run = PhaseFixture.open(db, "no-such-migration", "expand", new StringWriter())) {
            assertThatThrownBy(() -> Expander.run(run))
                    .isInstanceOf(UnknownMigration.class)
                    .hasMessageContaining("no migration 'no-such-migration'")
                    .satisfies(e -> assertThat(((PhaseException) e).exitCode()).isEqualTo(2));
        }
    }
}
