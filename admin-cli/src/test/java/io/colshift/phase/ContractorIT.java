package io.colshift.phase;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.sql.SQLException;

import static io.colshift.phase.PhaseFixture.QUICK;
import static io.colshift.phase.PhaseFixture.backfilled;
import static io.colshift.phase.PhaseFixture.count;
import static io.colshift.phase.PhaseFixture.declare;
import static io.colshift.phase.PhaseFixture.exec;
import static io.colshift.phase.PhaseFixture.phase;
import static io.colshift.phase.PhaseFixture.server;
import static io.colshift.phase.PhaseFixture.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WithPostgres
class ContractorIT {

    @Test
    void setsDefaultSweepsLateNullsEnforcesNotNullAndBuildsTheIndex(TestDatabase db) throws Exception {
        exec(db, "CREATE TABLE ct_users (id bigserial PRIMARY KEY, deleted boolean NOT NULL DEFAULT false)");
        exec(db, "INSERT INTO ct_users (deleted) SELECT i % 5 = 0 FROM generate_series(1, 3000) i");
        declare(db, "ct-users", "ct_users", "status", "text", "'active'",
                "CASE WHEN deleted THEN 'gone' ELSE 'active' END", true, "{\"concurrently\": true}");
        backfilled(db, "ct-users");
        // a writer that does not know the column adds rows after the backfill
        exec(db, "INSERT INTO ct_users (deleted) VALUES (true), (false)");
        StringWriter out = new StringWriter();
        try (PhaseRun run = PhaseFixture.open(db, "ct-users", "contract", out)) {
            new Contractor(run, QUICK).run();
        }
        assertThat(phase(db, "ct-users")).isEqualTo("contracted");
        assertThat(count(db, "SELECT count(*) FROM ct_users WHERE status IS DISTINCT FROM"
                + " CASE WHEN deleted THEN 'gone' ELSE 'active' END")).isZero();
        assertThat(string(db, "SELECT column_default FROM information_schema.columns WHERE table_name = 'ct_users'"
                + " AND column_name = 'status'")).isEqualTo("'active'::text");
        assertThat(string(db, "SELECT is_nullable FROM information_schema.columns WHERE table_name = 'ct_users'"
                + " AND column_name = 'status'")).isEqualTo("NO");
        assertThat(count(db, "SELECT count(*) FROM pg_index WHERE indexrelid = 'ct_users_status_idx'::regclass"
                + " AND indisvalid")).isOne();
        assertThat(count(db, "SELECT count(*) FROM pg_constraint WHERE conrelid = 'ct_users'::regclass"
                + " AND contype = 'c'")).isZero();
        assertThatThrownBy(() -> exec(db, "INSERT INTO ct_users (deleted, status) VALUES (false, NULL)"))
                .isInstanceOf(SQLException.class).hasMessageContaining("status");
        ServerVersion server = server(db);
        if (server.nativeNotNullNotValid()) {
            assertThat(out.toString()).contains("NOT NULL \"status\" NOT VALID");
            assertThat(count(db, "SELECT count(*) FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid"
                    + " AND a.attnum = ANY(c.conkey) WHERE c.conrelid = 'ct_users'::regclass AND c.contype = 'n'"
                    + " AND c.convalidated AND a.attname = 'status'")).isOne();
        } else {
            assertThat(out.toString()).contains("CHECK (\"status\" IS NOT NULL) NOT VALID")
                    .contains("VALIDATE CONSTRAINT").contains("SET NOT NULL").contains("DROP CONSTRAINT");
        }
    }

