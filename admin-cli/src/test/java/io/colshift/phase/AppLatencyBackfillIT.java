package io.colshift.phase;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToIntFunction;
import java.util.regex.Pattern;

import static io.colshift.phase.PhaseFixture.count;
import static io.colshift.phase.PhaseFixture.declare;
import static io.colshift.phase.PhaseFixture.exec;
import static io.colshift.phase.PhaseFixture.phase;
import static io.colshift.phase.PhaseFixture.setWrites;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The latency-aware backfill against a real server, with the drivers' heartbeat rows ({@code clients.counters})
 * planted: it slows down while the reported p99 exceeds the limit, still finishes, and without usable figures
 * behaves as before.
 */
@WithPostgres
class AppLatencyBackfillIT {

    /** Small batches under a rate cap, so the walk lasts a few seconds: long enough to see a figure change. */
    private static final BackfillOptions PACED = new BackfillOptions(50, 50, 400, 2_000, 0, Duration.ofMillis(500), 20,
            2.0);

    @Test
    void slowsDownWhileTheApplicationP99RisesAboveTwiceItsBaselineAndStillFinishes(TestDatabase db) throws Exception {
        exec(db, "CREATE TABLE bf_lat (id int PRIMARY KEY)");
        exec(db, "INSERT INTO bf_lat SELECT generate_series(1, 2000)");
        declare(db, "bf-lat", "bf_lat", "c", "text", null, "'filled'", false, null);
        setWrites(db, "bf-lat", true);
        beat(db, "bf-lat-driver", "{\"bf-lat\": {\"reads\": 5, \"p99Ms\": 10}}");
        StringWriter out = new StringWriter();
        AtomicBoolean stop = new AtomicBoolean();
        Thread driver = new Thread(() -> keepBeating(db, stop)); // a live driver: fresh heartbeats, p99 rises mid-walk
        try (PhaseRun run = PhaseFixture.open(db, "bf-lat", "backfill", out)) {
            Expander.run(run);
            driver.start();
            new Backfiller(run, PACED, false).run();
        } finally {
            stop.set(true);
            driver.join();
        }
        assertThat(out.toString())
                .contains("application p99 on public.bf_lat.c before the backfill: 10 ms (1 driver); slowing down"
                        + " above 2 × that")
                .contains("throttled: slowing: app p99 40 ms = 4.0 × baseline 10 ms (limit 2 ×); batch ");
        assertThat(phase(db, "bf-lat")).isEqualTo("backfilled");
        assertThat(count(db, "SELECT count(*) FROM bf_lat WHERE c IS DISTINCT FROM 'filled'")).isZero();
    }

    @Test
    void withoutUsableLatencyFiguresTheBackfillRunsOnItsOtherThrottles(TestDatabase db) throws Exception {
        exec(db, "CREATE TABLE bf_nolat (id int PRIMARY KEY)");
        exec(db, "INSERT INTO bf_nolat SELECT generate_series(1, 2000)");
        declare(db, "bf-nolat", "bf_nolat", "c", "text", null, "'filled'", false, null);
        setWrites(db, "bf-nolat", true);
        // forged or broken figures from the application role are ignored, not obeyed
        beat(db, "bf-nolat-a", "{\"bf-nolat\": {\"p99Ms\": \"1e400\"}}");
        beat(db, "bf-nolat-b", "{\"bf-nolat\": {\"p99Ms\": -3}}");
        beat(db, "bf-nolat-c", "{\"bf-nolat\": {\"p99Ms\": \"" + "9".repeat(5_000) + "\"}}");
        beat(db, "bf-nolat-d", "[1, 2, 3]");
        StringWriter out = new StringWriter();
        try (PhaseRun run = PhaseFixture.open(db, "bf-nolat", "backfill", out)) {
            Expander.run(run);
            new Backfiller(run, PACED, false).run();
        }
        assertThat(out.toString()).contains("no driver reports latency for public.bf_nolat.c yet")
                .doesNotContain("slowing");
        assertThat(phase(db, "bf-nolat")).isEqualTo("backfilled");
        assertThat(count(db, "SELECT count(*) FROM bf_nolat WHERE c = 'filled'")).isEqualTo(2000);
    }

    @Test
    void withABaselineTheWalkStartsAtALowPaceAndRaisesItWhileTheFiguresStayGood(TestDatabase db) throws Exception {
        writableTableWithADriver(db, "bf_slow", "bf-slow", 4000);
        StringWriter out = new StringWriter();
        // the pace bounds the walk: 500 rows/s at first, so 4 000 rows outlast the first raise however fast the server
        backfillWhileBeating(db, "bf-slow", null, output -> 10, out);
        assertThat(out.toString())
                .contains("the baseline is the median of up to 3 heartbeats; the walk starts at 500 rows/s")
                .containsPattern(RAISED)
                .doesNotContain("slowing:");
        assertThat(count(db, "SELECT count(*) FROM bf_slow WHERE c IS DISTINCT FROM 'filled'")).isZero();
    }

