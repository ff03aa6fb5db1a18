package io.colshift.demo.workload;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one simulated application observed: operations, their latency, failed statements (by
 * SQLSTATE, first messages kept), results that did not match what was written, and writes of the
 * new column that the driver held back because the migration did not allow them yet.
 * Recording is wait-free, so measuring does not disturb what is measured.
 */
public final class WorkloadStats {

    private static final int KEPT_MESSAGES = 10;

    private final String name;
    private final Recorder latencyMicros = new Recorder(3);
    private final LongAdder errors = new LongAdder();
    private final LongAdder mismatches = new LongAdder();
    private final LongAdder gatedWrites = new LongAdder();
    private final Map<String, LongAdder> errorsBySqlState = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> firstProblems = new ConcurrentLinkedQueue<>();
    private final AtomicInteger keptProblems = new AtomicInteger();
    private volatile String phase = "";

    public WorkloadStats(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public void success(long nanos) {
        latencyMicros.recordValue(Math.max(1, nanos / 1_000));
    }

    /** An operation failed; {@code operation} names it. */
    public void failure(String operation, Throwable error) {
        errors.increment();
        String sqlState = error instanceof SQLException e && e.getSQLState() != null ? e.getSQLState() : "none";
        errorsBySqlState.computeIfAbsent(sqlState, k -> new LongAdder()).increment();
        keep(operation + " failed [" + sqlState + "] " + error.getClass().getSimpleName() + ": " + error.getMessage());
    }

    /** An operation succeeded but returned something other than what was written. */
    public void mismatch(String operation, ResultMismatch mismatch) {
        mismatches.increment();
        keep(operation + " returned a wrong result: " + mismatch.getMessage());
    }

    /** Names the phase problems are recorded in from now on. */
    void phase(String label) {
        phase = label;
    }

    /** A write of the new column that came back with the spec's value instead: the driver held it back. */
    public void gatedWrite() {
        gatedWrites.increment();
    }

    public long errors() {
        return errors.sum();
    }

    public long mismatches() {
        return mismatches.sum();
    }

    public long gatedWrites() {
        return gatedWrites.sum();
    }

    /** Failed operations per SQLSTATE ({@code none} for failures without one). */
    public Map<String, Long> errorsBySqlState() {
        Map<String, Long> copy = new TreeMap<>();
        errorsBySqlState.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    /** The first few errors and wrong results, in the order they happened. */
    public List<String> firstProblems() {
        return List.copyOf(firstProblems);
    }

    /**
     * Latencies recorded since the previous call, in microseconds. Only the {@link Timeline} calls this:
     * each interval is handed out exactly once.
     */
    Histogram takeInterval() {
        return latencyMicros.getIntervalHistogram();
    }

    private void keep(String message) {
        if (keptProblems.getAndIncrement() < KEPT_MESSAGES) {
            firstProblems.add((phase.isEmpty() ? "" : "[" + phase + "] ") + message);
        }
    }
}
