package io.colshift.phase;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatencyPaceTest {

    private static final long SECOND = 1_000_000_000L;
    private static final long SETTLED = LatencyPace.SETTLE_NANOS;

    @Test
    void withoutABaselineThePaceDoesNotLimitTheBackfill() {
        LatencyPace pace = new LatencyPace(100);
        assertThat(pace.limited()).isFalse();
        assertThat(pace.batchCeiling()).isEqualTo(Integer.MAX_VALUE);
        assertThat(pace.pauseMillis(5_000, 1)).isZero();
        assertThat(pace.within(true, 10 * SECOND)).as("a good figure never raises an unlimited pace").isNull();
    }

    @Test
    void aBaselineStartsTheBackfillAtOneMinimumBatchPerTenthOfASecond() {
        LatencyPace pace = new LatencyPace(100);
        pace.startLow(SECOND);
        assertThat(pace.rowsPerSecond()).isEqualTo(1_000);
        assertThat(pace.batchCeiling()).isEqualTo(100);
        // 100 rows at 1 000 rows/s take 100 ms: a batch that took 20 ms waits the other 80
        assertThat(pace.pauseMillis(100, 20_000_000L)).isEqualTo(80);
    }

    @Test
    void slowStartDoublesOncePerIntervalWhileFiguresAreComfortablyUnderTheLimit() {
        LatencyPace pace = new LatencyPace(100);
        long t = SECOND;
        pace.startLow(t);
        assertThat(pace.within(true, t + SETTLED / 2)).as("too soon after the last change").isNull();
        t = keepUp(pace, t, SETTLED);
        assertThat(pace.within(true, t)).isEqualTo("pace raised to 2,000 rows/s");
        t = keepUp(pace, t, SETTLED);
        assertThat(pace.within(false, t)).as("within the limit, but not comfortably: hold").isNull();
        assertThat(pace.within(true, t)).isEqualTo("pace raised to 4,000 rows/s");
        assertThat(pace.batchCeiling()).isEqualTo(400);
    }

    @Test
    void aFigureOverTheLimitHalvesThePaceThenGoodFiguresRaiseItByAFixedStep() {
        LatencyPace pace = new LatencyPace(100);
        long t = SECOND;
        pace.startLow(t);
        for (int i = 0; i < 4; i++) {
            t = keepUp(pace, t, SETTLED);
            pace.within(true, t);
        }
        assertThat(pace.rowsPerSecond()).isEqualTo(16_000);
        t = keepUp(pace, t, SETTLED);
        assertThat(pace.over(t)).isEqualTo("pace halved to 8,000 rows/s");
        assertThat(pace.over(t + SECOND)).as("the next figures still describe the faster pace").isNull();
        t = keepUp(pace, t, SETTLED);
        assertThat(pace.within(true, t)).isEqualTo("pace raised to 10,000 rows/s");
        t = keepUp(pace, t, SETTLED);
        assertThat(pace.within(true, t)).as("additively now, not doubling").isEqualTo("pace raised to 12,000 rows/s");
    }

    @Test
    void thePaceIsNotRaisedWhileTheTableGivesLessThanHalfOfIt() {
        LatencyPace pace = new LatencyPace(100);
        long t = SECOND;
        pace.startLow(t);
        t += SETTLED;
        pace.covered(1_000, t); // 1 000 rows in 2.5 s: 400 rows/s reached, under half the 1 000 allowed
        assertThat(pace.within(true, t)).isNull();
        assertThat(pace.rowsPerSecond()).isEqualTo(1_000);
    }

    @Test
    void slowStartNeverRaisesThePaceBeyondTwiceWhatTheTableGave() {
        LatencyPace pace = new LatencyPace(100);
        long t = SECOND;
        pace.startLow(t);
        t += SETTLED;
        pace.covered(1_500, t); // 600 rows/s reached: enough for a raise, but doubling 1 000 would be 3.3 × that
        assertThat(pace.within(true, t)).isEqualTo("pace raised to 1,200 rows/s");
        assertThat(pace.batchCeiling()).isEqualTo(120);
    }

    @Test
    void anAdditiveRaiseNeverGoesBeyondTwiceWhatTheTableGave() {
        LatencyPace pace = new LatencyPace(100);
        long t = SECOND;
        pace.startLow(t);
        for (int i = 0; i < 4; i++) {
            t = keepUp(pace, t, SETTLED);
            pace.within(true, t);
        }
        t = keepUp(pace, t, SETTLED);
        assertThat(pace.over(t)).isEqualTo("pace halved to 8,000 rows/s");
        t += SETTLED;
        pace.covered(11_000, t); // 4 400 rows/s reached: over half the pace, but the step of 2 000 would make 10 000
        assertThat(pace.within(true, t)).isEqualTo("pace raised to 8,800 rows/s");
    }

    @Test
    void overTheLimitWithoutABaselineBeforeAnyBatchStartsAtTheFloor() {
        LatencyPace pace = new LatencyPace(100);
        assertThat(pace.over(3 * SECOND)).isEqualTo("pace at its floor of 1,000 rows/s");
        assertThat(pace.limited()).isTrue();
        assertThat(pace.rowsPerSecond()).isEqualTo(1_000);
        assertThat(pace.batchCeiling()).isEqualTo(100);
        assertThat(pace.pauseMillis(100, 0)).isEqualTo(100);
    }

    @Test
    void overTheLimitWithoutABaselineAtTheStartHalvesWhatTheBackfillReached() {
        LatencyPace pace = new LatencyPace(100);
        pace.covered(50_000, SECOND);
        pace.covered(50_000, 2 * SECOND);
        assertThat(pace.over(3 * SECOND)).isEqualTo("pace halved to 25,000 rows/s");
        assertThat(pace.limited()).isTrue();
    }

    @Test
    void thePaceNeverFallsBelowTheFloor() {
        LatencyPace pace = new LatencyPace(100);
        long t = SECOND;
        pace.startLow(t);
        String said = null;
        for (int i = 0; i < 5; i++) {
            t += SETTLED;
            said = pace.over(t);
        }
        assertThat(said).isEqualTo("pace at its floor of 1,000 rows/s");
        assertThat(pace.rowsPerSecond()).isEqualTo(1_000);
        assertThat(pace.batchCeiling()).isEqualTo(100);
    }

    /** Lets {@code nanos} pass with the backfill keeping up with the allowed pace. */
    private static long keepUp(LatencyPace pace, long t, long nanos) {
        long end = t + nanos;
        pace.covered((long) (pace.rowsPerSecond() * nanos / 1e9), end);
        return end;
    }
}
