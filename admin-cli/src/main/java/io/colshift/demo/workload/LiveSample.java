package io.colshift.demo.workload;

import java.time.Duration;
import java.util.List;

/**
 * The last second or two of traffic, for a live view.
 *
 * @param phase   current phase label
 * @param inPhase time spent in it so far
 * @param apps    per application: recent rate and p99, and totals since the start
 */
public record LiveSample(String phase, Duration inPhase, List<App> apps) {

    public LiveSample {
        apps = List.copyOf(apps);
    }

    public record App(String name, double opsPerSecond, double p99Millis, long totalErrors, long totalMismatches) {
    }
}
