package io.colshift.driver;

import io.colshift.rewrite.Rewrite;
import io.colshift.rewrite.Touch;
import io.colshift.rewrite.Unrewritable;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The adoption counters of one application's statements on one server, per migration ({@link MigrationAdoption});
 * a holder keeps one per application ({@link ApplicationAdoption}). The rewrite of a
 * statement says, once when it is computed, which migrations it touches and how ({@link Rewrite#touches()});
 * an execution only looks the migrations up and increments. A statement that touches no migration (the
 * pass-through path) costs one read of an empty list.
 *
 * <p>Reported two ways: with the heartbeat as JSON ({@link #heartbeatJson()}, the {@code clients.counters}
 * column of this application's row) and through JMX, summed with the holder's other applications, next to the
 * driver's other counters ({@code adoption.<id>.reads} …, {@link #addTo}).
 */
final class AdoptionCounters {

    private final Map<String, MigrationAdoption> migrations = new ConcurrentHashMap<>();
    /** Connections of this application open now: a version whose connections are all closed has left. */
    private final java.util.concurrent.atomic.AtomicInteger openConnections = new java.util.concurrent.atomic.AtomicInteger();

    /** A connection counting into these counters opened (once per connection, not per statement). */
    void connectionOpened() {
        openConnections.incrementAndGet();
        finalReportSent = false; // whatever it counts from now on is reported, even if it closes before a heartbeat
    }

    /** A connection counting into these counters closed. */
    void connectionClosed() {
        openConnections.decrementAndGet();
    }

    /** Set once the heartbeat after the last connection closed has reported the final counts. */
    private volatile boolean finalReportSent;

    /**
     * Whether the heartbeat about to be sent renews this application's row: while any of its connections is open,
     * and once more after the last one closed (its final counts); after that the row ages out of the live drivers.
     */
    boolean renewsRow() {
        if (openConnections.get() > 0) {
            finalReportSent = false;
            return true;
        }
        if (!finalReportSent) {
            finalReportSent = true;
            return true;
        }
        return false;
    }

    private MigrationAdoption of(String id) {
        MigrationAdoption a = migrations.get(id);
        return a != null ? a : migrations.computeIfAbsent(id, k -> new MigrationAdoption());
    }

    /** Counts one execution of {@code rewrite}'s statement. */
    void count(Rewrite rewrite) {
        List<Touch> touches = rewrite.touches();
        int n = touches.size();
        if (n == 0) {
            return;
        }
        boolean rewritten = rewrite.unrewritable() == null && !rewrite.isUnchanged();
        for (int i = 0; i < n; i++) {
            Touch t = touches.get(i);
            MigrationAdoption a = of(t.migrationId());
            if (t.read()) {
                a.reads.increment();
            }
            if (t.write()) {
                a.writes.increment();
            }
            if (t.heldBack()) {
                a.heldBack.increment();
            }
            if (rewritten) {
                a.rewritten.increment();
            }
        }
    }

    /** Counts a statement that could not be rewritten: refused by the policy, or sent as written (fail-open). */
    void countUnrewritable(Unrewritable u, boolean refused) {
        for (String id : u.migrations()) {
            MigrationAdoption a = of(id);
            if (refused) {
                a.refused.increment();
            } else {
                a.passedUnchanged(u.reason());
            }
        }
    }

    /** Records how long one execution of a statement touching migrations took. */
    void recordLatency(Rewrite rewrite, long nanos) {
        List<Touch> touches = rewrite.touches();
        for (int i = 0; i < touches.size(); i++) {
            of(touches.get(i).migrationId()).latency.record(nanos);
        }
    }

    /** Whether the execution of {@code rewrite}'s statement is timed: only statements touching a migration are. */
    static boolean timed(Rewrite rewrite) {
        return !rewrite.touches().isEmpty();
    }

    /**
     * Adds {@code adoption.<id>.<counter>} for every migration seen so far (JMX, status). Merges with what
     * {@code into} holds already (another application's counters of the same holder): counts are added up, a
     * latency percentile keeps the higher value.
     */
    void addTo(Map<String, Long> into) {
        migrations.forEach((id, a) -> {
            String p = "adoption." + id + ".";
            into.merge(p + "reads", a.reads.sum(), Long::sum);
            into.merge(p + "writes", a.writes.sum(), Long::sum);
            into.merge(p + "heldBack", a.heldBack.sum(), Long::sum);
            into.merge(p + "rewritten", a.rewritten.sum(), Long::sum);
            into.merge(p + "passedUnchanged", a.passedUnchanged.sum(), Long::sum);
            a.passedUnchangedByReason().forEach((reason, n) ->
                    into.merge(p + "passedUnchanged." + MigrationAdoption.reasonKey(reason), n.sum(), Long::sum));
            into.merge(p + "refused", a.refused.sum(), Long::sum);
            LatencyHistogram.Percentiles last = a.lastInterval();
            if (last != null) {
                into.merge(p + "p50Micros", Math.round(last.p50Ms() * 1000), Math::max);
                into.merge(p + "p99Micros", Math.round(last.p99Ms() * 1000), Math::max);
            }
        });
    }

    /**
     * The heartbeat's report, and the end of the latency interval:
     * {@code {"<id>": {"reads": n, "writes": n, "heldBack": n, "rewritten": n, "passedUnchanged": n, "refused": n,
     * "p50Ms": x, "p99Ms": x}}}, counts cumulative since the driver started, p50/p99 over the interval since the
     * previous report (absent when no statement on the table ran in it). {@code {}} when no migration was touched:
     * that is a report too ("never touched the column", an application version that predates it), not the absence
     * of one.
     */
    String heartbeatJson() {
        if (migrations.isEmpty()) {
            return "{}";
        }
        StringBuilder json = new StringBuilder("{");
        new TreeMap<>(migrations).forEach((id, a) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            appendString(json, id);
            json.append(":{\"reads\":").append(a.reads.sum())
                    .append(",\"writes\":").append(a.writes.sum())
                    .append(",\"heldBack\":").append(a.heldBack.sum())
                    .append(",\"rewritten\":").append(a.rewritten.sum())
                    .append(",\"passedUnchanged\":").append(a.passedUnchanged.sum())
                    .append(",\"refused\":").append(a.refused.sum());
            LatencyHistogram.Percentiles p = a.closeInterval();
            if (p != null) {
                json.append(",\"p50Ms\":").append(String.format(Locale.ROOT, "%.3f", p.p50Ms()))
                        .append(",\"p99Ms\":").append(String.format(Locale.ROOT, "%.3f", p.p99Ms()));
            }
            json.append('}');
        });
        return json.append('}').toString();
    }

    private static void appendString(StringBuilder json, String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }
}
