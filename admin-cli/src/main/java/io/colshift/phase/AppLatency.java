package io.colshift.phase;

import io.colshift.state.Heartbeats;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The backfill's latency throttle in one run: reads the drivers' reported p99 at most every
 * {@link #READ_EVERY} from its own connection ({@link AppLatencyProbe}), applies {@link AppLatencyThrottle}'s
 * verdict to the batch sizer and the pace at once, and keeps the pace between figures ({@link LatencyPace}).
 */
final class AppLatency implements AutoCloseable {

    /** Heartbeats are seconds apart: reading more often only reads the same figures again. */
    static final Duration READ_EVERY = Duration.ofMillis(500);
    /** Heartbeats the baseline is the median of: one interval's p99 alone can be an outlier either way. */
    static final int BASELINE_BEATS = 3;
    /** Longest wait for those heartbeats before the first batch; the baseline is then made of what came. */
    static final Duration BASELINE_WAIT = Heartbeats.INTERVAL.multipliedBy(BASELINE_BEATS - 1).plus(READ_EVERY);

    private final Connection connection;
    private final AppLatencyProbe probe;
    private final AppLatencyThrottle throttle;
    private final LatencyPace pace;
    private AppLatencyProbe.Reading last;
    private long lastRead;

    AppLatency(Connection connection, AppLatencyProbe probe, AppLatencyThrottle throttle, LatencyPace pace) {
        this.connection = connection;
        this.probe = probe;
        this.throttle = throttle;
        this.pace = pace;
    }

    static AppLatency off() {
        return new AppLatency(null, null, new AppLatencyThrottle(0, 1), new LatencyPace(1));
    }

    /**
     * Reads the baseline now: the median p99 of the next {@link #BASELINE_BEATS} heartbeats (waiting at most
     * {@link #BASELINE_WAIT}), or null at once when no driver reports a figure. With a baseline, the backfill starts
     * at a low pace and raises it while the figures stay good.
     */
    AppLatencyProbe.Reading baseline() throws SQLException {
        List<AppLatencyProbe.Reading> beats = new ArrayList<>();
        long deadline = System.nanoTime() + BASELINE_WAIT.toNanos();
        AppLatencyProbe.Reading r = probe.read();
        while (r != null) {
            if (beats.isEmpty() || r.newestBeatMicros() != beats.get(beats.size() - 1).newestBeatMicros()) {
                beats.add(r);
            }
            if (beats.size() >= BASELINE_BEATS || System.nanoTime() >= deadline) {
                break;
            }
            Pause.sleep(READ_EVERY);
            r = probe.read();
        }
        lastRead = System.nanoTime();
        if (beats.isEmpty()) {
            last = null;
            return null;
        }
        last = median(beats);
        throttle.observe(last);
        pace.startLow(lastRead);
        return last;
    }

    private static AppLatencyProbe.Reading median(List<AppLatencyProbe.Reading> beats) {
        List<AppLatencyProbe.Reading> sorted = new ArrayList<>(beats);
        sorted.sort(Comparator.comparingDouble(AppLatencyProbe.Reading::p99Ms));
        AppLatencyProbe.Reading middle = sorted.get(sorted.size() / 2);
        AppLatencyProbe.Reading newest = beats.get(beats.size() - 1);
        return new AppLatencyProbe.Reading(middle.p99Ms(), newest.drivers(), newest.newestBeatMicros());
    }

    /**
     * Before the next batch: when a new figure arrived, halves the pace (and the batch) if it is over the limit or
     * raises the pace if it is comfortably under; while the latest figure is over the limit, also pauses.
     *
     * @return the reason to show, or null when nothing changed
     */
    String slowDown(BatchSizer sizer, ProgressPrinter printer, long done) throws SQLException {
        if (probe == null) {
            return null;
        }
        long now = System.nanoTime();
        boolean fresh = false;
        if (now - lastRead >= READ_EVERY.toNanos()) {
            AppLatencyProbe.Reading previous = last;
            last = probe.read();
            lastRead = now;
            fresh = last != null && (previous == null || last.newestBeatMicros() != previous.newestBeatMicros());
        }
        AppLatencyThrottle.Slowdown s = throttle.observe(last);
        if (s == null) {
            return fresh && last != null ? pace.within(throttle.comfortably(last), now) : null;
        }
        String paced = fresh ? pace.over(now) : null;
        if (s.halve()) {
            sizer.halve();
        }
        String reason = s.reason() + "; batch " + sizer.size() + ", pausing " + s.pauseMillis() + " ms"
                + (paced == null ? "" : ", " + paced);
        printer.update(done, sizer.size(), reason, false);
        Pause.sleep(Duration.ofMillis(s.pauseMillis()));
        return reason;
    }

    /** The largest next batch the pace allows. */
    int batchCeiling() {
        return pace.batchCeiling();
    }

    /** Counts a committed batch by the rows it covered; returns how long to wait after it to keep the pace. */
    long covered(long rows, long elapsedNanos) {
        pace.covered(rows, System.nanoTime());
        return pace.pauseMillis(rows, elapsedNanos);
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing to recover
            }
        }
    }
}
