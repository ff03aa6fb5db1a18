package io.colshift.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportTest {

    private static final MachineInfo MACHINE = new MachineInfo("2026-01-01T02:00:00Z", 2, "23.4 GiB", "a CPU",
            "0.10, 0.20, 0.30", "OpenJDK 17", "Linux", "PostgreSQL 17", "abc1234");

    @Test
    void medianOfAnEvenNumberOfIterationsIsTheMeanOfTheMiddleTwo() {
        Measurement m = measurement(Stage.IDLE, Client.RAW, 400, 100, 300, 200);
        assertThat(m.median()).isEqualTo(250);
        assertThat(m.min()).isEqualTo(100);
        assertThat(m.max()).isEqualTo(400);
        assertThat(m.relativeSpread()).isEqualTo(300 / 250.0);
    }

    @Test
    void aMeasurementWithoutIterationsIsRefused() {
        assertThatThrownBy(() -> new Measurement(Stage.IDLE, Workload.INSERT, 1, Client.RAW, List.of(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void passThroughBelowNinetyEightPercentOfRawIsReportedMissed() {
        Report report = report(
                measurement(Stage.IDLE, Client.RAW, 1000, 1000, 1000),
                measurement(Stage.IDLE, Client.COLSHIFT, 970, 975, 980));

        assertThat(report.markdown()).contains("| colshift pass-through ≥ 98 % of raw | point select by primary key | 1 | 97.5 % | **missed** |");
    }

    @Test
    void passThroughAtNinetyEightPercentOrMoreIsMetAndComparedWithEveryPeer() {
        Report report = report(
                measurement(Stage.IDLE, Client.RAW, 1000, 1000, 1000),
                measurement(Stage.IDLE, Client.COLSHIFT, 990, 990, 990),
                measurement(Stage.IDLE, Client.P6SPY, 995, 995, 995),
                measurement(Stage.IDLE, Client.SHARDINGSPHERE, 100, 100, 100));

        String md = report.markdown();
        assertThat(md).contains("| colshift pass-through ≥ 98 % of raw | point select by primary key | 1 | 99.0 % | met |");
        assertThat(md).contains("| colshift pass-through ahead of every peer | point select by primary key | 1 | "
                + "99.0 % vs ShardingSphere-JDBC 10.0 %, p6spy 99.5 % | **missed** |");
    }

    @Test
    void rewritingIsHeldToNinetyFivePercentOfRawInItsOwnStage() {
        Report report = report(
                measurement(Stage.IDLE, Client.RAW, 2000, 2000, 2000),
                measurement(Stage.MIGRATING, Client.RAW, 1000, 1000, 1000),
                measurement(Stage.MIGRATING, Client.COLSHIFT, 960, 960, 960));

        assertThat(report.markdown()).contains("| colshift rewriting ≥ 95 % of raw | point select by primary key | 1 | 96.0 % | met |");
    }

    @Test
    void aStageThatCouldNotBeMeasuredSaysWhyInsteadOfShowingFigures() {
        Report report = new Report(MACHINE, "0.1, 0.1, 0.1", "cmd", "settings",
                List.of(measurement(Stage.IDLE, Client.RAW, 1000)), List.of(),
                Map.of(Stage.MIGRATING, "colshift does not rewrite yet"));

        assertThat(report.markdown()).contains("Not measured: colshift does not rewrite yet")
                .doesNotContain("colshift rewriting ≥ 95 %");
    }

    private static Report report(Measurement... measurements) {
        return new Report(MACHINE, "0.1, 0.1, 0.1", "cmd", "settings", List.of(measurements), List.of(), Map.of());
    }

    private static Measurement measurement(Stage stage, Client client, double... scores) {
        return new Measurement(stage, Workload.POINT_SELECT, 1, client,
                java.util.Arrays.stream(scores).boxed().toList(), 1000);
    }
}
