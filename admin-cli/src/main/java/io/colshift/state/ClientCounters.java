package io.colshift.state;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Map;
import java.util.Optional;

/**
 * One driver's adoption counters, parsed defensively from the {@code clients.counters} jsonb the application role
 * writes: an object keyed by migration id, each value an object of numbers ({@code reads}, {@code writes},
 * {@code heldBack}, {@code rewritten}, {@code passedUnchanged}, {@code refused}, {@code p50Ms}, {@code p99Ms}).
 * Anything else (another shape, strings, negative or huge numbers) reads as "not reported", never as an error.
 *
 * @param clientId  the heartbeat row's client id
 * @param reported  whether the row had a readable counters object at all (drivers before control schema version 3
 *                  report none: "no adoption data")
 * @param perMigration counters by migration id; only present when {@code reported}
 */
public record ClientCounters(String clientId, boolean reported, Map<String, MigrationCounters> perMigration) {

    /** Longer counters text is not parsed: a heartbeat has no reason to be that large. */
    public static final int MAX_CHARS = 256 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).build())
            .build());

    public ClientCounters {
        perMigration = Map.copyOf(perMigration);
    }

    /** The counters for {@code migrationId}, when this driver reported any for it. */
    public Optional<MigrationCounters> of(String migrationId) {
        return Optional.ofNullable(perMigration.get(migrationId));
    }

    /** Parses {@code json} (null when the row has no counters). */
    public static ClientCounters parse(String clientId, String json) {
        if (json == null || json.length() > MAX_CHARS) {
            return new ClientCounters(clientId, false, Map.of());
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (Exception e) {
            return new ClientCounters(clientId, false, Map.of());
        }
        if (root == null || !root.isObject()) {
            return new ClientCounters(clientId, false, Map.of());
        }
        java.util.HashMap<String, MigrationCounters> counters = new java.util.HashMap<>();
        root.fields().forEachRemaining(e -> {
            JsonNode c = e.getValue();
            if (c.isObject()) {
                counters.put(e.getKey(), new MigrationCounters(count(c, "reads"), count(c, "writes"),
                        count(c, "heldBack"), count(c, "rewritten"), count(c, "passedUnchanged"), count(c, "refused"),
                        millis(c, "p50Ms"), millis(c, "p99Ms")));
            }
        });
        return new ClientCounters(clientId, true, counters);
    }

    private static Long count(JsonNode object, String field) {
        JsonNode n = object.get(field);
        if (n == null || !n.isNumber()) {
            return null;
        }
        double v = n.asDouble();
        return Double.isFinite(v) && v >= 0 && v <= Long.MAX_VALUE / 2.0 && v == Math.rint(v) ? (long) v : null;
    }

    private static Double millis(JsonNode object, String field) {
        JsonNode n = object.get(field);
        if (n == null || !n.isNumber()) {
            return null;
        }
        return MigrationCounters.millis(n.asDouble());
    }
}
