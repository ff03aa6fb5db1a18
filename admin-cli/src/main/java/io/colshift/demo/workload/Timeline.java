package io.colshift.demo.workload;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits what the applications observe into phases. Whoever drives the story calls {@link #enter};
 * a view may call {@link #sample} as often as it redraws. Everything recorded between two calls is
 * attributed to the phase current at the later call, so attribution is exact at phase boundaries
 * and needs no background thread.
 */
public final class Timeline {

    private static final long LIVE_WINDOW_NANOS = 2_000_000_000L;

    private final List<WorkloadStats> apps;
    private final List<PhaseSummary> finished = new ArrayList<>();
    private final Deque<Interval> recent = new ArrayDeque<>();
    private final long[] errorsSeen;
    private final long[] mismatchesSeen;
    private final long[] gatedSeen;

    private String label;
    private long phaseStart;
    private long lastSample;
    private Histogram[] phaseLatency;
    private long[] phaseErrors;
    private long[] phaseMismatches;
    private long[] phaseGated;

    public Timeline(List<WorkloadStats> apps, String firstLabel) {
        this.apps = List.copyOf(apps);
        int n = this.apps.size();
        errorsSeen = new long[n];
        mismatchesSeen = new long[n];
        gatedSeen = new long[n];
        for (int i = 0; i < n; i++) {
            this.apps.get(i).takeInterval(); // anything recorded before the story started is not part of it
            errorsSeen[i] = this.apps.get(i).errors();
            mismatchesSeen[i] = this.apps.get(i).mismatches();
            gatedSeen[i] = this.apps.get(i).gatedWrites();
        }
        lastSample = System.nanoTime();
        begin(firstLabel, lastSample);
    }

    /** Closes the current phase and starts {@code nextLabel}. */
    public synchronized void enter(String nextLabel) {
        long now = collect();
        close(now);
        begin(nextLabel, now);
    }

    public synchronized String currentLabel() {
        return label;
    }

    /** Collects what was recorded since the last call and returns the recent rates. */
    public synchronized LiveSample sample() {
        long now = collect();
        while (recent.size() > 1 && now - recent.peekFirst().start > LIVE_WINDOW_NANOS) {
            recent.removeFirst();
        }
        List<LiveSample.App> live = new ArrayList<>(apps.size());
        long windowStart = recent.isEmpty() ? now : recent.peekFirst().start;
        double seconds = Math.max(1e-3, (now - windowStart) / 1e9);
        for (int i = 0; i < apps.size(); i++) {
            Histogram window = new Histogram(3);
            for (Interval interval : recent) {
                window.add(interval.latency[i]);
            }
            live.add(new LiveSample.App(apps.get(i).name(), window.getTotalCount() / seconds,
                    window.getTotalCount() == 0 ? 0 : window.getValueAtPercentile(99) / 1000.0,
                    apps.get(i).errors(), apps.get(i).mismatches()));
        }
        return new LiveSample(label, Duration.ofNanos(now - phaseStart), live);
    }

    /** Closes the current phase and returns every phase, in order. Call once, after the applications stopped. */
    public synchronized List<PhaseSummary> finish() {
        close(collect());
        label = null;
        return List.copyOf(finished);
    }

    /** Phases closed so far. */
    public synchronized List<PhaseSummary> phases() {
        return List.copyOf(finished);
    }

    private long collect() {
        long now = System.nanoTime();
        Histogram[] intervalLatency = new Histogram[apps.size()];
        for (int i = 0; i < apps.size(); i++) {
            WorkloadStats app = apps.get(i);
            intervalLatency[i] = app.takeInterval();
            phaseLatency[i].add(intervalLatency[i]);
            long errors = app.errors();
            long mismatches = app.mismatches();
            long gated = app.gatedWrites();
            phaseErrors[i] += errors - errorsSeen[i];
            phaseMismatches[i] += mismatches - mismatchesSeen[i];
            phaseGated[i] += gated - gatedSeen[i];
            errorsSeen[i] = errors;
            mismatchesSeen[i] = mismatches;
            gatedSeen[i] = gated;
        }
        recent.addLast(new Interval(lastSample, intervalLatency));
        lastSample = now;
        return now;
    }

    private void begin(String newLabel, long now) {
        label = newLabel;
        apps.forEach(app -> app.phase(newLabel));
        phaseStart = now;
        int n = apps.size();
        phaseLatency = new Histogram[n];
        for (int i = 0; i < n; i++) {
            phaseLatency[i] = new Histogram(3);
        }
        phaseErrors = new long[n];
        phaseMismatches = new long[n];
        phaseGated = new long[n];
    }

    private void close(long now) {
        if (label == null) {
            throw new IllegalStateException("the timeline is finished");
        }
        Duration duration = Duration.ofNanos(now - phaseStart);
        double seconds = Math.max(1e-3, duration.toNanos() / 1e9);
        List<PhaseSummary.App> summaries = new ArrayList<>(apps.size());
        for (int i = 0; i < apps.size(); i++) {
            Histogram h = phaseLatency[i];
            boolean any = h.getTotalCount() > 0;
            summaries.add(new PhaseSummary.App(apps.get(i).name(), h.getTotalCount(), h.getTotalCount() / seconds,
                    any ? h.getValueAtPercentile(50) / 1000.0 : 0, any ? h.getValueAtPercentile(99) / 1000.0 : 0,
                    phaseErrors[i], phaseMismatches[i], phaseGated[i]));
        }
        finished.add(new PhaseSummary(label, duration, summaries));
    }

    private record Interval(long start, Histogram[] latency) {
    }
}
