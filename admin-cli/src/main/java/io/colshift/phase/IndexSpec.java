package io.colshift.phase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;

/**
 * The index a migration builds at contract, from the spec's {@code index:} map (stored as {@code index_spec} jsonb).
 *
 * @param name         index name; defaults to {@code <table>_<column>_idx}, cut to PostgreSQL's 63-byte limit
 * @param unique       {@code CREATE UNIQUE INDEX}
 * @param method       access method ({@code btree} unless the spec says otherwise)
 * @param concurrently {@code CREATE INDEX CONCURRENTLY} (the default): writes keep flowing while it builds
 */
public record IndexSpec(String name, boolean unique, String method, boolean concurrently) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_IDENTIFIER_BYTES = 63;

    /** @return the index spec, or null when {@code json} is null or JSON {@code null}/{@code false} */
    public static IndexSpec fromJson(String json, String table, String column) {
        if (json == null) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException("index_spec is not valid JSON: " + e.getMessage(), e);
        }
        if (node == null || node.isNull() || (node.isBoolean() && !node.asBoolean())) {
            return null;
        }
        String name = node.hasNonNull("name") ? node.get("name").asText() : defaultName(table, column);
        boolean unique = node.path("unique").asBoolean(false);
        String method = node.hasNonNull("method") ? node.get("method").asText() : "btree";
        if (!method.matches("[a-z_]+")) {
            throw new IllegalArgumentException("index method must be a plain access method name, got '" + method + "'");
        }
        boolean concurrently = node.path("concurrently").asBoolean(true);
        return new IndexSpec(name, unique, method, concurrently);
    }

    static String defaultName(String table, String column) {
        String name = table + "_" + column + "_idx";
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_IDENTIFIER_BYTES) {
            return name;
        }
        // PostgreSQL truncates silently; doing it here keeps the name we look up equal to the name it stores
        String cut = new String(bytes, 0, MAX_IDENTIFIER_BYTES, StandardCharsets.UTF_8);
        return cut.endsWith("\uFFFD") ? cut.substring(0, cut.length() - 1) : cut;
    }
}
