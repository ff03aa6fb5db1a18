package io.colshift.phase;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WithPostgres
class RunnerLockIT {

    @Test
    void secondRunnerOnTheSameMigrationIsRefusedWithTheHolderNamed(TestDatabase db) throws Exception {
        PhaseFixture.exec(db, "CREATE TABLE runner_t (id int PRIMARY KEY)");
        PhaseFixture.declare(db, "runner-one", "runner_t", "c", "int", null, null, false, null);
        try (PhaseRun first = PhaseFixture.open(db, "runner-one", "backfill", new StringWriter())) {
            int holderPid = LockSafeDdlIT.pid(first.control());
            assertThatThrownBy(() -> PhaseFixture.open(db, "runner-one", "contract", new StringWriter()))
                    .isInstanceOf(PreconditionFailed.class)
                    .hasMessageContaining("pid " + holderPid)
                    .hasMessageContaining("colshift backfill runner-one")
                    .satisfies(e -> assertThat(((PhaseException) e).exitCode()).isEqualTo(3));
        }
        try (PhaseRun again = PhaseFixture.open(db, "runner-one", "contract", new StringWriter())) {
            assertThat(again.migration().id()).isEqualTo("runner-one");
        }
    }

    @Test
    void runnersOfDifferentMigrationsDoNotExcludeEachOther(TestDatabase db) throws Exception {
        PhaseFixture.exec(db, "CREATE TABLE runner_u (id int PRIMARY KEY)");
        PhaseFixture.declare(db, "runner-a", "runner_u", "a", "int", null, null, false, null);
        PhaseFixture.declare(db, "runner-b", "runner_u", "b", "int", null, null, false, null);
        try (PhaseRun a = PhaseFixture.open(db, "runner-a", "expand", new StringWriter());
             PhaseRun b = PhaseFixture.open(db, "runner-b", "expand", new StringWriter())) {
            assertThat(a.migration().column()).isEqualTo("a");
            assertThat(b.migration().column()).isEqualTo("b");
        }
    }
}
