package io.colshift.phase;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackfillPacingTest {

    @Test
    void batchGrowsWhenBatchesFinishFasterThanTheTargetButAtMostDoubles() {
        BatchSizer sizer = new BatchSizer(200, 100, 10_000, 1_000);
        sizer.observe(1_000, 20);
        assertThat(sizer.size()).isEqualTo(2_000);
    }

    @Test
    void batchShrinksTowardsTheTargetWhenBatchesAreSlow() {
        BatchSizer sizer = new BatchSizer(200, 100, 10_000, 1_000);
        sizer.observe(1_000, 250);
        assertThat(sizer.size()).isEqualTo(800);
        sizer.observe(800, 5_000);
        assertThat(sizer.size()).isEqualTo(400);
    }

    @Test
    void batchStaysWithinMinAndMax() {
        BatchSizer sizer = new BatchSizer(200, 100, 1_500, 1_000);
        sizer.observe(1_000, 1);
        assertThat(sizer.size()).isEqualTo(1_500);
        for (int i = 0; i < 10; i++) {
            sizer.halve();
        }
        assertThat(sizer.size()).isEqualTo(100);
    }

    @Test
    void shortBatchesDoNotChangeTheSize() {
        BatchSizer sizer = new BatchSizer(200, 100, 10_000, 1_000);
        sizer.observe(10, 1);
        assertThat(sizer.size()).isEqualTo(1_000);
    }

    @Test
    void rateCapSleepsForTheTimeTheBatchWasAhead() {
        RateCap cap = new RateCap(1_000);
        assertThat(cap.pauseMillis(500, 100_000_000L)).isEqualTo(400);
        assertThat(cap.pauseMillis(500, 900_000_000L)).isZero();
        assertThat(new RateCap(0).pauseMillis(1_000_000, 1)).isZero();
    }

    @Test
    void backoffGrowsExponentiallyWithJitterAndStopsAtTheCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1_000));
        long[] ceilings = {100, 200, 400, 800, 1_000, 1_000};
        for (long ceiling : ceilings) {
            long next = backoff.next().toMillis();
            assertThat(next).isBetween(ceiling / 2, ceiling);
        }
        assertThat(backoff.attempts()).isEqualTo(ceilings.length);
    }
}
