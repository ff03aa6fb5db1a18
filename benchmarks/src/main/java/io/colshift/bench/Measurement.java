package io.colshift.bench;

import java.util.List;

/**
 * JMH's throughput figures for one client, workload and thread count: the measured iterations of each
 * round (one fork per round), and the allocation per operation the GC profiler saw, averaged over rounds.
 * Rounds are kept apart because a client is compared with raw pgjdbc round by round ({@link PairedRatio}).
 */
public record Measurement(Stage stage, Workload workload, int threads, Client client, List<List<Double>> roundScores,
                          double allocatedBytesPerOp) {

    public Measurement {
        roundScores = roundScores.stream().map(List::copyOf).toList();
        if (roundScores.isEmpty() || roundScores.stream().anyMatch(List::isEmpty)) {
            throw new IllegalArgumentException("a measurement needs at least one round of at least one iteration");
        }
    }

    public int rounds() {
        return roundScores.size();
    }

    /** Median of the iterations of round {@code round} (0-based). */
    public double roundMedian(int round) {
        return median(roundScores.get(round));
    }

    /** Every measured iteration of every round, in ascending order. */
    public List<Double> iterationScores() {
        return roundScores.stream().flatMap(List::stream).sorted().toList();
    }

    public double median() {
        return median(iterationScores());
    }

    public double min() {
        return iterationScores().get(0);
    }

    public double max() {
        List<Double> all = iterationScores();
        return all.get(all.size() - 1);
    }

    /** (max − min) / median: how far apart the iterations were. */
    public double relativeSpread() {
        return (max() - min()) / median();
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