    @Test
    void aFigureOverTheLimitHalvesThePaceTheWalkHadReached(TestDatabase db) throws Exception {
        writableTableWithADriver(db, "bf_halve", "bf-halve", 5000);
        StringWriter out = new StringWriter();
        // good figures until the pace has been raised, however long the walk took to get there, then 3 × the
        // baseline; the raised pace bounds the rest of the walk, so the 5 000 rows outlast the settling time
        backfillWhileBeating(db, "bf-halve", null, output -> RAISED.matcher(output).find() ? 30 : 10, out);
        assertThat(out.toString())
                .containsPattern(RAISED)
                .containsPattern("slowing: app p99 30 ms = 3\\.0 × baseline 10 ms \\(limit 2 ×\\); batch \\d+, pausing"
                        + " \\d+ ms, pace (halved to|at its floor of) [0-9,]+ rows/s");
        assertThat(phase(db, "bf-halve")).isEqualTo("backfilled");
        assertThat(count(db, "SELECT count(*) FROM bf_halve WHERE c IS DISTINCT FROM 'filled'")).isZero();
    }

    @Test
    void onATableMostlyFilledAlreadyThePaceCountsTheRowsWalkedAndStillRises(TestDatabase db) throws Exception {
        writableTableWithADriver(db, "bf_partly", "bf-partly", 4000);
        StringWriter out = new StringWriter();
        // the application wrote all but every 1 000th row already: a batch of 50 fills none or one, so a pace
        // counted in rows filled would never reach half of 500 rows/s and never rise
        backfillWhileBeating(db, "bf-partly", "UPDATE bf_partly SET c = 'filled' WHERE id % 1000 <> 0", output -> 10,
                out);
        assertThat(out.toString()).contains("the walk starts at 500 rows/s").containsPattern(RAISED)
                .doesNotContain("slowing:");
        assertThat(count(db, "SELECT count(*) FROM bf_partly WHERE c IS DISTINCT FROM 'filled'")).isZero();
    }

    /**
     * Table {@code table} of {@code rows} ids with migration {@code id} declared (column {@code c}, backfilled with
     * {@code 'filled'}) and writes on, and one live driver reporting a p99 of 10 ms: the baseline.
     */
    private static void writableTableWithADriver(TestDatabase db, String table, String id, int rows) throws Exception {
        exec(db, "CREATE TABLE " + table + " (id int PRIMARY KEY)");
        exec(db, "INSERT INTO " + table + " SELECT generate_series(1, " + rows + ")");
        declare(db, id, table, "c", "text", null, "'filled'", false, null);
        setWrites(db, id, true);
        beat(db, id + "-driver", "{\"" + id + "\": {\"p99Ms\": 10}}");
    }

    /** Small batches with no rate cap: the latency pace is the only limit. */
    private static final BackfillOptions UNCAPPED = new BackfillOptions(50, 50, 400, 0, 0, Duration.ofMillis(500), 20,
            2.0);
    /** The first raise of the pace: twice the start at most, less when the walk reached less than the start. */
    private static final Pattern RAISED = Pattern.compile("throttled: pace raised to [0-9,]+ rows/s");

    /**
     * Expands {@code id}, runs {@code afterExpand} (when not null), and backfills while a planted live driver reports
     * the {@code p99} of the backfill's output so far.
     */
    private static void backfillWhileBeating(TestDatabase db, String id, String afterExpand,
                                             ToIntFunction<String> p99, StringWriter out) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<Exception> failed = new java.util.concurrent.atomic.AtomicReference<>();
        Thread driver = new Thread(() -> {
            try {
                while (!stop.get()) {
                    beat(db, id + "-driver", "{\"" + id + "\": {\"p99Ms\": " + p99.applyAsInt(out.toString())
                            + "}}");
                    Thread.sleep(100);
                }
            } catch (Exception e) {
                failed.set(e); // the planted driver stopped reporting: the test must say so, not pass on
            }
        });
        try (PhaseRun run = PhaseFixture.open(db, id, "backfill", out)) {
            Expander.run(run);
            if (afterExpand != null) {
                exec(db, afterExpand);
            }
            driver.start();
            new Backfiller(run, UNCAPPED, false).run();
        } finally {
            stop.set(true);
            driver.join();
        }
        if (failed.get() != null) {
            throw new AssertionError("the planted driver failed to report", failed.get());
        }
    }

    /** Keeps the planted driver live; once the walk has committed a batch its p99 goes to 40 ms. */
    private static void keepBeating(TestDatabase db, AtomicBoolean stop) {
        try {
            while (!stop.get()) {
                boolean walking = count(db, "SELECT count(*) FROM colshift.backfill_progress WHERE migration_id ="
                        + " 'bf-lat' AND rows_done > 0") > 0;
                beat(db, "bf-lat-driver", "{\"bf-lat\": {\"reads\": 5, \"p99Ms\": " + (walking ? 40 : 10) + "}}");
                Thread.sleep(100);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void beat(TestDatabase db, String clientId, String counters) throws Exception {
        exec(db, "INSERT INTO colshift.clients (client_id, host, pid, acked_version, counters) VALUES ('" + clientId
                + "', 'test', 1, 1, '" + counters + "') ON CONFLICT (client_id) DO UPDATE SET counters ="
                + " excluded.counters, last_seen = now()");
    }
}
