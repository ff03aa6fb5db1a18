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
 * The adoption counters of one server's statements, per migration ({@link MigrationAdoption}). The rewrite of a
 * statement says, once when it is computed, which migrations it touches and how ({@link Rewrite#touches()});
 * an execution only looks the migrations up and increments. A statement that touches no migration (the
 * pass-through path) costs one read of an empty list.
 *
 * <p>Reported two ways: with the heartbeat as JSON ({@link #heartbeatJson()}, the {@code clients.counters}
 * column) and through JMX with the driver's other counters ({@code adoption.<id>.reads} …, {@link #addTo}).
 */
final class AdoptionCounters {

    private final Map<String, MigrationAdoption> migrations = new ConcurrentHashMap<>();

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

    /** Adds {@code adoption.<id>.<counter>} for every migration seen so far, in a stable order (JMX, status). */
    void addTo(Map<String, Long> into) {
        new TreeMap<>(migrations).forEach((id, a) -> {
            String p = "adoption." + id + ".";
            into.put(p + "reads", a.reads.sum());
            into.put(p + "writes", a.writes.sum());
            into.put(p + "heldBack", a.heldBack.sum());
            into.put(p + "rewritten", a.rewritten.sum());
            into.put(p + "passedUnchanged", a.passedUnchanged.sum());
            new TreeMap<>(a.passedUnchangedByReason()).forEach((reason, n) ->
                    into.put(p + "passedUnchanged." + reason, n.sum()));
            into.put(p + "refused", a.refused.sum());
            LatencyHistogram.Percentiles last = a.lastInterval();
            if (last != null) {
                into.put(p + "p50Micros", Math.round(last.p50Ms() * 1000));
                into.put(p + "p99Micros", Math.round(last.p99Ms() * 1000));
            }
        });
    }

    /**
     * The heartbeat's report, and the end of the latency interval:
     * {@code {"<id>": {"reads": n, "writes": n, "heldBack": n, "rewritten": n, "passedUnchanged": n, "refused": n,
     * "p50Ms": x, "p99Ms": x}}}, counts cumulative since the driver started, p50/p99 over the interval since the
     * previous report (absent when no statement on the table ran in it). Null when no migration was touched.
     */
    String heartbeatJson() {
        if (migrations.isEmpty()) {
            return null;
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
