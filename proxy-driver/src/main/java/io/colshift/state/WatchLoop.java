package io.colshift.state;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The watcher of one server: a thread with one connection of colshift's own to exactly that server (a single-host
 * URL built from the {@link ServerKey}, with the application's other connection properties, or
 * {@code colshift.watchUrl}), never taken from nor counted against the application's pool.
 *
 * <p>Right after connecting it reads {@code current_schemas(false)} — the application role's search path, which
 * snapshots record — and then pins its own session's {@code search_path} to {@code pg_catalog, pg_temp}. It asks
 * {@code pg_is_in_recovery()}: a primary's watcher {@code LISTEN}s and polls; a standby's only polls (a standby
 * cannot {@code LISTEN}). Either renews the lease with a version query at least every half lease, so application
 * connections need not. When two queries on the same JDBC connection report different backend pids, a transaction
 * pooler sits in between and {@code LISTEN} cannot be heard: the watcher says so once and relies on polling.
 *
 * <p>When the connection fails it keeps the last snapshot and reconnects with exponential backoff (up to 10 s) and
 * jitter; the backoff only starts over once a connection has read the state, so a server that accepts connections
 * but refuses what the watcher does is not asked again and again.
 */
final class WatchLoop {

    private static final Logger LOG = LoggerFactory.getLogger(WatchLoop.class);

    private static final long MIN_BACKOFF_MS = 100;
    private static final long MAX_BACKOFF_MS = 10_000;
    /** Longest single wait, so that {@link #close()} is noticed quickly. */
    private static final long MAX_WAIT_MS = 250;
    private static final String READ_ONLY_TRANSACTION = "25006";
    private static final String SERIALIZATION_FAILURE = "40001";
    /** Parameters of the application's URL that choose among hosts: the watcher connects to one host only. */
    private static final Set<String> NOT_FOR_THE_WATCHER = Set.of("PGHOST", "PGPORT", "PGDBNAME", "targetServerType",
            "loadBalanceHosts", "hostRecheckSeconds");

    private final StateWatcher state;
    private final ServerKey key;
    private final ControlSchema schema;
    private final WatchSettings settings;
    private final SnapshotLoader loader;
    private final Thread thread;
    private final CountDownLatch firstAttempt = new CountDownLatch(1);

    private volatile boolean closed;
    private volatile boolean connected;
    private volatile boolean listening;
    private volatile boolean inRecovery;
    private volatile boolean poolerDetected;

    private final AtomicLong notifications = new AtomicLong();
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong renewals = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final AtomicLong heartbeats = new AtomicLong();
    private final AtomicLong heartbeatFailures = new AtomicLong();

    // touched by the watcher thread only
    private boolean outage;
    private long backoff = MIN_BACKOFF_MS;
    private List<String> searchPath;
    private int lastBackendPid;
    private boolean recoveryChanged;
    private ClientHeartbeat heartbeat;

