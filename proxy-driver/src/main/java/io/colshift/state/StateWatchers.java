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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The JVM-wide registry of {@link StateWatcher}s: one per {@link ServerKey} (server, database, control schema),
 * shared by every connection and every pool that reaches that server, whatever its URL and parameters. This is the
 * one process-wide mutable structure besides the JDBC driver registry, and for the same reason: a second holder
 * would mean a second control connection and snapshots that could disagree.
 *
 * <p>The first caller's settings (credentials, poll interval, lease, {@code colshift.watch}, {@code colshift.listen},
 * {@code colshift.watchUrl}) are the holder's; later callers share it as it is. Setting {@code colshift.listen=false}
 * makes the watcher rely on polling alone; {@code colshift.watch=false} opens no connection of colshift's own.
 */
public final class StateWatchers {

    private static final Logger LOG = LoggerFactory.getLogger(StateWatchers.class);

    /** How long {@link #watch} waits for the first state, so its caller does not start with none. */
    static final long FIRST_LOAD_WAIT_MS = 5_000;

    private static final ConcurrentMap<ServerKey, StateWatcher> WATCHERS = new ConcurrentHashMap<>();
    /** Monitoring code told of every new holder (metrics per server); called when a connection first reaches a server. */
    private static final List<Consumer<StateWatcher>> LISTENERS = new CopyOnWriteArrayList<>();

    private StateWatchers() {
    }

    /**
     * The state holder of one server, starting its watcher (unless {@code settings.watch()} is false) on first use.
     * Does not wait: a statement finding the state never read reads it over its own connection.
     */
    public static StateWatcher forServer(ServerKey key, WatchSettings settings) {
        StateWatcher existing = WATCHERS.get(key);
        if (existing != null) {
            return existing;
        }
        boolean[] created = new boolean[1];
        StateWatcher watcher = WATCHERS.computeIfAbsent(key, k -> {
            created[0] = true;
            return start(k, settings);
        });
        if (created[0]) {
            tell(watcher);
        }
        return watcher;
    }

    /**
     * Calls {@code listener} for every holder there is and for every one started later, for monitoring code that
     * registers something per server (Micrometer meters). A holder may be told twice when it starts while this
     * runs. Closing the result stops the calls.
     */
    public static AutoCloseable onEachWatcher(Consumer<StateWatcher> listener) {
        LISTENERS.add(listener);
        WATCHERS.values().forEach(w -> tell(listener, w));
        return () -> LISTENERS.remove(listener);
    }

    private static void tell(StateWatcher watcher) {
        LISTENERS.forEach(l -> tell(l, watcher));
    }

    private static void tell(Consumer<StateWatcher> listener, StateWatcher watcher) {
        try {
            listener.accept(watcher);
        } catch (RuntimeException e) {
            LOG.debug("colshift watcher listener failed", e); // monitoring never stops a connection
        }
    }

    /**
     * The state holder for connections to {@code realUrl}'s first host, starting its watcher on first use, and
     * waiting (at most a few seconds, once) until the watcher loaded the first state. For code that follows a
     * server by URL, outside any application connection (tests, benchmarks, the demo).
     *
     * @param realUrl              the {@code jdbc:postgresql:} URL
     * @param realDriverProperties the properties given to the real driver (credentials included, and optionally
     *                             {@code colshift.listen}, {@code colshift.watch}, {@code colshift.maxStaleness},
     *                             {@code colshift.watchUrl}); copied
     * @param controlSchema        control schema name, {@code colshift} by default
     * @param pollMs               poll interval
     * @throws IllegalArgumentException when the URL is not a PostgreSQL URL, the schema name is not a plain
     *                                  identifier or {@code pollMs} is not positive
     */
    public static SnapshotSource watch(String realUrl, Properties realDriverProperties, String controlSchema, long pollMs) {
        ControlSchema schema = ControlSchema.named(controlSchema);
        Properties props = realDriverProperties == null ? new Properties() : realDriverProperties;
        WatchSettings settings = WatchSettings.fromProperties(realUrl, props, pollMs);
        StateWatcher watcher = forServer(ServerKey.ofUrl(realUrl, props, schema), settings);
        try {
            watcher.awaitFirstLoad(FIRST_LOAD_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return watcher;
    }

    /** Every state holder, for monitoring code; JMX shows the same under {@code io.colshift:type=StateWatcher}. */
    public static List<StateWatcher> watchers() {
        return List.copyOf(WATCHERS.values());
    }

    /** The state holder for the first host of a URL and a control schema, if there is one. */
    public static Optional<StateWatcher> find(String realUrl, Properties realDriverProperties, String controlSchema) {
        return find(ServerKey.ofUrl(realUrl, realDriverProperties, ControlSchema.named(controlSchema)));
    }

    public static Optional<StateWatcher> find(ServerKey key) {
        return Optional.ofNullable(WATCHERS.get(key));
    }

    /** Stops every watcher (connections keep their last snapshot); for orderly shutdown of an application. */
    public static void closeAll() {
        WATCHERS.values().forEach(StateWatcher::close);
    }

    /** This JVM's holders of standbys with the same database and control schema as {@code primary}. */
    static List<StateWatcher> standbysLike(ServerKey primary) {
        return WATCHERS.values().stream()
                .filter(w -> !w.key().equals(primary) && w.key().database().equals(primary.database())
                        && w.key().controlSchema().equals(primary.controlSchema()) && w.isInRecovery()
                        && w.leased().loaded())
                .toList();
    }

    private static StateWatcher start(ServerKey key, WatchSettings settings) {
        ObjectName name = objectName(key);
        StateWatcher[] self = new StateWatcher[1];
        StateWatcher watcher = new StateWatcher(key, settings, () -> {
            WATCHERS.remove(key, self[0]);
            unregister(name);
        });
        self[0] = watcher;
        register(watcher, name);
        watcher.start();
        return watcher;
    }

    private static ObjectName objectName(ServerKey key) {
        try {
            return new ObjectName("io.colshift:type=StateWatcher,database=" + ObjectName.quote(key.serverAndDatabase())
                    + ",schema=" + key.controlSchema());
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
