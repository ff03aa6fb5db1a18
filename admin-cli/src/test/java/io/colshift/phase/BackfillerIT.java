package io.colshift.phase;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.colshift.phase.PhaseFixture.count;
import static io.colshift.phase.PhaseFixture.declare;
import static io.colshift.phase.PhaseFixture.exec;
import static io.colshift.phase.PhaseFixture.phase;
import static io.colshift.phase.PhaseFixture.setWrites;
import static io.colshift.phase.PhaseFixture.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WithPostgres
class BackfillerIT {

    private static final BackfillOptions SMALL_BATCHES =
            new BackfillOptions(50, 50, 400, 0, 5_000, Duration.ofMillis(500), 20);

    @Test
    void fillsEveryRowWalkingACompositePrimaryKey(TestDatabase db) throws Exception {
        exec(db, "CREATE TABLE bf_composite (tenant int, id int, deleted boolean NOT NULL, PRIMARY KEY (tenant, id))");
        exec(db, "INSERT INTO bf_composite SELECT t, i, i % 10 = 0 FROM generate_series(1, 5) t, generate_series(1, 1000) i");
        declare(db, "bf-composite", "bf_composite", "status", "text", "'active'",
                "CASE WHEN deleted THEN 'gone' ELSE 'active' END", true, null);
        StringWriter out = expandAndBackfill(db, "bf-composite", SMALL_BATCHES);

        assertThat(phase(db, "bf-composite")).isEqualTo("backfilled");
        assertThat(count(db, "SELECT count(*) FROM bf_composite WHERE status IS NULL")).isZero();
        assertThat(count(db, "SELECT count(*) FROM bf_composite WHERE status = 'gone'")).isEqualTo(500);
        assertThat(count(db, "SELECT count(*) FROM bf_composite WHERE status = 'active'")).isEqualTo(4500);
        assertThat(count(db, "SELECT rows_done FROM colshift.backfill_progress WHERE migration_id = 'bf-composite'"))
                .isEqualTo(5000);
        assertThat(string(db, "SELECT last_key::text FROM colshift.backfill_progress WHERE migration_id = 'bf-composite'"))
                .isEqualTo("{\"id\": 1000, \"tenant\": 5}");
        assertThat(out.toString()).contains("walking primary key (tenant, id)").contains("backfilled");
    }

    @Test
    void walksAUniqueNotNullKeyWhenThereIsNoPrimaryKey(TestDatabase db) throws Exception {
        exec(db, "CREATE TABLE bf_unique (email text NOT NULL, nick text)");
        exec(db, "CREATE UNIQUE INDEX bf_unique_nick ON bf_unique (nick)");
        exec(db, "CREATE UNIQUE INDEX bf_unique_email ON bf_unique (email)");
        exec(db, "INSERT INTO bf_unique SELECT 'u' || i || '@x', 'n' || i FROM generate_series(1, 2000) i");
        declare(db, "bf-unique", "bf_unique", "domain", "text", null, "split_part(email, '@', 2)", false, null);
        StringWriter out = expandAndBackfill(db, "bf-unique", SMALL_BATCHES);

        assertThat(count(db, "SELECT count(*) FROM bf_unique WHERE domain = 'x'")).isEqualTo(2000);
        // the nullable nick column cannot order a walk: rows with NULL would be skipped
        assertThat(out.toString()).contains("walking unique key public.bf_unique_email (email)");
    }

    @Test
    void walksCtidRangesWhenTheTableHasNoKey(TestDatabase db) throws Exception {
        exec(db, "CREATE TABLE bf_heap (n int, payload text)");
        exec(db, "INSERT INTO bf_heap SELECT i, repeat('x', 50) FROM generate_series(1, 3000) i");
        exec(db, "ANALYZE bf_heap");
        declare(db, "bf-heap", "bf_heap", "doubled", "bigint", null, "n * 2", false, null);
        // the walk covers the pages the table had when it started; relpages read afterwards may already count the
        // pages its own updates added (autovacuum updates it at any moment)
        long pages = count(db, "SELECT relpages FROM pg_class WHERE relname = 'bf_heap'");
        StringWriter out = expandAndBackfill(db, "bf-heap", SMALL_BATCHES);

        assertThat(count(db, "SELECT count(*) FROM bf_heap WHERE doubled = n * 2")).isEqualTo(3000);
        assertThat(out.toString()).contains("walking ctid ranges");
        assertThat(string(db, "SELECT last_key ->> 'page' FROM colshift.backfill_progress WHERE migration_id = 'bf-heap'"))
                .isEqualTo(String.valueOf(pages));
    }

