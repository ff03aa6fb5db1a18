package io.colshift.driver;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencyHistogramTest {

    @Test
    void percentilesAreWithinTheBucketPrecision() {
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 1; i <= 100; i++) {
            h.record(i * 1_000_000L); // 1 … 100 ms
        }
        LatencyHistogram.Percentiles p = h.intervalPercentiles();
        assertThat(p.count()).isEqualTo(100);
        assertThat(p.p50Ms()).isCloseTo(50, within(50 * 0.13));
        assertThat(p.p99Ms()).isCloseTo(99, within(99 * 0.13));
    }

    @Test
    void eachIntervalReportsOnlyWhatWasRecordedSinceThePreviousOne() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(80_000_000L);
        assertThat(h.intervalPercentiles().p99Ms()).isGreaterThan(60);
        assertThat(h.intervalPercentiles()).as("nothing recorded since").isNull();
        h.record(2_000_000L);
        assertThat(h.intervalPercentiles().p99Ms()).isLessThan(3);
    }

    @Test
    void everyDurationFindsABucketWhoseMiddleIsCloseToIt() {
        for (long micros : new long[] {0, 1, 3, 4, 7, 8, 15, 1000, 123_456, 60_000_000L, Long.MAX_VALUE / 1000}) {
            int index = LatencyHistogram.index(micros);
            assertThat(index).isBetween(0, LatencyHistogram.BUCKETS - 1);
            if (micros >= 4 && micros < 1L << 40) {
                assertThat(LatencyHistogram.midMicros(index)).isCloseTo(micros, within(micros * 0.13));
            }
        }
        assertThat(LatencyHistogram.index(-5)).isZero();
    }
}
