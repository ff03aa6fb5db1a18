package io.colshift.bench;

import java.time.Duration;
import java.util.Locale;

/**
 * How long a suite run will take, told up front so that whoever starts it knows what they started.
 * Every JMH fork costs its warm-up and measured iterations plus the start of a JVM and a pool; every
 * latency JVM costs its warm-up and measuring time for each workload and thread count plus its start.
 */
public record RunEstimate(int jmhForks, int latencyRuns, Duration total) {

    /** What starting a JVM, loading the benchmark classes and opening a pool takes, roughly. */
    static final Duration JVM_START = Duration.ofSeconds(2);

    /**
     * @param clientStages the number of (stage, client) pairs measured, summed over stages
     */
    public static RunEstimate of(int clientStages, int workloads, int threadCounts, int rounds, int warmupIterations,
                                 int iterations, int iterationMs, int latencyWarmupMs, int latencyMs) {
        int forks = clientStages * workloads * threadCounts * rounds;
        Duration perFork = Duration.ofMillis((long) (warmupIterations + iterations) * iterationMs).plus(JVM_START);
        Duration perLatencyRun = Duration.ofMillis((long) workloads * threadCounts * (latencyWarmupMs + latencyMs))
                .plus(JVM_START);
        return new RunEstimate(forks, clientStages, perFork.multipliedBy(forks).plus(perLatencyRun.multipliedBy(clientStages)));
    }

    public String describe() {
        long minutes = (total.toSeconds() + 59) / 60;
        return String.format(Locale.ROOT, "about %dh %02dmin (%d JMH forks, %d latency runs)", minutes / 60, minutes % 60,
                jmhForks, latencyRuns);
    }
}
