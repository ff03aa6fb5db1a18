package io.colshift.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the topology benchmark for a few seconds (two flips per topology, a 200 ms poll interval, three instances)
 * and checks that it produced figures for every topology and mode. Nothing here is judged on timing.
 */
class TopologyBenchmarkIT {

    @Test
    void shortRunMeasuresEveryTopologyAndBothConnectionModes() throws Exception {
        TopologyBenchmark.Report report = TopologyBenchmark.run(2, 200, 3, 1_000);

        assertThat(report.propagation()).hasSize(6).allSatisfy(p -> {
            assertThat(p.runs()).as(p.topology()).isEqualTo(2);
            assertThat(p.p50()).as(p.topology()).isPositive();
            assertThat(p.max()).as(p.topology()).isGreaterThanOrEqualTo(p.min());
        });
        assertThat(report.cost()).extracting(ControlPlaneCost.Result::mode)
                .containsExactly("colshift.watch=true", "colshift.watch=false");
        assertThat(report.cost()).allSatisfy(c -> {
            assertThat(c.instances()).isEqualTo(3);
            assertThat(c.applicationConnections()).as(c.mode()).isEqualTo(3);
            assertThat(c.statements()).as(c.mode()).isPositive();
            assertThat(c.serverTxPerSecond()).as(c.mode()).isPositive();
        });
        // without a watcher colshift opens no connection of its own
        assertThat(report.cost().get(1).colshiftConnections()).isZero();
        assertThat(TopologyBenchmark.markdown(report)).contains("| primary, LISTEN + poll |",
                "| colshift.watch=false |");
    }
}
