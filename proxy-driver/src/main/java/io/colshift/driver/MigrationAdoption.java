package io.colshift.driver;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How this driver's statements use one migration, counted since the driver started: reads and writes of the
 * column, writes held back, statements rewritten, passed unchanged (fail-open, by reason) and refused, and the
 * execution times of statements that touch it. Created once per migration; per execution only increments.
 */
final class MigrationAdoption {

    final LongAdder reads = new LongAdder();
    final LongAdder writes = new LongAdder();
    final LongAdder heldBack = new LongAdder();
    final LongAdder rewritten = new LongAdder();
    final LongAdder passedUnchanged = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LatencyHistogram latency = new LatencyHistogram();
    /**
     * Fail-open reasons as the rewriter names them ({@code parse failed}, {@code ambiguous}, …): a small fixed set,
     * kept as given so that an execution only looks one up; made into counter names when read ({@link #reasonKey}).
     */
    private final Map<String, LongAdder> passedUnchangedByReason = new ConcurrentHashMap<>();
    /** The percentiles of the last heartbeat interval, for JMX (which must not consume the interval). */
    private volatile LatencyHistogram.Percentiles lastInterval;

    void passedUnchanged(String reason) {
        passedUnchanged.increment();
        LongAdder n = passedUnchangedByReason.get(reason == null ? UNKNOWN : reason);
        (n != null ? n : passedUnchangedByReason.computeIfAbsent(reason == null ? UNKNOWN : reason,
                k -> new LongAdder())).increment();
    }

    private static final String UNKNOWN = "unknown";

    /** {@code parse failed} → {@code parse_failed}: one word, as a JMX counter name part. */
    static String reasonKey(String reason) {
        String key = reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return key.length() > 40 ? key.substring(0, 40) : key;
    }

    /** Ends the current latency interval; what the heartbeat reports. */
    LatencyHistogram.Percentiles closeInterval() {
        LatencyHistogram.Percentiles p = latency.intervalPercentiles();
        lastInterval = p;
        return p;
    }

    LatencyHistogram.Percentiles lastInterval() {
        return lastInterval;
    }

    Map<String, LongAdder> passedUnchangedByReason() {
        return passedUnchangedByReason;
    }
}
