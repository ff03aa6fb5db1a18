package io.colshift.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One client's throughput as a fraction of another's, paired round by round: each round's median is
 * divided by the other's median of the same round, which ran right next to it. Drift on the machine
 * between rounds moves both sides of a pair alike and so cancels out of the ratio; what is left is the
 * round-to-round range, which tells whether a difference is larger than the noise.
 *
 * @param perRound the ratio of each round, in round order
 */
public record PairedRatio(List<Double> perRound) {

    public PairedRatio {
        perRound = List.copyOf(perRound);
        if (perRound.isEmpty()) {
            throw new IllegalArgumentException("a paired ratio needs at least one round");
        }
    }

    /**
     * {@code measured} relative to {@code baseline}, over the rounds both have; empty when they share no
     * round or the baseline measured nothing.
     */
    public static Optional<PairedRatio> of(Measurement measured, Measurement baseline) {
        int rounds = Math.min(measured.rounds(), baseline.rounds());
        List<Double> ratios = new ArrayList<>(rounds);
        for (int r = 0; r < rounds; r++) {
            double base = baseline.roundMedian(r);
            if (base > 0) {
                ratios.add(measured.roundMedian(r) / base);
            }
        }
        return ratios.isEmpty() ? Optional.empty() : Optional.of(new PairedRatio(ratios));
    }

    public double median() {
        return Measurement.median(perRound);
    }

    public double min() {
        return perRound.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    public double max() {
        return perRound.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    /** Whether this ratio reaches {@code budget} in every round, in none, or only in some. */
    public Verdict against(double budget) {
        if (min() >= budget) {
            return Verdict.MET;
        }
        return max() < budget ? Verdict.MISSED : Verdict.NOT_SETTLED;
    }
}
