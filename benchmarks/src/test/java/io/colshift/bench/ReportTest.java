package io.colshift.bench;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportTest {

    private static final MachineInfo MACHINE = new MachineInfo("2026-01-01T02:00:00Z", 2, "23.4 GiB", "a CPU",
            "0.10, 0.20, 0.30", "OpenJDK 17", "Linux", "PostgreSQL 17", "abc1234");

    @Test
    void medianMinAndMaxSpanEveryIterationOfEveryRound() {
        Measurement m = new Measurement(Stage.IDLE, Workload.POINT_SELECT, 1, Client.RAW,
                List.of(List.of(400.0, 100.0), List.of(300.0, 200.0)), 1000);
        assertThat(m.median()).isEqualTo(250);
        assertThat(m.min()).isEqualTo(100);
        assertThat(m.max()).isEqualTo(400);
        assertThat(m.relativeSpread()).isEqualTo(300 / 250.0);
        assertThat(m.roundMedian(0)).isEqualTo(250);
        assertThat(m.roundMedian(1)).isEqualTo(250);
    }

    @Test
    void aMeasurementWithoutIterationsIsRefused() {
        assertThatThrownBy(() -> new Measurement(Stage.IDLE, Workload.INSERT, 1, Client.RAW, List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Measurement(Stage.IDLE, Workload.INSERT, 1, Client.RAW,
                List.of(List.of(1.0), List.of()), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void passThroughBelowNinetyEightPercentOfRawInEveryRoundIsReportedMissed() {
        Report report = report(
                rounds(Stage.IDLE, Client.RAW, 1000, 2000, 1000),
                rounds(Stage.IDLE, Client.COLSHIFT, 970, 1950, 979));

        assertThat(report.markdown()).contains("| colshift pass-through ≥ 98 % of raw | point select by primary key | 1 | "
                + "97.5 % (rounds 97.0 – 97.9 %) | **missed** |");
    }

    @Test
    void passThroughAtNinetyEightPercentOrMoreInEveryRoundIsMetAndComparedWithEveryPeer() {
        Report report = report(
                rounds(Stage.IDLE, Client.RAW, 1000, 1000, 1000),
                rounds(Stage.IDLE, Client.COLSHIFT, 990, 980, 995),
                rounds(Stage.IDLE, Client.P6SPY, 995, 999, 999),
                rounds(Stage.IDLE, Client.SHARDINGSPHERE, 100, 100, 100));

        String md = report.markdown();
        assertThat(md).contains("| colshift pass-through ≥ 98 % of raw | point select by primary key | 1 | "
                + "99.0 % (rounds 98.0 – 99.5 %) | met |");
        assertThat(md).contains("| colshift pass-through ahead of every peer | point select by primary key | 1 | "
                + "99.0 % vs ShardingSphere-JDBC 10.0 %, p6spy 99.9 % | **missed** |");
    }

    @Test
    void passThroughWhoseRoundsStraddleTheBudgetIsNotSettled() {
        Report report = report(
                rounds(Stage.IDLE, Client.RAW, 1000, 1000, 1000),
                rounds(Stage.IDLE, Client.COLSHIFT, 970, 990, 985));

        assertThat(report.markdown()).contains("| colshift pass-through ≥ 98 % of raw | point select by primary key | 1 | "
                + "98.5 % (rounds 97.0 – 99.0 %) | not settled: budget within round-to-round range |");
    }

    @Test
    void theTableShowsTheRatioToRawAsTheMedianOfRoundsWithItsRange() {
        Report report = report(
                rounds(Stage.IDLE, Client.RAW, 1000, 1000, 1000),
                rounds(Stage.IDLE, Client.COLSHIFT, 990, 970, 1010));

        assertThat(report.markdown())
                .contains("| point select by primary key | 1 | colshift | 990 | 970 – 1,010 (4.0 %) | 99.0 % | 97.0 – 101.0 % |");
    }

    @Test
    void rewritingIsHeldToNinetyFivePercentOfRawInItsOwnStage() {
        Report report = report(
                rounds(Stage.IDLE, Client.RAW, 2000, 2000, 2000),
                rounds(Stage.MIGRATING, Client.RAW, 1000, 1000, 1000),
                rounds(Stage.MIGRATING, Client.COLSHIFT, 960, 960, 960));

        assertThat(report.markdown()).contains("| colshift rewriting ≥ 95 % of raw | point select by primary key | 1 | "
                + "96.0 % (rounds 96.0 – 96.0 %) | met |");
    }

    @Test
    void rewritingIsComparedWithThePeersOfTheMigratingStage() {
        Report report = report(
                rounds(Stage.IDLE, Client.RAW, 1000, 1000, 1000),
                rounds(Stage.IDLE, Client.COLSHIFT, 990, 990, 990),
                rounds(Stage.IDLE, Client.P6SPY, 999, 999, 999),
                rounds(Stage.MIGRATING, Client.RAW, 1000, 1000, 1000),
                rounds(Stage.MIGRATING, Client.COLSHIFT, 960, 960, 960),
                rounds(Stage.MIGRATING, Client.P6SPY, 950, 950, 950),
                rounds(Stage.MIGRATING, Client.DATASOURCE_PROXY, 955, 965, 970));

        assertThat(report.markdown()).contains("| colshift rewriting ahead of every peer | point select by primary key | 1 | "
                + "96.0 % vs p6spy 95.0 %, datasource-proxy 96.5 % (colshift ahead in 1 of 3 rounds) "
                + "| not settled: budget within round-to-round range |");
    }

    @Test
    void aStageThatCouldNotBeMeasuredSaysWhyInsteadOfShowingFigures() {
        Report report = new Report(MACHINE, "0.1, 0.1, 0.1", "cmd", "settings",
                List.of(rounds(Stage.IDLE, Client.RAW, 1000)), List.of(),
                Map.of(Stage.MIGRATING, "colshift does not rewrite yet"));

        assertThat(report.markdown()).contains("Not measured: colshift does not rewrite yet")
                .doesNotContain("colshift rewriting ≥ 95 %");
    }

    private static Report report(Measurement... measurements) {
        return new Report(MACHINE, "0.1, 0.1, 0.1", "cmd", "settings", List.of(measurements), List.of(), Map.of());
    }

    /** A measurement of one iteration per round, with the given scores in round order. */
    private static Measurement rounds(Stage stage, Client client, double... roundScores) {
        return new Measurement(stage, Workload.POINT_SELECT, 1, client,
                Arrays.stream(roundScores).mapToObj(s -> List.of(s)).toList(), 1000);
    }
}
