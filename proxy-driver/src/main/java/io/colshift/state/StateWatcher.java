package io.colshift.state;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The colshift state of one server ({@link ServerKey}: the host and port a connection reached, its database and
 * control schema) for every connection of this JVM that reached it, published as immutable snapshots with a
 * <b>staleness lease</b>.
 *
 * <p>Each snapshot carries the {@link System#nanoTime()} taken before the query that read or confirmed it was
 * sent; it is valid for {@code lease = min(colshift.maxStaleness, state.lease_ms)} from then on. Before a statement
 * executes, {@link #currentFor(Connection)} checks the lease — one volatile read and one comparison, nothing
 * allocated — and, once it has run out, refreshes the state over that statement's own connection first
 * ({@link InlineRefresh}). So no statement runs under a snapshot older than the lease, whatever happens to
 * colshift's own connection, and a server whose state was never read is read by its first statement.
 *
 * <p>The state is kept fresh by a watcher ({@link WatchLoop}): one connection of colshift's own to exactly this
 * server, outside the application's pool. On a primary it {@code LISTEN}s and renews the lease by a version query
 * at least every half lease; on a standby (which cannot {@code LISTEN}) it only polls. With
 * {@code colshift.watch=false} there is no such connection at all: every lease runs out and is renewed by one
 * version query on an application connection, at most once per poll interval per server, and only while
 * statements run. A watcher per instance per server costs one connection each — 1,000 instances on a server with
 * a standby hold 2,000 connections — while without watchers they cost none, and about 1,000 cheap version queries
 * per poll interval per server, spread over the connections the instances already have: the mode for large fleets.
 *
 * <p>Heartbeats ({@code clients} rows) are for {@code colshift status} only. The watcher of a primary writes its
 * own (one row per application name of the holder's connections, {@link HeartbeatReport}), and those of each
 * standby holder of this JVM with the same database and control schema (a standby cannot
 * be written to); a JVM that follows only standbys, or runs without watchers, writes none.
 */
public final class StateWatcher implements SnapshotSource, StateWatcherMXBean, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StateWatcher.class);

    private final ServerKey key;
    private final ControlSchema schema;
    private final WatchSettings settings;
    /** The {@code ApplicationName} of the connection that started this holder, parsed from its settings once. */
    private final String applicationName;
    private final String clientId = newClientId();
    private final SnapshotLoader loader;
    private final InlineRefresh inline;
    private final WatchLoop loop;
    private final Runnable onClose;
    private final List<Supplier<Map<String, Long>>> counterSources = new CopyOnWriteArrayList<>();

    /** The driver's adoption counters per application for the heartbeat ({@code clients} rows). */
    private volatile Supplier<List<HeartbeatReport>> heartbeatReport = this::ownRowOnly;
    private volatile LeasedSnapshot published = LeasedSnapshot.initial(System.nanoTime());
    private volatile boolean schemaPresent;
    private volatile Instant lastRefresh;
    private volatile long catalogReadAt;
    private volatile boolean closed;
    private final AtomicLong reloads = new AtomicLong();
    /** Guarded by this. */
    private boolean missingSchemaWarned;

    StateWatcher(ServerKey key, WatchSettings settings, Runnable onClose) {
        this.key = key;
        this.schema = key.schema();
        this.settings = settings;
        this.applicationName = ApplicationName.of(settings.realUrl(), settings.properties());
        this.onClose = onClose;
        this.loader = new SnapshotLoader(schema);
        this.inline = new InlineRefresh(this, loader);
        this.loop = settings.watch() ? new WatchLoop(this, loader) : null;
    }

    void start() {
        if (loop != null) {
            loop.start();
        }
    }

    /** The last published snapshot, whatever its lease: for monitoring, never for running a statement. */
    @Override
    public StateSnapshot current() {
        return published.snapshot();
    }

    /**
     * The snapshot a statement about to run on {@code connection} must follow: the published one while its lease
     * holds, otherwise one refreshed over {@code connection} first. Never throws: when the refresh fails the last
     * snapshot is returned and counted as stale.
     */
    @Override
    public StateSnapshot currentFor(Connection connection) {
        LeasedSnapshot leased = published;
        if (leased.validAt(System.nanoTime())) {
            return leased.snapshot();
        }
        return inline.refresh(connection);
    }

    public ServerKey key() {
        return key;
    }

    WatchSettings settings() {
        return settings;
    }

    LeasedSnapshot leased() {
        return published;
    }

    boolean schemaPresent() {
        return schemaPresent;
    }

    long catalogReadAt() {
        return catalogReadAt;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Waits until the watcher's first attempt to load the state ended; at once without a watcher. */
    boolean awaitFirstLoad(long timeoutMs) throws InterruptedException {
        return loop == null || loop.awaitFirstAttempt(timeoutMs);
    }

    /**
     * Publishes a snapshot read by a query sent at {@code readAt}, unless a later read is already published.
     * An unchanged snapshot keeps its identity (connections compare snapshots by reference).
     *
     * @param catalogRead whether its catalog part was read afresh (rather than carried over)
     * @return whether the published state version moved
     */
    synchronized boolean publish(StateSnapshot next, long readAt, long schemaLeaseMs, StateOrigin origin,
                                 boolean catalogRead) {
        LeasedSnapshot before = published;
        schemaPresent = true;
        missingSchemaWarned = false;
        reloads.incrementAndGet();
        if (before.loaded() && readAt - before.readAt() < 0) {
            return false; // a slower reader's older answer
        }
        StateSnapshot snapshot = before.loaded() && next.equals(before.snapshot()) ? before.snapshot() : next;
        lease(snapshot, readAt, schemaLeaseMs, origin);
        if (catalogRead) {
            catalogReadAt = readAt;
        }
        if (snapshot == before.snapshot()) {
            return false;
        }
        for (String refused : snapshot.refused()) {
            if (!before.snapshot().refused().contains(refused)) {
                LOG.warn("colshift refuses stored migration {} of {}; statements pass unchanged for it: {}",
                        refused.substring(0, Math.max(0, refused.indexOf(':'))), key, refused);
            }
        }
        LOG.info("colshift state version {} for {} ({}): {}", snapshot.version(), key, origin.label(),
                describe(snapshot));
        return snapshot.version() != before.snapshot().version();
    }

    /**
     * Renews the lease of the published snapshot when {@code version} is still its version.
     *
     * @return false when the version moved (or nothing was loaded yet): the caller loads the snapshot
     */
    synchronized boolean renew(long version, long readAt, long schemaLeaseMs, StateOrigin origin) {
        LeasedSnapshot before = published;
        if (!before.loaded() || before.snapshot().version() != version) {
            return false;
        }
        schemaPresent = true;
        missingSchemaWarned = false;
        if (readAt - before.readAt() > 0) {
            lease(before.snapshot(), readAt, schemaLeaseMs, origin);
        }
        return true;
    }

    /**
     * The control schema is not there (not yet created, or dropped): statements keep the last snapshot — nothing
     * to rewrite if there never was one, and no rewrites dropped in the middle of a migration otherwise.
     */
    synchronized void schemaMissing(long readAt, StateOrigin origin) {
        LeasedSnapshot before = published;
        schemaPresent = false;
        if (!before.loaded() || readAt - before.readAt() > 0) {
            lease(before.snapshot(), readAt, 0, origin);
        }
        if (!missingSchemaWarned) {
            missingSchemaWarned = true;
            if (before.loaded() && before.snapshot().version() > 0) {
                LOG.warn("colshift control schema {} disappeared from {}; keeping state version {}", schema,
                        key.serverAndDatabase(), before.snapshot().version());
            } else {
                LOG.warn("colshift control schema {} not found in {}; statements pass unchanged (run"
                        + " `colshift init` to use colshift)", schema, key.serverAndDatabase());
            }
        }
    }

    private void lease(StateSnapshot snapshot, long readAt, long schemaLeaseMs, StateOrigin origin) {
        long leaseMs = settings.leaseMs(schemaLeaseMs);
        published = new LeasedSnapshot(snapshot, readAt, readAt + TimeUnit.MILLISECONDS.toNanos(leaseMs), leaseMs,
                origin, true);
        lastRefresh = Instant.now();
    }

    /** Adds counters (e.g. the driver's cache and rewrite counts) to {@link #stats()} and JMX. */
    public void addCounters(Supplier<Map<String, Long>> source) {
        counterSources.add(source);
    }

    /**
     * What every heartbeat about this holder reports: one {@code clients} row per application, the holder's own
     * application first ({@link HeartbeatReport}). Called once per heartbeat, by the heartbeat's thread (the report
     * may close an interval).
     */
    public void setHeartbeatReport(Supplier<List<HeartbeatReport>> report) {
        heartbeatReport = report;
    }

    /**
     * The rows for the heartbeat about to be sent, never empty: the holder's own row (without counters when there
     * is no report or it could not be made) first.
     */
    List<HeartbeatReport> heartbeatReport() {
        try {
            List<HeartbeatReport> report = heartbeatReport.get();
            return report == null || report.isEmpty() ? ownRowOnly() : report;
        } catch (RuntimeException e) {
            return ownRowOnly(); // visibility only: a failing report must not cost the heartbeat
        }
    }

    private List<HeartbeatReport> ownRowOnly() {
        return List.of(new HeartbeatReport(applicationNameOfTheApplication(), null));
    }

    /**
     * The {@code ApplicationName} of the connection that started this holder (its settings'): the name on the
     * holder's own {@code clients} row.
     */
    public String applicationNameOfTheApplication() {
        return applicationName;
    }

    public WatcherStats stats() {
        LeasedSnapshot leased = published;
        return new WatcherStats(key.serverAndDatabase(), schema.name(), clientId, leased.snapshot().version(),
                lastRefresh, isConnected(), isListening(), schemaPresent, getMigrations(), reloads.get(),
                getNotifications(), getPolls(), getReconnects(), getHeartbeats(), getHeartbeatFailures(),
                getCounters(), key.server(), isInRecovery(), loop != null, leased.leaseMs(), leased.origin().label(),
                inline.refreshes(), inline.failures(), inline.staleStatements(), isPoolerDetected());
    }

    /**
     * Stops the watcher and marks this client gone in {@code clients}. Connections that follow this server keep
     * the last snapshot and go on renewing it over their own connections.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (loop != null) {
            loop.close();
        }
        onClose.run();
    }

    /** The {@code application_name} of every watcher's control connection for {@code schema}. */
    public static String applicationName(ControlSchema schema) {
        return "colshift watcher " + schema.name();
    }

    static String describe(StateSnapshot s) {
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

    // --- StateWatcherMXBean ---

    @Override
    public String getDatabase() {
        return key.serverAndDatabase();
    }

    @Override
    public String getServer() {
        return key.server();
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
        return published.snapshot().version();
    }

    @Override
    public String getLastRefresh() {
        Instant at = lastRefresh;
        return at == null ? "" : at.toString();
    }

    @Override
    public long getLeaseMs() {
        return published.leaseMs();
    }

    @Override
    public String getStateOrigin() {
        return published.origin().label();
    }

    @Override
    public boolean isWatching() {
        return loop != null;
    }

    @Override
    public boolean isConnected() {
        return loop != null && loop.connected();
    }

    @Override
    public boolean isListening() {
        return loop != null && loop.listening();
    }

    @Override
    public boolean isInRecovery() {
        return loop != null && loop.inRecovery();
    }

    @Override
    public boolean isPoolerDetected() {
        return loop != null && loop.poolerDetected();
    }

    @Override
    public boolean isControlSchemaPresent() {
        return schemaPresent;
    }

    @Override
    public List<String> getMigrations() {
        StateSnapshot s = published.snapshot();
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
        return loop == null ? 0 : loop.notifications();
    }

    @Override
    public long getPolls() {
        return loop == null ? 0 : loop.polls();
    }

    @Override
    public long getReconnects() {
        return loop == null ? 0 : loop.reconnects();
    }

    @Override
    public long getHeartbeats() {
        return loop == null ? 0 : loop.heartbeats();
    }

    @Override
    public long getHeartbeatFailures() {
        return loop == null ? 0 : loop.heartbeatFailures();
    }

    @Override
    public long getInlineRefreshes() {
        return inline.refreshes();
    }

    @Override
    public long getInlineRefreshFailures() {
        return inline.failures();
    }

    @Override
    public long getStaleStatements() {
        return inline.staleStatements();
    }

    @Override
    public Map<String, Long> getCounters() {
        Map<String, Long> all = new TreeMap<>();
        all.put("refusedMigrations", (long) published.snapshot().refused().size());
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
