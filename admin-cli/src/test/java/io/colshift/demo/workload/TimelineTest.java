package io.colshift.demo.workload;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TimelineTest {

    @Test
    void attributesOperationsAndProblemsToThePhaseTheyHappenedIn() {
        WorkloadStats v1 = new WorkloadStats("v1");
        WorkloadStats v2 = new WorkloadStats("v2");
        Timeline timeline = new Timeline(List.of(v1, v2), "before");
        v1.success(1_000_000);
        v1.success(2_000_000);
        v1.success(3_000_000);

        timeline.enter("declared");
        v1.success(1_000_000);
        v2.success(5_000_000);
        v2.failure("insert", new SQLException("column \"status\" does not exist", "42703"));
        v2.gatedWrite();
        v2.mismatch("read", new ResultMismatch("status came back NULL"));
        List<PhaseSummary> phases = timeline.finish();

        assertThat(phases).extracting(PhaseSummary::label).containsExactly("before", "declared");
        PhaseSummary before = phases.get(0);
        assertThat(before.app("v1").ops()).isEqualTo(3);
        assertThat(before.app("v1").p99Millis()).isBetween(2.9, 3.1);
        assertThat(before.app("v2").ops()).isZero();
        PhaseSummary declared = phases.get(1);
        assertThat(declared.app("v1").ops()).isEqualTo(1);
        assertThat(declared.app("v2").ops()).isEqualTo(1);
        assertThat(declared.app("v2").errors()).isEqualTo(1);
        assertThat(declared.app("v2").mismatches()).isEqualTo(1);
        assertThat(declared.app("v2").gatedWrites()).isEqualTo(1);
        assertThat(declared.app("v1").errors()).isZero();
        assertThat(v2.errorsBySqlState()).containsExactly(java.util.Map.entry("42703", 1L));
        assertThat(v2.firstProblems()).hasSize(2).first().asString().contains("[declared] insert failed [42703]", "does not exist");
    }

    @Test
    void ignoresWhatWasRecordedBeforeItStarted() {
        WorkloadStats app = new WorkloadStats("v1");
        app.success(1_000);
        app.failure("read", new SQLException("boom", "08006"));
        Timeline timeline = new Timeline(List.of(app), "before");
        app.success(1_000);

        PhaseSummary only = timeline.finish().get(0);

        assertThat(only.app("v1").ops()).isEqualTo(1);
        assertThat(only.app("v1").errors()).isZero();
    }

    @Test
    void liveSampleReportsTheCurrentPhaseAndTotals() {
        WorkloadStats app = new WorkloadStats("v2");
        Timeline timeline = new Timeline(List.of(app), "expanded");
        app.success(4_000_000);
        app.failure("read", new IllegalStateException("no SQLSTATE"));

        LiveSample sample = timeline.sample();

        assertThat(sample.phase()).isEqualTo("expanded");
        assertThat(sample.apps().get(0).totalErrors()).isEqualTo(1);
        assertThat(sample.apps().get(0).opsPerSecond()).isPositive();
        assertThat(app.errorsBySqlState()).containsKey("none");
    }
}
