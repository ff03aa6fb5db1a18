package io.colshift.phase;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The backfill's latency throttle in one run: reads the drivers' reported p99 at most every
 * {@link #READ_EVERY} from its own connection ({@link AppLatencyProbe}) and applies {@link AppLatencyThrottle}'s
 * verdict to the batch sizer and the pace.
 */
final class AppLatency implements AutoCloseable {

    /** Heartbeats are seconds apart: reading more often only reads the same figures again. */
    static final Duration READ_EVERY = Duration.ofMillis(500);

    private final Connection connection;
    private final AppLatencyProbe probe;
    private final AppLatencyThrottle throttle;
    private AppLatencyProbe.Reading last;
    private long lastRead;

    AppLatency(Connection connection, AppLatencyProbe probe, AppLatencyThrottle throttle) {
        this.connection = connection;
        this.probe = probe;
        this.throttle = throttle;
    }

    static AppLatency off() {
        return new AppLatency(null, null, new AppLatencyThrottle(0, 1));
    }

    /** Reads the baseline now; null when no driver reports a figure yet. */
    AppLatencyProbe.Reading baseline() {
        last = probe.read();
        lastRead = System.nanoTime();
        throttle.observe(last);
        return last;
    }

    /** Slows down before the next batch when the application's p99 is over the limit; returns the reason, or null. */
    String slowDown(BatchSizer sizer, ProgressPrinter printer, long done) throws SQLException {
        if (probe == null) {
            return null;
        }
        long now = System.nanoTime();
        if (now - lastRead >= READ_EVERY.toNanos()) {
            last = probe.read();
            lastRead = now;
        }
        AppLatencyThrottle.Slowdown s = throttle.observe(last);
        if (s == null) {
            return null;
        }
        if (s.halve()) {
            sizer.halve();
        }
        String reason = s.reason() + "; batch " + sizer.size() + ", pausing " + s.pauseMillis() + " ms";
        printer.update(done, sizer.size(), reason, false);
        Pause.sleep(Duration.ofMillis(s.pauseMillis()));
        return reason;
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
