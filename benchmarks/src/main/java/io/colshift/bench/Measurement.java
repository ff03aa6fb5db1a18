package io.colshift.bench;

import java.util.List;

/**
 * JMH's throughput figures for one client, workload and thread count: every measured iteration of
 * every fork, and the allocation per operation the GC profiler saw.
 */
public record Measurement(Stage stage, Workload workload, int threads, Client client, List<Double> iterationScores,
                          double allocatedBytesPerOp) {

    public Measurement {
        iterationScores = iterationScores.stream().sorted().toList();
        if (iterationScores.isEmpty()) {
            throw new IllegalArgumentException("a measurement needs at least one iteration");
        }
    }

    public double median() {
        int n = iterationScores.size();
        return n % 2 == 1 ? iterationScores.get(n / 2) : (iterationScores.get(n / 2 - 1) + iterationScores.get(n / 2)) / 2;
    }

    public double min() {
        return iterationScores.get(0);
    }

    public double max() {
        return iterationScores.get(iterationScores.size() - 1);
    }

    /** (max − min) / median: how far apart the iterations were. */
    public double relativeSpread() {
        return (max() - min()) / median();
    }
}