    @Test
    void refusesToStartWhileTheWriteFlagIsOff(TestDatabase db) throws Exception {
        exec(db, "CREATE TABLE bf_flag (id int PRIMARY KEY)");
        exec(db, "INSERT INTO bf_flag SELECT generate_series(1, 10)");
        declare(db, "bf-flag", "bf_flag", "c", "int", null, "id", false, null);
        try (PhaseRun run = PhaseFixture.open(db, "bf-flag", "backfill", new StringWriter())) {
            Expander.run(run);
            assertThatThrownBy(() -> new Backfiller(run, SMALL_BATCHES, false).run())
                    .isInstanceOf(PreconditionFailed.class)
                    .hasMessageContaining("write flag of 'bf-flag' is off")
                    .hasMessageContaining("colshift flag bf-flag --writes on");
        }
        assertThat(phase(db, "bf-flag")).isEqualTo("expanded");
        assertThat(count(db, "SELECT count(*) FROM bf_flag WHERE c IS NULL")).isEqualTo(10);
    }

    @Test
    void resumesAfterTheCheckpointInsteadOfStartingOver(TestDatabase db) throws Exception {
        exec(db, "CREATE TABLE bf_resume (id int PRIMARY KEY)");
        exec(db, "INSERT INTO bf_resume SELECT generate_series(1, 3000)");
        declare(db, "bf-resume", "bf_resume", "c", "text", null, "'filled'", false, null);
        setWrites(db, "bf-resume", true);
        try (PhaseRun run = PhaseFixture.open(db, "bf-resume", "expand", new StringWriter())) {
            Expander.run(run);
        }
        // the state a run killed after committing the batch up to id 1000 leaves behind
        exec(db, "UPDATE bf_resume SET c = 'earlier run' WHERE id <= 1000");
        exec(db, "UPDATE colshift.migrations SET phase = 'backfilling' WHERE id = 'bf-resume'");
        exec(db, "INSERT INTO colshift.backfill_progress (migration_id, last_key, rows_done, rows_estimate, batch_size)"
                + " VALUES ('bf-resume', '{\"id\": 1000}', 1000, 3000, 200)");
        StringWriter out = new StringWriter();
        try (PhaseRun run = PhaseFixture.open(db, "bf-resume", "backfill", out)) {
            new Backfiller(run, SMALL_BATCHES, false).run();
        }
        assertThat(out.toString()).contains("resuming after {\"id\": 1000} (1000 rows already done)");
        assertThat(count(db, "SELECT count(*) FROM bf_resume WHERE c = 'earlier run'")).isEqualTo(1000);
        assertThat(count(db, "SELECT count(*) FROM bf_resume WHERE c = 'filled'")).isEqualTo(2000);
        assertThat(count(db, "SELECT rows_done FROM colshift.backfill_progress WHERE migration_id = 'bf-resume'"))
                .isEqualTo(3000);
    }