    WatchLoop(StateWatcher state, SnapshotLoader loader) {
        this.state = state;
        this.key = state.key();
        this.schema = key.schema();
        this.settings = state.settings();
        this.loader = loader;
        this.thread = new Thread(this::run, "colshift-state-watcher " + key);
        this.thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    boolean awaitFirstAttempt(long timeoutMs) throws InterruptedException {
        return firstAttempt.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    void close() {
        closed = true;
        try {
            thread.join(2 * MAX_WAIT_MS + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean connected() {
        return connected;
    }

    boolean listening() {
        return listening;
    }

    boolean inRecovery() {
        return inRecovery;
    }

    boolean poolerDetected() {
        return poolerDetected;
    }

    long notifications() {
        return notifications.get();
    }

    long polls() {
        return polls.get();
    }

    long reconnects() {
        return reconnects.get();
    }

    long heartbeats() {
        return heartbeats.get();
    }

    long heartbeatFailures() {
        return heartbeatFailures.get();
    }

    private void run() {
        boolean first = true;
        while (!closed) {
            try (Connection c = openConnection()) {
                if (!first) {
                    reconnects.incrementAndGet();
                }
                connected = true;
                watch(c);
            } catch (SQLException | RuntimeException e) {
                if (!closed && !outage) {
                    outage = true;
                    if (state.leased().loaded()) {
                        LOG.warn("colshift's watcher lost its connection to {} ({}); statements keep state version {}"
                                + " and renew it over their own connections until it reconnects", key,
                                e.getMessage(), state.getStateVersion());
                    } else {
                        LOG.warn("colshift's watcher cannot follow {} ({}); statements read the state over their own"
                                + " connections until it can", key, e.getMessage());
                    }
                }
            }
            firstAttempt.countDown();
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
        searchPath = SnapshotLoader.searchPath(c); // the application role's, before this session's is pinned
        if (PoolerProbe.behindPooler(c)) {
            // A session-level SET through a transaction pooler would stay on a server connection other clients get
            // next and change what their unqualified names resolve to. Every query this watcher sends is
            // pg_catalog-qualified and names the control schema, so it resolves the same without the pin.
            if (!poolerDetected) {
                LOG.warn("colshift's watcher of {} is behind a pooler (its backend pid differs from the one announced"
                        + " at start-up), where LISTEN cannot be heard; it polls every {} ms instead. Set"
                        + " colshift.watchUrl to a direct URL of the server to be notified at once.", key,
                        settings.pollMs());
            }
            poolerDetected = true;
        } else {
            try (Statement st = c.createStatement()) {
                st.execute("SET search_path = pg_catalog, pg_temp");
            }
        }
        inRecovery = isInRecovery(c);
        recoveryChanged = false;
        lastBackendPid = 0;
        if (settings.listen() && !inRecovery && !poolerDetected) {
            // LISTEN before the first read: a change committed in between is then heard, not lost
            try (Statement st = c.createStatement()) {
                st.execute("LISTEN " + schema.channel());
                listening = true;
            } catch (SQLException e) {
                if (!READ_ONLY_TRANSACTION.equals(e.getSQLState())) {
                    throw e;
                }
                inRecovery = true; // became a standby between the two queries: poll
            }
        }
        poll(c, StateOrigin.WATCHER_POLL, true);
        firstAttempt.countDown();
        backoff = MIN_BACKOFF_MS;
        if (outage) {
            outage = false;
            LOG.info("colshift's watcher follows {} again", key);
        }
        if (inRecovery) {
            LOG.info("colshift follows standby {} by polling every {} ms", key, settings.pollMs());
        }
        long now = System.nanoTime();
        long lastProbe = now;
        long nextBeat = now;
        long nextCatalog = now + InlineRefresh.CATALOG_REFRESH_NANOS;
        while (!closed && !recoveryChanged) {
            now = System.nanoTime();
            long nextPoll = lastProbe + TimeUnit.MILLISECONDS.toNanos(settings.pollMs());
            long nextRenewal = lastProbe + TimeUnit.MILLISECONDS.toNanos(state.leased().leaseMs()) / 2;
            if (now - nextCatalog >= 0) {
                nextCatalog = now + InlineRefresh.CATALOG_REFRESH_NANOS;
                lastProbe = now;
                pollOnce(c, true);
            } else if (now - nextPoll >= 0 || now - nextRenewal >= 0) {
                (now - nextPoll >= 0 ? polls : renewals).incrementAndGet();
                lastProbe = now;
                pollOnce(c, false);
            }
            if (now - nextBeat >= 0) {
                nextBeat = now + Heartbeats.INTERVAL.toNanos();
                beat(c);
            }
            long next = Math.min(lastProbe + TimeUnit.MILLISECONDS.toNanos(settings.pollMs()),
                    lastProbe + TimeUnit.MILLISECONDS.toNanos(state.leased().leaseMs()) / 2);
            long waitMs = Math.max(1, Math.min(MAX_WAIT_MS,
                    TimeUnit.NANOSECONDS.toMillis(Math.min(next, nextBeat) - System.nanoTime())));
            if (listening) {
                PGNotification[] received = pg.getNotifications((int) waitMs);
                if (received != null && received.length > 0) {
                    notifications.addAndGet(received.length);
                    lastProbe = System.nanoTime();
                    poll(c, StateOrigin.WATCHER_NOTIFY, false);
                }
            } else {
                sleepQuietly(waitMs);
            }
        }
        if (!inRecovery && state.schemaPresent() && heartbeat != null) {
            heartbeat.leave(c, state.getClientId());
        }
    }

    /**
     * A periodic poll. On a standby a read can be cancelled by a conflict with recovery (SQLSTATE 40001); that says
     * nothing about the connection, so the next poll simply tries again (the lease covers the gap) instead of
     * reconnecting.
     */
    private void pollOnce(Connection c, boolean catalogToo) throws SQLException {
        try {
            poll(c, StateOrigin.WATCHER_POLL, catalogToo);
        } catch (SQLException e) {
            if (!inRecovery || !SERIALIZATION_FAILURE.equals(e.getSQLState())) {
                throw e;
            }
            LOG.debug("colshift's poll of standby {} was cancelled by recovery; it polls again", key, e);
        }
    }

    /**
     * One version query; the whole snapshot when the version moved (or {@code catalogToo}: table columns change
     * without a state change, through other tables' own migrations).
     */
    private void poll(Connection c, StateOrigin origin, boolean catalogToo) throws SQLException {
        StateRead.Outcome read;
        try {
            read = StateRead.read(state, loader, c, origin, catalogToo, searchPath);
        } catch (SQLException e) {
            if (SnapshotLoader.schemaMissing(e)) {
                return; // recorded; the next poll looks again
            }
            throw e;
        }
        if (read == null) {
            return;
        }
        checkSession(read.probe());
        if (read.published()) {
            beat(c); // show the new version at once in `colshift status`
        }
    }

    private void checkSession(StateProbe probe) {
        if (probe.inRecovery() != inRecovery) {
            recoveryChanged = true; // promoted: reconnect, and listen from now on
            LOG.info("colshift: {} is {} now; the watcher reconnects", key, probe.inRecovery() ? "a standby"
                    : "a primary");
        }
        if (lastBackendPid != 0 && probe.backendPid() != lastBackendPid && !poolerDetected) {
            poolerDetected = true;
            listening = false;
            LOG.warn("colshift's watcher of {} reaches a different backend with every query (a pooler in transaction"
                    + " mode?), where LISTEN cannot be heard; it polls every {} ms instead. Set colshift.watchUrl"
                    + " to a direct URL of the server to be notified at once.", key, settings.pollMs());
        }
        lastBackendPid = probe.backendPid();
    }

    private void beat(Connection c) throws SQLException {
        if (inRecovery || !state.schemaPresent()) {
            return; // a standby cannot be written to; this JVM's primary watcher, if any, reports for it
        }
        if (heartbeat == null) {
            // resolved here, after the first snapshot is out: a slow host name lookup must not delay it
            heartbeat = new ClientHeartbeat(schema, hostName(), ProcessHandle.current().pid());
        }
        count(heartbeat.beat(c, state.getClientId(), state.getStateVersion(), key.server(), false,
                state.heartbeatReport()));
        for (StateWatcher standby : StateWatchers.standbysLike(key)) {
            count(heartbeat.beat(c, standby.getClientId(), standby.getStateVersion(), standby.key().server(), true,
                    standby.heartbeatReport()));
        }
    }

    private void count(boolean recorded) {
        (recorded ? heartbeats : heartbeatFailures).incrementAndGet();
    }

    private static boolean isInRecovery(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_catalog.pg_is_in_recovery()")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    private Connection openConnection() throws SQLException {
        Properties props = new Properties();
        String url;
        if (settings.watchUrl() != null) {
            url = settings.watchUrl();
            props.putAll(settings.properties());
        } else {
            url = key.jdbcUrl();
            Properties parsed = org.postgresql.Driver.parseURL(settings.realUrl(), settings.properties());
            if (parsed == null) {
                throw new SQLException("not a PostgreSQL URL: " + key, "08001");
            }
            for (String name : parsed.stringPropertyNames()) {
                if (!NOT_FOR_THE_WATCHER.contains(name)) {
                    props.setProperty(name, parsed.getProperty(name));
                }
            }
        }
        // names the backend in pg_stat_activity, so operators can tell it from the application's connections
        props.setProperty("ApplicationName", StateWatcher.applicationName(schema));
        // a half-open TCP connection must not leave the watcher waiting forever
        props.setProperty("socketTimeout", "30");
        props.setProperty("tcpKeepAlive", "true");
        Connection c = new org.postgresql.Driver().connect(url, props);
        if (c == null) {
            throw new SQLException("not a PostgreSQL URL: " + key, "08001");
        }
        c.setAutoCommit(true);
        // Unnamed statements only, whatever prepareThreshold the application's URL sets: through a transaction
        // pooler a named statement of this connection would meet other clients' statements of the same name.
        c.unwrap(org.postgresql.PGConnection.class).setPrepareThreshold(0);
        return c;
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
}
