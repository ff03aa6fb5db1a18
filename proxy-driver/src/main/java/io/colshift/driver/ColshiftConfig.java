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
 * @param cacheSize     how many rewritten statements are cached per server
 * @param listen        {@code false} makes the state watcher rely on polling alone (for poolers in transaction
 *                      mode, where {@code LISTEN} does not work)
 * @param maxStalenessMs the longest a statement may run under a state snapshot that was not re-read or confirmed
 *                      (ms); 0 means twice {@code pollMs}. The control schema's {@code state.lease_ms} caps it.
 * @param watch         {@code false}: colshift opens no connection of its own; the state is read on the
 *                      application's connections, at most once per poll interval per server
 * @param watchUrl      a direct {@code jdbc:postgresql:} URL for the watcher instead of the application's (e.g. past
 *                      a pooler), or null
 * @param pooler        what sits between the driver and PostgreSQL ({@link Pooler}); decides how colshift keeps
 *                      server-prepared statements from running stale plans
 */
public record ColshiftConfig(boolean enabled, String controlSchema, long pollMs, int cacheSize, boolean listen,
                             long maxStalenessMs, boolean watch, String watchUrl, Pooler pooler) {

    public static final String PREFIX = "colshift.";
    public static final String ENABLED = PREFIX + "enabled";
    public static final String CONTROL_SCHEMA = PREFIX + "controlSchema";
    public static final String POLL_MS = PREFIX + "pollMs";
    public static final String CACHE_SIZE = PREFIX + "cacheSize";
    public static final String LISTEN = PREFIX + "listen";
    public static final String MAX_STALENESS = PREFIX + "maxStaleness";
    public static final String WATCH = PREFIX + "watch";
    public static final String WATCH_URL = PREFIX + "watchUrl";
    public static final String POOLER = PREFIX + "pooler";

    public static final long DEFAULT_POLL_MS = 1000;
    public static final int DEFAULT_CACHE_SIZE = 10_000;

    public static final ColshiftConfig DEFAULTS =
            new ColshiftConfig(true, ControlSchema.DEFAULT_NAME, DEFAULT_POLL_MS, DEFAULT_CACHE_SIZE, true, 0, true, null,
                    Pooler.AUTO);

    private static final String VALID_KEYS = String.join(", ", ENABLED, CONTROL_SCHEMA, POLL_MS, CACHE_SIZE, LISTEN,
            MAX_STALENESS, WATCH, WATCH_URL, POOLER);
    private static final String POSTGRESQL = "jdbc:postgresql:";

    public ColshiftConfig {
        ControlSchema.named(controlSchema);
        if (pollMs < 1) {
            throw new IllegalArgumentException("pollMs must be positive");
        }
        if (cacheSize < 1) {
            throw new IllegalArgumentException("cacheSize must be positive");
        }
        if (maxStalenessMs < 0) {
            throw new IllegalArgumentException("maxStalenessMs must not be negative");
        }
        if (watchUrl != null && !watchUrl.startsWith(POSTGRESQL)) {
            throw new IllegalArgumentException("watchUrl must be a " + POSTGRESQL + " URL");
        }
        if (pooler == null) {
            throw new IllegalArgumentException("pooler must be given");
        }
    }

    /** The same configuration with another poll interval. */
    public ColshiftConfig withPollMs(long pollMs) {
        return new ColshiftConfig(enabled, controlSchema, pollMs, cacheSize, listen, maxStalenessMs, watch, watchUrl,
                pooler);
    }

    /** The lease asked for: {@code maxStaleness}, or twice the poll interval when not set. */
    public long effectiveMaxStalenessMs() {
        return maxStalenessMs > 0 ? maxStalenessMs : 2 * pollMs;
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
        long maxStalenessMs = DEFAULTS.maxStalenessMs;
        boolean watch = DEFAULTS.watch;
        String watchUrl = DEFAULTS.watchUrl;
        Pooler pooler = DEFAULTS.pooler;
        for (Map.Entry<String, String> e : properties.entrySet()) {
            String key = e.getKey();
            String value = e.getValue() == null ? "" : e.getValue().strip();
            switch (key) {
                case ENABLED -> enabled = parseBoolean(key, value);
                case CONTROL_SCHEMA -> controlSchema = parseSchema(key, value);
                case POLL_MS -> pollMs = parsePositive(key, value, Long.MAX_VALUE);
                case CACHE_SIZE -> cacheSize = (int) parsePositive(key, value, Integer.MAX_VALUE);
                case LISTEN -> listen = parseBoolean(key, value);
                case MAX_STALENESS -> maxStalenessMs = parsePositive(key, value, Long.MAX_VALUE / 2_000_000);
                case WATCH -> watch = parseBoolean(key, value);
                case WATCH_URL -> watchUrl = parseWatchUrl(key, value);
                case POOLER -> pooler = parsePooler(key, value);
                default -> throw invalid("unknown colshift property '" + key + "'; valid properties are " + VALID_KEYS);
            }
        }
        return new ColshiftConfig(enabled, controlSchema, pollMs, cacheSize, listen, maxStalenessMs, watch, watchUrl,
                pooler);
    }

    private static String parseWatchUrl(String key, String value) throws SQLException {
        String url = value.startsWith(ConnectTarget.URL_PREFIX)
                ? "jdbc:" + value.substring(ConnectTarget.URL_PREFIX.length()) : value;
        if (!url.startsWith(POSTGRESQL)) {
            throw invalid(key + " must be a " + POSTGRESQL + " URL, got '" + ConnectTarget.redact(value) + "'");
        }
        return url;
    }

    private static Pooler parsePooler(String key, String value) throws SQLException {
        Pooler pooler = Pooler.named(value);
        if (pooler == null) {
            throw invalid(key + " must be one of " + Pooler.names() + ", got '" + value + "'");
        }
        return pooler;
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
