package io.colshift.phase;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import io.colshift.state.Phase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.StringWriter;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.colshift.phase.PhaseFixture.QUICK;
import static io.colshift.phase.PhaseFixture.count;
import static io.colshift.phase.PhaseFixture.declare;
import static io.colshift.phase.PhaseFixture.exec;
import static io.colshift.phase.PhaseFixture.phase;
import static io.colshift.phase.PhaseFixture.setWrites;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WithPostgres
class RollbackIT {

    @ParameterizedTest
    @EnumSource(value = Phase.class, names = {"DECLARED", "EXPANDED", "BACKFILLING", "BACKFILLED", "CONTRACTED"})
    void fromEachPhaseItReturnsToDeclaredAndDropsTheColumnOnlyWhenAsked(Phase from, TestDatabase db) throws Exception {
        String table = "rb_" + from.label();
        String id = "rb-" + from.label();
        reach(db, table, id, from);
        StringWriter out = new StringWriter();
        try (PhaseRun run = PhaseFixture.open(db, id, "rollback", out)) {
            new Rollback(run, false).run();
        }
        assertThat(phase(db, id)).isEqualTo("declared");
        assertThat(count(db, "SELECT count(*) FROM colshift.migrations WHERE id = '" + id + "' AND writes_enabled"))
                .isZero();
        assertThat(count(db, "SELECT count(*) FROM colshift.backfill_progress WHERE migration_id = '" + id + "'"))
                .isZero();
        // no heartbeats at all: the barrier is the lease, and needs none
        assertThat(out.toString()).contains("barrier: every server follows state version "
                + count(db, "SELECT version FROM colshift.state") + " (lease 50 ms)").doesNotContain("heartbeat");
        boolean columnExisted = from != Phase.DECLARED;
        assertThat(columnCount(db, table)).isEqualTo(columnExisted ? 1 : 0);
        if (columnExisted) {
            // writes that drivers strip from now on must still succeed
            exec(db, "INSERT INTO " + table + " (id) VALUES (-1)");
        }
        try (PhaseRun run = PhaseFixture.open(db, id, "rollback", new StringWriter())) {
            new Rollback(run, true).run();
        }
        assertThat(columnCount(db, table)).isZero();
        assertThat(phase(db, id)).isEqualTo("declared");
    }

    @Test
    void dropNeitherWaitsForNorTrustsHeartbeatsButReportsWhoLags(TestDatabase db) throws Exception {
        reach(db, "rb_barrier", "rb-barrier", Phase.BACKFILLED);
        long before = count(db, "SELECT version FROM colshift.state");
        // a live driver that never reports the rollback's version: the lease covers it, so the drop goes ahead
        exec(db, "INSERT INTO colshift.clients (client_id, host, pid, application_name, acked_version)"
                + " VALUES ('app-1', 'web-1', 4242, 'shop', " + before + ")");
        StringWriter out = new StringWriter();
        try (PhaseRun run = PhaseFixture.open(db, "rb-barrier", "rollback", out)) {
            CompletableFuture.supplyAsync(() -> {
                try {
                    return new Rollback(run, true).run();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            }).get(1, TimeUnit.MINUTES);
        }
        assertThat(columnCount(db, "rb_barrier")).isZero();
        assertThat(out.toString()).contains("barrier: every server follows state version " + (before + 1))
                .contains("1 live driver(s), 0 report state version " + (before + 1) + " or later, 1 have not"
                        + " reported it yet: app-1 (shop on web-1, pid 4242, at version " + before + ")");
    }

    @Test
    void refusedAfterComplete(TestDatabase db) throws Exception {
        reach(db, "rb_complete", "rb-complete", Phase.CONTRACTED);
        try (PhaseRun run = PhaseFixture.open(db, "rb-complete", "complete", new StringWriter())) {
            Completer.run(run);
            assertThatThrownBy(() -> new Rollback(run, true).run())
                    .isInstanceOf(PreconditionFailed.class)
                    .hasMessageContaining("is complete")
                    .hasMessageContaining("cannot be rolled back");
        }
        assertThat(columnCount(db, "rb_complete")).isOne();
    }

    private static void reach(TestDatabase db, String table, String id, Phase phase) throws Exception {
        exec(db, "CREATE TABLE " + table + " (id int PRIMARY KEY)");
        exec(db, "INSERT INTO " + table + " SELECT generate_series(1, 300)");
        declare(db, id, table, "c", "int", "1", "id * 3", true, "{\"concurrently\": true}");
        if (phase == Phase.DECLARED) {
            return;
        }
        setWrites(db, id, true);
        try (PhaseRun run = PhaseFixture.open(db, id, "advance", new StringWriter())) {
            Expander.run(run);
            if (phase == Phase.BACKFILLING) {
                // a backfill that stopped half-way: the state a killed run leaves behind
                exec(db, "UPDATE colshift.migrations SET phase = 'backfilling' WHERE id = '" + id + "'");
                exec(db, "INSERT INTO colshift.backfill_progress (migration_id, last_key, rows_done)"
                        + " VALUES ('" + id + "', '{\"id\": 150}', 150)");
                exec(db, "UPDATE " + table + " SET c = id * 3 WHERE id <= 150");
                return;
            }
            if (phase.compareTo(Phase.BACKFILLED) >= 0) {
                new Backfiller(run, QUICK, false).run();
            }
            if (phase == Phase.CONTRACTED) {
                new Contractor(run, QUICK).run();
            }
        }
        assertThat(phase(db, id)).isEqualTo(phase.label().toLowerCase(Locale.ROOT));
    }

    private static long columnCount(TestDatabase db, String table) throws Exception {
        return count(db, "SELECT count(*) FROM information_schema.columns WHERE table_name = '" + table
                + "' AND column_name = 'c'");
    }
}