    @Test
    void runningContractAgainChangesNothing(TestDatabase db) throws Exception {
        exec(db, "CREATE TABLE ct_again (id int PRIMARY KEY)");
        exec(db, "INSERT INTO ct_again SELECT generate_series(1, 100)");
        declare(db, "ct-again", "ct_again", "n", "int", "0", null, true, "{\"concurrently\": true}");
        backfilled(db, "ct-again");
        try (PhaseRun run = PhaseFixture.open(db, "ct-again", "contract", new StringWriter())) {
            new Contractor(run, QUICK).run();
        }
        long version = count(db, "SELECT version FROM colshift.state");
        StringWriter out = new StringWriter();
        try (PhaseRun run = PhaseFixture.open(db, "ct-again", "contract", out)) {
            new Contractor(run, QUICK).run();
        }
        assertThat(out.toString()).contains("already contracted");
        assertThat(count(db, "SELECT version FROM colshift.state")).isEqualTo(version);
    }

    @Test
    void anInvalidIndexLeftByAFailedBuildIsDroppedAndRebuilt(TestDatabase db) throws Exception {
        exec(db, "CREATE TABLE ct_invalid (id int PRIMARY KEY)");
        exec(db, "INSERT INTO ct_invalid SELECT generate_series(1, 500)");
        declare(db, "ct-invalid", "ct_invalid", "grp", "int", null, "id % 3", false, "{\"concurrently\": true}");
        backfilled(db, "ct-invalid");
        // what an interrupted CREATE INDEX CONCURRENTLY leaves behind: an index marked INVALID
        assertThatThrownBy(() -> exec(db, "CREATE UNIQUE INDEX CONCURRENTLY ct_invalid_grp_idx ON ct_invalid (grp)"))
                .isInstanceOf(SQLException.class);
        assertThat(count(db, "SELECT count(*) FROM pg_index WHERE indexrelid = 'ct_invalid_grp_idx'::regclass"
                + " AND NOT indisvalid")).isOne();
        StringWriter out = new StringWriter();
        try (PhaseRun run = PhaseFixture.open(db, "ct-invalid", "contract", out)) {
            new Contractor(run, QUICK).run();
        }
        assertThat(out.toString()).contains("dropping INVALID index ct_invalid_grp_idx");
        assertThat(count(db, "SELECT count(*) FROM pg_index WHERE indexrelid = 'ct_invalid_grp_idx'::regclass"
                + " AND indisvalid AND NOT indisunique")).isOne();
    }

    @Test
    void refusesBeforeTheBackfillFinished(TestDatabase db) throws Exception {
        exec(db, "CREATE TABLE ct_early (id int PRIMARY KEY)");
        declare(db, "ct-early", "ct_early", "n", "int", "0", "id", true, null);
        PhaseFixture.setWrites(db, "ct-early", true);
        try (PhaseRun run = PhaseFixture.open(db, "ct-early", "contract", new StringWriter())) {
            Expander.run(run);
            assertThatThrownBy(() -> new Contractor(run, QUICK).run())
                    .isInstanceOf(PreconditionFailed.class)
                    .hasMessageContaining("backfilled, but it is expanded")
                    .hasMessageContaining("colshift backfill ct-early");
        }
        assertThat(string(db, "SELECT column_default FROM information_schema.columns WHERE table_name = 'ct_early'"
                + " AND column_name = 'n'")).isNull();
    }

    @Test
    void aColumnWhoseTypeWasChangedOutsideColshiftIsRefusedAsDrift(TestDatabase db) throws Exception {
        exec(db, "CREATE TABLE ct_drift (id int PRIMARY KEY)");
        exec(db, "INSERT INTO ct_drift SELECT generate_series(1, 10)");
        declare(db, "ct-drift", "ct_drift", "n", "int", null, "id", false, null);
        backfilled(db, "ct-drift");
        exec(db, "ALTER TABLE ct_drift ALTER COLUMN n TYPE bigint");
        try (PhaseRun run = PhaseFixture.open(db, "ct-drift", "contract", new StringWriter())) {
            assertThatThrownBy(() -> new Contractor(run, QUICK).run())
                    .isInstanceOf(DriftDetected.class)
                    .hasMessageContaining("has type bigint but migration 'ct-drift' declares integer")
                    .hasMessageContaining("altered outside colshift");
        }
        assertThat(phase(db, "ct-drift")).isEqualTo("backfilled");
    }
}
