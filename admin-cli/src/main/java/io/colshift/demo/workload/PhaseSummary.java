package io.colshift.demo.workload;

import java.time.Duration;
import java.util.List;

/**
 * What every simulated application observed during one phase of the story.
 *
 * @param label    the phase, as the story names it
 * @param duration how long it lasted
 * @param apps     one entry per application, in the order they were given to the {@link Timeline}
 */
public record PhaseSummary(String label, Duration duration, List<App> apps) {

    public PhaseSummary {
        apps = List.copyOf(apps);
    }

    /**
     * @param ops         operations that succeeded and returned what was expected
     * @param opsPerSecond ops divided by the phase's duration
     * @param p50Millis   median latency of successful operations
     * @param p99Millis   99th percentile latency
     * @param errors      operations that failed with an error
     * @param mismatches  operations that returned something other than what was written
     * @param gatedWrites writes of the new column the driver held back
     */
    public record App(String name, long ops, double opsPerSecond, double p50Millis, double p99Millis,
                      long errors, long mismatches, long gatedWrites) {
    }

    public App app(String name) {
        return apps.stream().filter(a -> a.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no application named " + name));
    }
}
