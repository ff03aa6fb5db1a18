package io.colshift.state;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The JVM-wide registry of {@link StateWatcher}s: one per (database, control schema), shared by every connection
 * and every pool that reaches that database, whatever its URL parameters. This is the one process-wide mutable
 * structure besides the JDBC driver registry, and for the same reason: a second watcher would mean a second
 * control connection and snapshots that could disagree.
 *
 * <p>The first caller's credentials and poll interval are the watcher's; later callers share it as it is.
 * Setting the connection property {@code colshift.listen=false} makes the watcher rely on polling alone.
 */
public final class StateWatchers {

    private static final Logger LOG = LoggerFactory.getLogger(StateWatchers.class);

    /** How long the first connection to a database waits for its state, so it does not start un-rewritten. */
    static final long FIRST_LOAD_WAIT_MS = 5_000;

    private static final ConcurrentMap<String, StateWatcher> WATCHERS = new ConcurrentHashMap<>();

    private StateWatchers() {
    }

    /**
     * The state source for connections to {@code realUrl}, starting its watcher on first use. Waits (at most
     * a few seconds, once) until the first state is loaded, so the first statements are already rewritten.
     *
     * @param realUrl              the {@code jdbc:postgresql:} URL the application connects to
     * @param realDriverProperties the properties given to the real driver (credentials included); copied
     * @param controlSchema        control schema name, {@code colshift} by default
     * @param pollMs               poll interval, for when notifications cannot be used
     * @throws IllegalArgumentException when the URL is not a PostgreSQL URL, the schema name is not a plain
     *                                  identifier or {@code pollMs} is not positive
     */
    public static SnapshotSource watch(String realUrl, Properties realDriverProperties, String controlSchema, long pollMs) {
        ControlSchema schema = ControlSchema.named(controlSchema);
        Properties props = realDriverProperties == null ? new Properties() : realDriverProperties;
        if (pollMs <= 0) {
            throw new IllegalArgumentException("colshift.pollMs must be positive, got " + pollMs);
        }
        String database = databaseOf(realUrl, props);
        String key = database + "/" + schema.name();
        StateWatcher watcher = WATCHERS.computeIfAbsent(key, k -> start(realUrl, props, schema, database, pollMs, k));
        try {
            watcher.awaitFirstLoad(FIRST_LOAD_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return watcher;
    }

    /** Every running watcher, for monitoring code; JMX shows the same under {@code io.colshift:type=StateWatcher}. */
    public static List<StateWatcher> watchers() {
        return List.copyOf(WATCHERS.values());
    }

    /** The watcher for a database and control schema, if one runs. */
    public static Optional<StateWatcher> find(String realUrl, Properties realDriverProperties, String controlSchema) {
        return Optional.ofNullable(WATCHERS.get(databaseOf(realUrl, realDriverProperties) + "/"
                + ControlSchema.named(controlSchema).name()));
    }

    /** Stops every watcher (connections keep their last snapshot); for orderly shutdown of an application. */
    public static void closeAll() {
        WATCHERS.values().forEach(StateWatcher::close);
    }

    private static StateWatcher start(String realUrl, Properties props, ControlSchema schema, String database,
                                      long pollMs, String key) {
        Properties copy = new Properties();
        copy.putAll(props);
        boolean listen = !"false".equalsIgnoreCase(copy.getProperty("colshift.listen"));
        ObjectName name = objectName(database, schema);
        StateWatcher[] self = new StateWatcher[1];
        StateWatcher watcher = new StateWatcher(realUrl, copy, schema, database, pollMs, listen, () -> {
            WATCHERS.remove(key, self[0]);
            unregister(name);
        });
        self[0] = watcher;
        register(watcher, name);
        watcher.start();
        return watcher;
    }

    /** {@code host:port/database}, without credentials or parameters: names the watcher in logs and JMX. */
    static String databaseOf(String realUrl, Properties props) {
        Properties parsed = org.postgresql.Driver.parseURL(realUrl, props);
        if (parsed == null) {
            throw new IllegalArgumentException("not a jdbc:postgresql: URL");
        }
        return parsed.getProperty("PGHOST") + ":" + parsed.getProperty("PGPORT") + "/" + parsed.getProperty("PGDBNAME");
    }

    private static ObjectName objectName(String database, ControlSchema schema) {
        try {
            return new ObjectName("io.colshift:type=StateWatcher,database=" + ObjectName.quote(database)
                    + ",schema=" + schema.name());
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void register(StateWatcher watcher, ObjectName name) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            if (!server.isRegistered(name)) {
                server.registerMBean(watcher, name);
            }
        } catch (JMException | RuntimeException e) {
            LOG.debug("colshift could not register {} in JMX", name, e);
        }
    }

    private static void unregister(ObjectName name) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
        } catch (JMException | RuntimeException e) {
            LOG.debug("colshift could not unregister {} from JMX", name, e);
        }
    }
}
