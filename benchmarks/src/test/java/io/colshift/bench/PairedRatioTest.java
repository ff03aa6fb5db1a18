package io.colshift.bench;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PairedRatioTest {

    @Test
    void ratioIsTheMedianOfPerRoundRatiosNotTheRatioOfOverallMedians() {
        Measurement raw = rounds(1000, 2000, 3000);
        Measurement client = rounds(990, 1980, 1500);

        PairedRatio ratio = PairedRatio.of(client, raw).orElseThrow();

        assertThat(ratio.perRound()).containsExactly(0.99, 0.99, 0.5);
        assertThat(ratio.median()).isEqualTo(0.99);
        assertThat(client.median() / raw.median()).as("unpaired, which drift would bias").isEqualTo(0.75);
        assertThat(ratio.min()).isEqualTo(0.5);
        assertThat(ratio.max()).isEqualTo(0.99);
    }

    @Test
    void eachRoundIsRepresentedByTheMedianOfItsIterations() {
        Measurement raw = new Measurement(Stage.IDLE, Workload.INSERT, 4, Client.RAW,
                List.of(List.of(900.0, 1000.0, 5000.0), List.of(2000.0, 10.0, 2000.0)), 0);
        Measurement client = new Measurement(Stage.IDLE, Workload.INSERT, 4, Client.P6SPY,
                List.of(List.of(100.0, 800.0, 4000.0), List.of(1000.0, 1000.0, 9000.0)), 0);

        assertThat(PairedRatio.of(client, raw).orElseThrow().perRound()).containsExactly(0.8, 0.5);
    }

    @Test
    void onlyRoundsBothSidesMeasuredArePaired() {
        PairedRatio ratio = PairedRatio.of(rounds(500, 600, 700), rounds(1000, 1000)).orElseThrow();

        assertThat(ratio.perRound()).containsExactly(0.5, 0.6);
    }

    @Test
    void aBaselineThatMeasuredNothingGivesNoRatio() {
        assertThat(PairedRatio.of(rounds(500), rounds(0))).isEmpty();
    }

    @Test
    void aBudgetReachedInEveryRoundIsMetEvenWhenALowRoundTouchesItExactly() {
        assertThat(new PairedRatio(List.of(0.98, 0.99, 1.01)).against(0.98)).isEqualTo(Verdict.MET);
    }

    @Test
    void aBudgetReachedInNoRoundIsMissed() {
        assertThat(new PairedRatio(List.of(0.90, 0.97, 0.979)).against(0.98)).isEqualTo(Verdict.MISSED);
    }

    @Test
    void aBudgetInsideTheRoundToRoundRangeIsNotSettledWhateverTheMedian() {
        assertThat(new PairedRatio(List.of(0.97, 0.99, 0.995)).against(0.98)).isEqualTo(Verdict.NOT_SETTLED);
        assertThat(new PairedRatio(List.of(0.96, 0.97, 0.99)).against(0.98)).isEqualTo(Verdict.NOT_SETTLED);
    }

    @Test
    void aBudgetOfSeveralPartsIsMissedIfOnePartIsAndMetOnlyIfAllAre() {
        assertThat(Verdict.allOf(List.of(Verdict.MET, Verdict.NOT_SETTLED, Verdict.MISSED))).isEqualTo(Verdict.MISSED);
        assertThat(Verdict.allOf(List.of(Verdict.MET, Verdict.NOT_SETTLED))).isEqualTo(Verdict.NOT_SETTLED);
        assertThat(Verdict.allOf(List.of(Verdict.MET, Verdict.MET))).isEqualTo(Verdict.MET);
    }

    private static Measurement rounds(double... roundScores) {
        return new Measurement(Stage.IDLE, Workload.POINT_SELECT, 1, Client.COLSHIFT,
                Arrays.stream(roundScores).mapToObj(s -> List.of(s)).toList(), 0);
    }
}
