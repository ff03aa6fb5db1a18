package io.colshift.bench;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class SuiteRunnerTest {

    @Test
    void theEstimateCountsOnlyTheChosenClientsOfTheChosenStages() {
        SuiteRunner runner = new SuiteRunner();
        new CommandLine(runner).setCaseInsensitiveEnumValuesAllowed(true).parseArgs("--stages", "idle",
                "--clients", "raw,colshift", "--workloads", "point_select", "--threads", "1,4", "--rounds", "2");

        RunEstimate estimate = runner.estimate();

        assertThat(estimate.jmhForks()).isEqualTo(2 * 2 * 2);
        assertThat(estimate.latencyRuns()).isEqualTo(2);
    }

    @Test
    void noRoundsOrNoIterationsIsRefusedAsBadInputBeforeAnythingStarts() {
        for (String[] args : new String[][] {{"--rounds", "0"}, {"--iterations", "0"}, {"--iteration-ms", "0"},
                {"--warmup-iterations", "-1"}}) {
            StringWriter err = new StringWriter();
            int exit = new CommandLine(new SuiteRunner()).setErr(new PrintWriter(err)).execute(args);

            assertThat(exit).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString()).as(String.join(" ", args)).contains("must be at least 1");
        }
    }
}
