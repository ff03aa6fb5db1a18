package io.colshift.phase;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;

import static io.colshift.phase.PhaseFixture.QUICK;
import static io.colshift.phase.PhaseFixture.backfilled;
import static io.colshift.phase.PhaseFixture.count;
import static io.colshift.phase.PhaseFixture.declare;
import static io.colshift.phase.PhaseFixture.exec;
import static io.colshift.phase.PhaseFixture.phase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WithPostgres
class CompleterIT {

    @Test
    void archivesAfterTheFinalChecksPass(TestDatabase db) throws Exception {
        contracted(db, "cp_ok", "cp-ok");
        try (PhaseRun run = PhaseFixture.open(db, "cp-ok", "complete", new StringWriter())) {
            Completer.run(run);
        }
        assertThat(phase(db, "cp-ok")).isEqualTo("complete");
        assertThat(count(db, "SELECT count(*) FROM colshift.migrations WHERE id = 'cp-ok' AND archived")).isOne();
        StringWriter again = new StringWriter();
        try (PhaseRun run = PhaseFixture.open(db, "cp-ok", "complete", again)) {
            Completer.run(run);
        }
        assertThat(again.toString()).contains("already complete");
    }

    @Test
    void refusesWhenTheTableNoLongerMatchesTheSpec(TestDatabase db) throws Exception {
        contracted(db, "cp_drift", "cp-drift");
        exec(db, "DROP INDEX cp_drift_n_idx");
        exec(db, "ALTER TABLE cp_drift ALTER COLUMN n DROP DEFAULT");
        try (PhaseRun run = PhaseFixture.open(db, "cp-drift", "complete", new StringWriter())) {
            assertThatThrownBy(() -> Completer.run(run))
                    .isInstanceOf(PreconditionFailed.class)
                    .hasMessageContaining("default is not set, spec says 7")
                    .hasMessageContaining("index cp_drift_n_idx is missing");
        }
        assertThat(phase(db, "cp-drift")).isEqualTo("contracted");
    }

    @Test
    void refusesBeforeContract(TestDatabase db) throws Exception {
        exec(db, "CREATE TABLE cp_early (id int PRIMARY KEY)");
        declare(db, "cp-early", "cp_early", "n", "int", null, null, false, null);
        try (PhaseRun run = PhaseFixture.open(db, "cp-early", "complete", new StringWriter())) {
            assertThatThrownBy(() -> Completer.run(run))
                    .isInstanceOf(PreconditionFailed.class).hasMessageContaining("contracted, but it is declared");
        }
    }

    private static void contracted(TestDatabase db, String table, String id) throws Exception {
        exec(db, "CREATE TABLE " + table + " (id int PRIMARY KEY)");
        exec(db, "INSERT INTO " + table + " SELECT generate_series(1, 200)");
        declare(db, id, table, "n", "int", "7", "id", true, "{\"concurrently\": true}");
        backfilled(db, id);
        try (PhaseRun run = PhaseFixture.open(db, id, "contract", new StringWriter())) {
            new Contractor(run, QUICK).run();
        }
    }
}
