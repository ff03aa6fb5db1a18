package io.colshift.state;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Keeps one database's colshift state current for every connection of this JVM, and publishes it as immutable
 * {@link StateSnapshot}s through one volatile field: {@link #current()} never blocks, locks or allocates.
 *
 * <p>It owns a dedicated connection, opened with the application's URL and credentials but never taken from
 * (nor counted against) the application's pool. On it, it {@code LISTEN}s on the control schema's channel and,
 * as a safety net for setups where notifications never arrive (a transaction-mode pooler), also polls the state
 * version every {@code pollMs}. When the connection is lost it keeps the last snapshot, so rewrites never stop
 * in the middle of a migration, and reconnects with exponential backoff and jitter. Every
 * {@link Heartbeats#INTERVAL}, and right after each new version, it records the version it runs in
 * {@code clients}.
 */
public final class StateWatcher implements SnapshotSource, StateWatcherMXBean, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StateWatcher.class);

    private static final long MIN_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 10_000;
    /** Longest single wait, so that {@link #close()} is noticed quickly. */
    private static final long MAX_WAIT_MS = 250;
    /** Columns of other tables change without a state change (their own migrations); re-read them this often. */
    private static final long CATALOG_REFRESH_MS = 30_000;
    private static final String UNDEFINED_TABLE = "42P01";
    private static final String UNDEFINED_SCHEMA = "3F000";

    private final String realUrl;
    private final Properties properties;
    private final ControlSchema schema;
    private final String database;
    private final long pollMs;
    private final boolean listen;
    private final SnapshotLoader loader;
    private final CountDownLatch firstAttempt = new CountDownLatch(1);
    private final List<Supplier<Map<String, Long>>> counterSources = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private final Runnable onClose;
    private final String clientId = newClientId();

    private volatile StateSnapshot snapshot = StateSnapshot.EMPTY;
    private volatile boolean closed;
    private volatile boolean connected;
    private volatile boolean listening;
    private volatile boolean schemaPresent;
    private volatile Instant lastRefresh;
    private volatile ClientHeartbeat heartbeat;

    private final AtomicLong reloads = new AtomicLong();
    private final AtomicLong notifications = new AtomicLong();
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong heartbeats = new AtomicLong();
    private final AtomicLong heartbeatFailures = new AtomicLong();

    // touched by the watcher thread only
    private boolean loadedOnce;
    private boolean missingSchemaWarned;
    private boolean outage;

    StateWatcher(String realUrl, Properties properties, ControlSchema schema, String database, long pollMs,
                 boolean listen, Runnable onClose) {
        this.realUrl = realUrl;
        this.properties = properties;
        this.schema = schema;
        this.database = database;
        this.pollMs = pollMs;
        this.listen = listen;
        this.onClose = onClose;
        this.loader = new SnapshotLoader(schema);
        this.thread = new Thread(this::run, "colshift-state-watcher " + database + " " + schema.name());
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    @Override
    public StateSnapshot current() {
        return snapshot;
    }

    /** Waits until the first attempt to load the state has ended (loaded, no schema, or no connection). */
    boolean awaitFirstLoad(long timeoutMs) throws InterruptedException {
        return firstAttempt.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** Adds counters (e.g. the driver's cache and rewrite counts) to {@link #stats()} and JMX. */
    public void addCounters(Supplier<Map<String, Long>> source) {
        counterSources.add(source);
    }

    public WatcherStats stats() {
        return new WatcherStats(database, schema.name(), getClientId(), snapshot.version(), lastRefresh, connected,
                listening, schemaPresent, getMigrations(), reloads.get(), notifications.get(), polls.get(),
                reconnects.get(), heartbeats.get(), heartbeatFailures.get(), getCounters());
    }

    /** Stops watching; connections keep the last snapshot. Marks this client gone in {@code clients}. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            thread.join(2 * MAX_WAIT_MS + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        onClose.run();
    }

    private void run() {
        long backoff = MIN_BACKOFF_MS;
        boolean first = true;
        while (!closed) {
            try (Connection c = openConnection()) {
                if (!first) {
                    reconnects.incrementAndGet();
                }
                connected = true;
                if (outage) {
                    outage = false;
                    LOG.info("colshift reconnected to {} (control schema {})", database, schema);
                }
                backoff = MIN_BACKOFF_MS;
                watch(c);
            } catch (SQLException | RuntimeException e) {
                connected = false;
                listening = false;
                firstAttempt.countDown();
                if (!closed && !outage) {
                    outage = true;
                    if (loadedOnce) {
                        LOG.warn("colshift lost its control connection to {} ({}); keeping state version {} until it"
                                + " reconnects", database, e.getMessage(), snapshot.version());
                    } else {
                        LOG.warn("colshift cannot read its control schema {} in {} ({}); statements pass unchanged"
                                + " until it can", schema, database, e.getMessage());
                    }
                }
            }
            first = false;
            connected = false;
            listening = false;
            if (!closed) {
                sleepQuietly(backoff / 2 + ThreadLocalRandom.current().nextLong(backoff / 2 + 1));
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        }
    }

    private void watch(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        if (listen) {
            // LISTEN before the first read: a change committed in between is then heard, not lost
            try (Statement st = c.createStatement()) {
                st.execute("LISTEN " + schema.channel());
            }
            listening = true;
        }
        refresh(c, true);
        firstAttempt.countDown();
        long now = System.nanoTime();
        long nextPoll = now + TimeUnit.MILLISECONDS.toNanos(pollMs);
        long nextBeat = now + Heartbeats.INTERVAL.toNanos();
        long nextCatalog = now + TimeUnit.MILLISECONDS.toNanos(CATALOG_REFRESH_MS);
        while (!closed) {
            now = System.nanoTime();
            if (now - nextCatalog >= 0) {
                nextCatalog = now + TimeUnit.MILLISECONDS.toNanos(CATALOG_REFRESH_MS);
                nextPoll = now + TimeUnit.MILLISECONDS.toNanos(pollMs);
                refresh(c, true);
            } else if (now - nextPoll >= 0) {
                nextPoll = now + TimeUnit.MILLISECONDS.toNanos(pollMs);
                polls.incrementAndGet();
                if (!schemaPresent || versionChanged(c)) {
                    refresh(c, false);
                }
            }
            if (now - nextBeat >= 0) {
                nextBeat = now + Heartbeats.INTERVAL.toNanos();
                beat(c);
            }
            long waitMs = Math.max(1, Math.min(MAX_WAIT_MS,
                    TimeUnit.NANOSECONDS.toMillis(Math.min(nextPoll, nextBeat) - System.nanoTime())));
            if (listening) {
                PGNotification[] received = pg.getNotifications((int) waitMs);
                if (received != null && received.length > 0) {
                    notifications.addAndGet(received.length);
                    refresh(c, false);
                }
            } else {
                sleepQuietly(waitMs);
            }
        }
        if (schemaPresent && heartbeat != null) {
            heartbeat.leave(c);
        }
    }

    /**
     * Reads the state and publishes it when it differs from the current snapshot.
     *
     * @param catalogToo also re-read table columns and search path, which a state change alone does not move
     */
    private void refresh(Connection c, boolean catalogToo) throws SQLException {
        if (!schemaPresent && !loader.schemaExists(c)) {
            schemaMissing();
            return;
        }
        StateSnapshot next;
        try {
            next = loader.load(c, catalogToo || !loadedOnce ? null : snapshot);
        } catch (SQLException e) {
            if (UNDEFINED_TABLE.equals(e.getSQLState()) || UNDEFINED_SCHEMA.equals(e.getSQLState())) {
                schemaMissing();
                return;
            }
            throw e;
        }
        missingSchemaWarned = false;
        schemaPresent = true;
        reloads.incrementAndGet();
        lastRefresh = Instant.now();
        loadedOnce = true;
        if (!next.equals(snapshot)) {
            boolean newVersion = next.version() != snapshot.version();
            for (String refused : next.refused()) {
                if (!snapshot.refused().contains(refused)) {
                    LOG.warn("colshift refuses stored migration {} in {} (control schema {}); statements pass unchanged"
                            + " for it: {}", refused.substring(0, Math.max(0, refused.indexOf(':'))), database, schema,
                            refused);
                }
            }
            snapshot = next;
            firstAttempt.countDown();
            LOG.info("colshift state version {} for {} (control schema {}): {}", next.version(), database, schema,
                    describe(next));
            if (newVersion) {
                beat(c); // acknowledge at once: rollback barriers wait for this
            }
        }
    }

    /** Whether the stored version differs from the published one; a vanished schema counts as a change. */
    private boolean versionChanged(Connection c) throws SQLException {
        try {
            return loader.version(c) != snapshot.version();
        } catch (SQLException e) {
            if (UNDEFINED_TABLE.equals(e.getSQLState()) || UNDEFINED_SCHEMA.equals(e.getSQLState())) {
                return true;
            }
            throw e;
        }
    }

    private void schemaMissing() {
        schemaPresent = false;
        if (!missingSchemaWarned) {
            missingSchemaWarned = true;
            if (loadedOnce) {
                LOG.warn("colshift control schema {} disappeared from {}; keeping state version {}", schema,
                        database, snapshot.version());
            } else {
                LOG.warn("colshift control schema {} not found in {}; statements pass unchanged (run"
                        + " `colshift init` to use colshift)", schema, database);
            }
        }
    }

    private void beat(Connection c) throws SQLException {
        if (!schemaPresent) {
            return;
        }
        if (heartbeat == null) {
            // resolved here, after the first snapshot is out: a slow host name lookup must not delay it
            heartbeat = new ClientHeartbeat(schema, clientId, hostName(), ProcessHandle.current().pid(),
                    properties.getProperty("ApplicationName"));
        }
        if (heartbeat.beat(c, snapshot.version())) {
            heartbeats.incrementAndGet();
        } else {
            heartbeatFailures.incrementAndGet();
        }
    }

    private Connection openConnection() throws SQLException {
        Properties props = new Properties();
        props.putAll(properties);
        // names the backend in pg_stat_activity, so operators can tell it from the application's connections
        props.setProperty("ApplicationName", applicationName(schema));
        // a half-open TCP connection must not leave the watcher waiting forever
        props.setProperty("socketTimeout", "30");
        props.setProperty("tcpKeepAlive", "true");
        Connection c = new org.postgresql.Driver().connect(realUrl, props);
        if (c == null) {
            throw new SQLException("not a PostgreSQL URL: " + database, "08001");
        }
        c.setAutoCommit(true);
        return c;
    }

    /** The {@code application_name} of every watcher's control connection for {@code schema}. */
    public static String applicationName(ControlSchema schema) {
        return "colshift watcher " + schema.name();
    }

    private static String describe(StateSnapshot s) {
        return s.migrations().isEmpty() ? "nothing to rewrite"
                : String.join(", ", s.migrations().stream().map(StateWatcher::describe).toList());
    }

    private static String describe(ColumnMigration m) {
        return m.id() + " " + m.qualifiedTable() + "." + m.column() + " " + m.phase().label()
                + " writes=" + (m.writesEnabled() ? "on" : "off");
    }

    private static String newClientId() {
        return ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return null;
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- StateWatcherMXBean ---

    @Override
    public String getDatabase() {
        return database;
    }

    @Override
    public String getControlSchema() {
        return schema.name();
    }

    @Override
    public String getClientId() {
        return clientId;
    }

    @Override
    public long getStateVersion() {
        return snapshot.version();
    }

    @Override
    public String getLastRefresh() {
        Instant at = lastRefresh;
        return at == null ? "" : at.toString();
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    @Override
    public boolean isListening() {
        return listening;
    }

    @Override
    public boolean isControlSchemaPresent() {
        return schemaPresent;
    }

    @Override
    public List<String> getMigrations() {
        StateSnapshot s = snapshot;
        List<String> lines = new ArrayList<>(s.migrations().stream().map(StateWatcher::describe).toList());
        s.refused().forEach(r -> lines.add("refused " + r));
        return List.copyOf(lines);
    }

    @Override
    public long getReloads() {
        return reloads.get();
    }

    @Override
    public long getNotifications() {
        return notifications.get();
    }

    @Override
    public long getPolls() {
        return polls.get();
    }

    @Override
    public long getReconnects() {
        return reconnects.get();
    }

    @Override
    public long getHeartbeats() {
        return heartbeats.get();
    }

    @Override
    public long getHeartbeatFailures() {
        return heartbeatFailures.get();
    }

    @Override
    public Map<String, Long> getCounters() {
        Map<String, Long> all = new TreeMap<>();
        all.put("refusedMigrations", (long) snapshot.refused().size());
        for (Supplier<Map<String, Long>> source : counterSources) {
            try {
                all.putAll(source.get());
            } catch (RuntimeException e) {
                LOG.debug("colshift counter source failed", e);
            }
        }
        return all;
    }
}
