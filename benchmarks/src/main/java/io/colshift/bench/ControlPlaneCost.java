package io.colshift.bench;

import io.colshift.state.ControlSchema;
import io.colshift.state.ControlSchemaWriter;
import io.colshift.state.StateWatcher;
import io.colshift.state.StateWatchers;
import io.colshift.state.WatcherStats;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * What colshift itself costs a server per driver instance: its own connections and its control-plane
 * transactions per second, with the application's statements running.
 *
 * <p>An instance here is one server key: {@code instances} control schemas on one dedicated database, each
 * followed by a watcher of its own exactly as one JVM follows its server (one watcher, one connection, polls at
 * {@code colshift.pollMs}, heartbeats), each with one application connection running {@code SELECT 1}. Nothing
 * else uses that database, so its {@code pg_stat_database} commit and rollback counts, minus the statements the
 * harness ran itself, are colshift's own transactions. They are taken over the instances' whole life, from before
 * the first connect until every backend has exited (start-up included), because a backend publishes its counts
 * only every so often while it runs (seconds late) but always when it exits. The watchers' counters over the
 * measured window alone ({@code Polls}, {@code Reloads}, {@code Heartbeats}, {@code InlineRefreshes}, as JMX shows
 * them) are reported next to them.
 *
 * @param host     server as {@code jdbc:postgresql://host:port} (no database)
 * @param user     superuser (reads {@code pg_stat_activity} of every backend)
 * @param password its password
 */
record ControlPlaneCost(String host, String user, String password) {

    /** One mode's figures. */
    record Result(String mode, int instances, int colshiftConnections, int applicationConnections,
                  double windowSeconds, double lifetimeSeconds, double serverTxPerSecond, double driverQueriesPerSecond,
                  long polls, long reloads, long heartbeats, long inlineRefreshes, long statements) {

        double connectionsPerInstance() {
            return (double) colshiftConnections / instances;
        }

        double serverTxPer100() {
            return serverTxPerSecond * 100.0 / instances;
        }

        double driverQueriesPer100() {
            return driverQueriesPerSecond * 100.0 / instances;
        }
    }

    /** Creates the database {@code database} with {@code instances} initialised control schemas. */
    void prepare(String database, int instances) throws SQLException {
        try (Connection admin = DriverManager.getConnection(host + "/postgres", user, password);
             Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        }
        try (Connection c = DriverManager.getConnection(host + "/" + database, user, password)) {
            for (int i = 0; i < instances; i++) {
                new ControlSchemaWriter(c, ControlSchema.named(schema(i)), "bench").init();
            }
        }
    }

    /**
     * Opens one application connection per instance with {@code watch} and {@code pollMs}, lets them settle for
     * {@code warmUpMs}, then counts over {@code windowMs} while one thread runs {@code SELECT 1} on every
     * connection in turn (each connection about every {@code sweepPauseMs} plus the sweep).
     */
    Result measure(String mode, String database, int instances, boolean watch, long pollMs, long warmUpMs,
                   long windowMs, long sweepPauseMs) throws SQLException, InterruptedException {
        awaitNoBackends(database);
        long txBefore = transactions(database);
        long opened = System.nanoTime();
        List<Connection> app = new ArrayList<>();
        List<Statement> statements = new ArrayList<>();
        long[] run = {0};
        int[] backends;
        Counters window;
        double windowSeconds;
        long windowStatements;
        try {
            for (int i = 0; i < instances; i++) {
                Properties p = new Properties();
                p.setProperty("user", user);
                p.setProperty("password", password);
                p.setProperty("ApplicationName", "bench app");
                p.setProperty("colshift.controlSchema", schema(i));
                p.setProperty("colshift.pollMs", Long.toString(pollMs));
                p.setProperty("colshift.watch", Boolean.toString(watch));
                Connection c = DriverManager.getConnection("jdbc:colshift:" + host.substring("jdbc:".length())
                        + "/" + database, p);
                app.add(c);
                statements.add(c.createStatement());
            }
            sweep(statements, warmUpMs, sweepPauseMs, run);
            backends = backends(database);
            Counters c0 = Counters.of(database);
            long before = run[0];
            long start = System.nanoTime();
            sweep(statements, windowMs, sweepPauseMs, run);
            windowSeconds = (System.nanoTime() - start) / 1e9;
            windowStatements = run[0] - before;
            window = Counters.of(database).minus(c0);
        } finally {
            for (Connection c : app) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing is best effort; the server is thrown away afterwards
                }
            }
            StateWatchers.watchers().stream()
                    .filter(w -> w.stats().database().endsWith("/" + database))
                    .forEach(StateWatcher::close);
        }
        double lifetimeSeconds = (System.nanoTime() - opened) / 1e9;
        // a backend publishes its counts when it exits; before that they may lag by seconds
        awaitNoBackends(database);
        long colshiftTx = transactions(database) - txBefore - run[0];
        double driverQ = (window.polls + window.reloads + window.heartbeats + window.inlineRefreshes) / windowSeconds;
        return new Result(mode, instances, backends[0], backends[1], windowSeconds, lifetimeSeconds,
                colshiftTx / lifetimeSeconds, driverQ, window.polls, window.reloads, window.heartbeats,
                window.inlineRefreshes, windowStatements);
    }

    /** Waits until no backend is connected to {@code database} (and has therefore published its counts). */
    private void awaitNoBackends(String database) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            int[] b = backends(database);
            if (b[2] == 0) {
                Thread.sleep(500); // the exiting backend's counts are written as it exits
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("backends of " + database + " did not exit within 30 s");
    }

    static String schema(int instance) {
        return "bench_i" + instance;
    }

    private static void sweep(List<Statement> statements, long durationMs, long pauseMs, long[] run)
            throws SQLException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(durationMs);
        while (System.nanoTime() < end) {
            for (Statement st : statements) {
                st.execute("SELECT 1");
                run[0]++;
            }
            Thread.sleep(pauseMs);
        }
    }

    /** colshift's own backends (application_name {@code colshift …}), the application's and all, on {@code database}. */
    private int[] backends(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(host + "/postgres", user, password);
             var ps = c.prepareStatement("SELECT count(*) FILTER (WHERE application_name LIKE 'colshift%'), "
                     + "count(*) FILTER (WHERE application_name = 'bench app'), count(*) FROM pg_catalog.pg_stat_activity "
                     + "WHERE datname = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new int[]{rs.getInt(1), rs.getInt(2), rs.getInt(3)};
            }
        }
    }

    /** Commits plus rollbacks on {@code database}, read from another database so the read does not count. */
    private long transactions(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(host + "/postgres", user, password);
             var ps = c.prepareStatement("SELECT xact_commit + xact_rollback FROM pg_catalog.pg_stat_database "
                     + "WHERE datname = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The watchers' counters summed over every watcher of {@code database}. */
    private record Counters(long polls, long reloads, long heartbeats, long inlineRefreshes) {

        static Counters of(String database) {
            long p = 0, r = 0, h = 0, i = 0;
            for (StateWatcher w : StateWatchers.watchers()) {
                WatcherStats s = w.stats();
                if (s.database().endsWith("/" + database)) {
                    p += s.polls();
                    r += s.reloads();
                    h += s.heartbeats();
                    i += s.inlineRefreshes();
                }
            }
            return new Counters(p, r, h, i);
        }

        Counters minus(Counters o) {
            return new Counters(polls - o.polls, reloads - o.reloads, heartbeats - o.heartbeats,
                    inlineRefreshes - o.inlineRefreshes);
        }
    }
}
