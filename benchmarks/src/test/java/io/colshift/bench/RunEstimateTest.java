package io.colshift.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunEstimateTest {

    @Test
    void theEstimateCountsOneForkPerRoundClientWorkloadAndThreadCountPlusOneLatencyRunPerClient() {
        // Defaults: 5 clients in each of 2 stages, 4 workloads, 1 and 4 threads, 3 rounds of 5 + 3 iterations of 1 s,
        // latency 1 s warm-up + 2 s per workload and thread count.
        RunEstimate estimate = RunEstimate.of(10, 4, 2, 3, 5, 3, 1000, 1000, 2000);

        assertThat(estimate.jmhForks()).isEqualTo(240);
        assertThat(estimate.latencyRuns()).isEqualTo(10);
        assertThat(estimate.total().toSeconds()).isEqualTo(240 * (8 + 2) + 10 * (8 * 3 + 2));
        assertThat(estimate.describe()).isEqualTo("about 0h 45min (240 JMH forks, 10 latency runs)");
    }
}
