package io.colshift.phase;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AppLatencyThrottleTest {

    private static AppLatencyProbe.Reading reading(double p99, long beat) {
        return new AppLatencyProbe.Reading(p99, 1, beat);
    }

    @Test
    void theFirstFigureIsTheBaselineAndFiguresWithinTheRatioChangeNothing() {
        AppLatencyThrottle t = new AppLatencyThrottle(2, 200);
        assertThat(t.observe(reading(12, 1))).isNull();
        assertThat(t.baselineMs()).isEqualTo(12);
        assertThat(t.observe(reading(24, 2))).isNull();
    }

    @Test
    void aFigureAboveTheRatioHalvesOncePerHeartbeatAndPausesEveryBatch() {
        AppLatencyThrottle t = new AppLatencyThrottle(2, 200);
        t.observe(reading(12, 1));
        AppLatencyThrottle.Slowdown first = t.observe(reading(31, 2));
        assertThat(first.reason()).isEqualTo("slowing: app p99 31 ms = 2.6 × baseline 12 ms (limit 2 ×)");
        assertThat(first.halve()).isTrue();
        assertThat(first.pauseMillis()).isEqualTo(258);
        AppLatencyThrottle.Slowdown again = t.observe(reading(31, 2));
        assertThat(again.halve()).as("the same heartbeat read again").isFalse();
        assertThat(again.pauseMillis()).isPositive();
    }

    @Test
    void aForgedHugeFigureOnlyPausesForABoundedTime() {
        AppLatencyThrottle t = new AppLatencyThrottle(2, 200);
        t.observe(reading(1, 1));
        assertThat(t.observe(reading(AppLatencyProbe.MAX_P99_MS, 2)).pauseMillis())
                .isEqualTo(AppLatencyThrottle.MAX_PAUSE_MS);
    }

    @Test
    void aTinyBaselineIsFlooredSoNoiseDoesNotThrottle() {
        AppLatencyThrottle t = new AppLatencyThrottle(2, 200);
        t.observe(reading(0.02, 1));
        assertThat(t.observe(reading(0.35, 2))).isNull();
        assertThat(t.observe(reading(0.45, 3))).isNotNull();
    }

    @Test
    void aSubMillisecondBaselineOfSingleRowStatementsIsNotFlooredAway() {
        AppLatencyThrottle t = new AppLatencyThrottle(2, 200);
        t.observe(reading(0.3, 1));
        assertThat(t.observe(reading(0.55, 2))).isNull();
        assertThat(t.observe(reading(0.7, 3))).as("2.3 × an idle p99 of 0.3 ms").isNotNull();
    }

    @Test
    void aFigureUnderThreeQuartersOfTheLimitLeavesRoomForAFasterPace() {
        AppLatencyThrottle t = new AppLatencyThrottle(2, 200);
        t.observe(reading(10, 1));
        assertThat(t.comfortably(reading(15, 2))).isTrue();
        assertThat(t.comfortably(reading(16, 3))).isFalse();
        assertThat(t.observe(reading(16, 3))).as("within the limit all the same").isNull();
    }

    @Test
    void noFiguresOrRatioZeroNeverSlowDown() {
        AppLatencyThrottle off = new AppLatencyThrottle(0, 200);
        off.observe(reading(1, 1));
        assertThat(off.observe(reading(1_000, 2))).isNull();
        AppLatencyThrottle on = new AppLatencyThrottle(2, 200);
        assertThat(on.observe(null)).isNull();
        assertThat(on.baselineMs()).isNull();
    }

    @Test
    void reportedValuesAreParsedWithinBounds() {
        assertThat(AppLatencyProbe.parse("12.5")).isEqualTo(12.5);
        assertThat(AppLatencyProbe.parse("1e400")).isEqualTo(-1);
        assertThat(AppLatencyProbe.parse("NaN")).isEqualTo(-1);
        assertThat(AppLatencyProbe.parse("-3")).isEqualTo(-1);
        assertThat(AppLatencyProbe.parse("\"x\"")).isEqualTo(-1);
        assertThat(AppLatencyProbe.parse("9".repeat(40))).isEqualTo(-1);
        assertThat(AppLatencyProbe.parse("1e9")).isEqualTo(AppLatencyProbe.MAX_P99_MS);
        assertThat(AppLatencyProbe.parse(null)).isEqualTo(-1);
    }
}
