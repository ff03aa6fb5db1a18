package io.colshift.state;

import java.util.Properties;

/**
 * How one server's state is followed. The first connection to a server decides them for the whole JVM.
 *
 * @param realUrl        the application's {@code jdbc:postgresql:} URL: the watcher keeps its connection
 *                       properties (credentials, TLS, timeouts), not its host list
 * @param properties     the properties given to the real driver (credentials included); copied
 * @param pollMs         how often the watcher asks whether the state version moved
 * @param maxStalenessMs the longest time a statement may run under a snapshot without it being re-read or
 *                       confirmed; 0 for the default, twice {@code pollMs}
 * @param listen         whether the watcher may use {@code LISTEN/NOTIFY} (never on a standby, never behind a
 *                       transaction pooler)
 * @param watch          whether colshift may open a connection of its own at all; without, the state is read on
 *                       the application's connections only
 * @param watchUrl       a direct URL for the watcher's connection instead of the server's own (to bypass a
 *                       pooler), or null
 */
public record WatchSettings(String realUrl, Properties properties, long pollMs, long maxStalenessMs, boolean listen,
                            boolean watch, String watchUrl) {

    /** The lease when the control schema does not say ({@code state.lease_ms} is missing before version 2). */
    public static final long DEFAULT_LEASE_MS = 2000;

    public WatchSettings {
        if (pollMs <= 0) {
            throw new IllegalArgumentException("colshift.pollMs must be positive, got " + pollMs);
        }
        if (maxStalenessMs < 0) {
            throw new IllegalArgumentException("colshift.maxStaleness must not be negative, got " + maxStalenessMs);
        }
        Properties copy = new Properties();
        if (properties != null) {
            for (String key : properties.stringPropertyNames()) {
                copy.setProperty(key, properties.getProperty(key));
            }
        }
        properties = copy;
    }

    /**
     * The settings the {@code colshift.*} entries of {@code props} ask for ({@code colshift.listen},
     * {@code colshift.watch}, {@code colshift.maxStaleness}, {@code colshift.watchUrl}); for code that starts a
     * watcher by URL.
     */
    public static WatchSettings fromProperties(String realUrl, Properties props, long pollMs) {
        Properties p = props == null ? new Properties() : props;
        return new WatchSettings(realUrl, p, pollMs, Long.parseLong(p.getProperty("colshift.maxStaleness", "0")),
                !"false".equalsIgnoreCase(p.getProperty("colshift.listen")),
                !"false".equalsIgnoreCase(p.getProperty("colshift.watch")), p.getProperty("colshift.watchUrl"));
    }

    /**
     * The lease statements run under: {@code maxStaleness} (twice the poll interval unless set), capped by the
     * control schema's {@code lease_ms}, and without a watcher also by the poll interval, so that application
     * connections read the state at most once per poll interval and at least once per lease.
     *
     * @param schemaLeaseMs {@code state.lease_ms}, or 0 when unknown
     */
    public long leaseMs(long schemaLeaseMs) {
        long lease = maxStalenessMs > 0 ? maxStalenessMs : 2 * pollMs;
        if (!watch) {
            lease = Math.min(lease, pollMs);
        }
        return Math.max(1, Math.min(lease, schemaLeaseMs > 0 ? schemaLeaseMs : DEFAULT_LEASE_MS));
    }
}