    @Test
    void pausedFromAnotherSessionItWaitsAndThenPicksUpRowsWrittenMeanwhile(TestDatabase db) throws Exception {
        exec(db, "CREATE TABLE bf_pause (id int PRIMARY KEY)");
        exec(db, "INSERT INTO bf_pause SELECT generate_series(1, 4000)");
        declare(db, "bf-pause", "bf_pause", "c", "int", null, "id + 1", false, null);
        setWrites(db, "bf-pause", true);
        StringWriter out = new StringWriter();
        try (PhaseRun run = PhaseFixture.open(db, "bf-pause", "backfill", out)) {
            Expander.run(run);
            exec(db, "INSERT INTO colshift.backfill_progress (migration_id, paused) VALUES ('bf-pause', true)");
            CompletableFuture<MigrationRecord> backfill = CompletableFuture.supplyAsync(() -> {
                try {
                    return new Backfiller(run, SMALL_BATCHES, false).run();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            while (!out.toString().contains("paused by `colshift pause`")) {
                assertThat(backfill).isNotDone();
                Thread.sleep(20);
            }
            // while it is paused, a writer that does not know the column inserts more rows
            exec(db, "INSERT INTO bf_pause SELECT generate_series(-100, -1)");
            assertThat(count(db, "SELECT count(*) FROM bf_pause WHERE c IS NOT NULL")).isZero();
            exec(db, "UPDATE colshift.backfill_progress SET paused = false WHERE migration_id = 'bf-pause'");
            backfill.get(2, TimeUnit.MINUTES);
        }
        assertThat(count(db, "SELECT count(*) FROM bf_pause WHERE c IS DISTINCT FROM id + 1")).isZero();
        assertThat(phase(db, "bf-pause")).isEqualTo("backfilled");
    }

    @Test
    void rowsLockedByAnApplicationTransactionAreSkippedThenSweptOnceReleased(TestDatabase db) throws Exception {
        exec(db, "CREATE TABLE bf_locked (id int PRIMARY KEY, v int)");
        exec(db, "INSERT INTO bf_locked SELECT i, i FROM generate_series(1, 2000) i");
        declare(db, "bf-locked", "bf_locked", "c", "int", null, "v * 10", false, null);
        setWrites(db, "bf-locked", true);
        StringWriter out = new StringWriter();
        try (PhaseRun run = PhaseFixture.open(db, "bf-locked", "backfill", out);
             Connection app = db.connect()) {
            Expander.run(run);
            app.setAutoCommit(false);
            try (Statement st = app.createStatement()) {
                st.executeUpdate("UPDATE bf_locked SET v = 7 WHERE id = 500");
            }
            CompletableFuture<MigrationRecord> backfill = CompletableFuture.supplyAsync(() -> {
                try {
                    return new Backfiller(run, SMALL_BATCHES, false).run();
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            while (!out.toString().contains("sweep batch rolled back")) {
                assertThat(backfill).isNotDone();
                Thread.sleep(20);
            }
            assertThat(count(db, "SELECT count(*) FROM bf_locked WHERE c IS NULL")).isOne();
            app.commit();
            backfill.get(2, TimeUnit.MINUTES);
        }
        // the sweep saw the application's committed value, not the one from before its update
        assertThat(count(db, "SELECT c FROM bf_locked WHERE id = 500")).isEqualTo(70);
        assertThat(count(db, "SELECT count(*) FROM bf_locked WHERE c IS DISTINCT FROM v * 10")).isZero();
    }

    @Test
    void anotherSessionWaitingOnARowLockIsCountedAsAWaiter(TestDatabase db) throws Exception {
        exec(db, "CREATE TABLE bf_waiters (id int PRIMARY KEY)");
        exec(db, "INSERT INTO bf_waiters VALUES (1)");
        try (Connection holder = db.connect(); Connection waiter = db.connect(); Connection monitor = db.connect()) {
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                st.executeUpdate("UPDATE bf_waiters SET id = 1 WHERE id = 1");
            }
            CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> {
                try (Statement st = waiter.createStatement()) {
                    st.executeUpdate("UPDATE bf_waiters SET id = 1 WHERE id = 1");
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            BlockerProbe probe = new BlockerProbe(monitor);
            int holderPid = LockSafeDdlIT.pid(holder);
            while (probe.waitersOn(holderPid) == 0) {
                assertThat(blocked).isNotDone();
                Thread.sleep(20);
            }
            assertThat(probe.waitersOn(holderPid)).isOne();
            assertThat(probe.waitersOn(LockSafeDdlIT.pid(monitor))).isZero();
            holder.commit();
            blocked.get(30, TimeUnit.SECONDS);
        }
    }

    private static StringWriter expandAndBackfill(TestDatabase db, String id, BackfillOptions options) throws Exception {
        setWrites(db, id, true);
        StringWriter out = new StringWriter();
        try (PhaseRun run = PhaseFixture.open(db, id, "backfill", out)) {
            Expander.run(run);
            new Backfiller(run, options, false).run();
        }
        return out;
    }
}
