package io.colshift.driver;

import io.colshift.state.ControlSchema;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code colshift.*} connection properties, parsed and checked once per connect.
 *
 * @param enabled       {@code false} turns colshift into a pure pass-through (no state watcher, nothing rewritten)
 * @param controlSchema schema holding the shared migration state
 * @param pollMs        how often the state is polled when {@code LISTEN/NOTIFY} is not heard
 * @param cacheSize     how many rewritten statements are cached per database
 * @param listen        {@code false} makes the state watcher rely on polling alone (for poolers in transaction
 *                      mode, where {@code LISTEN} does not work)
 * @param unrewritable  what happens to a statement that touches a migrating column but could not be rewritten
 *                      ({@code colshift.unrewritable}, {@code colshift.strict})
 */
public record ColshiftConfig(boolean enabled, String controlSchema, long pollMs, int cacheSize, boolean listen,
                             UnrewritablePolicy unrewritable) {

    public static final String PREFIX = "colshift.";
    public static final String ENABLED = PREFIX + "enabled";
    public static final String CONTROL_SCHEMA = PREFIX + "controlSchema";
    public static final String POLL_MS = PREFIX + "pollMs";
    public static final String CACHE_SIZE = PREFIX + "cacheSize";
    public static final String LISTEN = PREFIX + "listen";
    /** {@code fail} (default) or {@code pass}: see {@link UnrewritablePolicy}. */
    public static final String UNREWRITABLE = PREFIX + "unrewritable";
    /** {@code true} fails every statement colshift could not rewrite, in every phase. */
    public static final String STRICT = PREFIX + "strict";

    public static final long DEFAULT_POLL_MS = 1000;
    public static final int DEFAULT_CACHE_SIZE = 10_000;

    public static final ColshiftConfig DEFAULTS =
            new ColshiftConfig(true, ControlSchema.DEFAULT_NAME, DEFAULT_POLL_MS, DEFAULT_CACHE_SIZE, true,
                    UnrewritablePolicy.DEFAULT);

    private static final String VALID_KEYS = String.join(", ", ENABLED, CONTROL_SCHEMA, POLL_MS, CACHE_SIZE, LISTEN,
            UNREWRITABLE, STRICT);

    public ColshiftConfig {
        ControlSchema.named(controlSchema);
        if (pollMs < 1) {
            throw new IllegalArgumentException("pollMs must be positive");
        }
        if (cacheSize < 1) {
            throw new IllegalArgumentException("cacheSize must be positive");
        }
        java.util.Objects.requireNonNull(unrewritable, "unrewritable");
    }

    /** True for a property key colshift owns; such keys never reach the real driver. */
    public static boolean isColshiftKey(String key) {
        return key.startsWith(PREFIX);
    }

    /**
     * Builds the configuration from {@code colshift.*} properties.
     *
     * @throws SQLException naming the offending key and value, and listing the valid keys for an unknown one
     */
    public static ColshiftConfig from(Map<String, String> properties) throws SQLException {
        boolean enabled = DEFAULTS.enabled;
        String controlSchema = DEFAULTS.controlSchema;
        long pollMs = DEFAULTS.pollMs;
        int cacheSize = DEFAULTS.cacheSize;
        boolean listen = DEFAULTS.listen;
        boolean strict = DEFAULTS.unrewritable.strict();
        boolean pass = DEFAULTS.unrewritable.pass();
        for (Map.Entry<String, String> e : properties.entrySet()) {
            String key = e.getKey();
            String value = e.getValue() == null ? "" : e.getValue().strip();
            switch (key) {
                case ENABLED -> enabled = parseBoolean(key, value);
                case CONTROL_SCHEMA -> controlSchema = parseSchema(key, value);
                case POLL_MS -> pollMs = parsePositive(key, value, Long.MAX_VALUE);
                case CACHE_SIZE -> cacheSize = (int) parsePositive(key, value, Integer.MAX_VALUE);
                case LISTEN -> listen = parseBoolean(key, value);
                case STRICT -> strict = parseBoolean(key, value);
                case UNREWRITABLE -> pass = parseUnrewritable(key, value);
                default -> throw invalid("unknown colshift property '" + key + "'; valid properties are " + VALID_KEYS);
            }
        }
        return new ColshiftConfig(enabled, controlSchema, pollMs, cacheSize, listen,
                new UnrewritablePolicy(strict, pass));
    }

    private static boolean parseUnrewritable(String key, String value) throws SQLException {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "fail" -> false;
            case "pass" -> true;
            default -> throw invalid(key + " must be fail or pass, got '" + value + "'");
        };
    }

    private static boolean parseBoolean(String key, String value) throws SQLException {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(key + " must be true or false, got '" + value + "'");
        };
    }

    private static String parseSchema(String key, String value) throws SQLException {
        try {
            return ControlSchema.named(value).name();
        } catch (IllegalArgumentException e) {
            throw invalid(key + ": " + e.getMessage());
        }
    }

    private static long parsePositive(String key, String value, long max) throws SQLException {
        try {
            long n = Long.parseLong(value);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the key and the value
        }
        throw invalid(key + " must be a whole number between 1 and " + max + ", got '" + value + "'");
    }

    private static SQLException invalid(String message) {
        return new SQLNonTransientConnectionException(message, "08001");
    }
}
