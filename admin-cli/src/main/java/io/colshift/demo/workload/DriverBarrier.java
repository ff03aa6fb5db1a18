package io.colshift.demo.workload;

import io.colshift.phase.SearchPathPin;
import io.colshift.state.StateWatcher;
import io.colshift.state.StateWatchers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

/**
 * Checks that the colshift driver in this JVM acts on a state change, by asking it the way an application
 * would. Every {@code colshift} step returns only after its barrier (the staleness lease after the commit, and
 * after every standby replayed it), so right after a step the driver already acts on it: callers give these
 * checks a short timeout, as a deploy pipeline's smoke test would before it rolls out a version that depends on
 * the change (e.g. v2 right after {@code colshift declare}), and a failure means the barrier did not hold. Nothing
 * here reads heartbeats.
 */
public final class DriverBarrier {

    private static final long PAUSE_MILLIS = 20;
    /** The checks' own ApplicationName: what they read and write counts on a clients row apart from v1's and v2's. */
    static final String APPLICATION_NAME = "colshift-demo-check";

    private final DatabaseTarget target;
    private final UsersTable table;

    public DriverBarrier(DatabaseTarget target, UsersTable table) {
        this.target = target;
        this.table = table;
    }

    /** Until a read of the new column succeeds through the driver. @return whether it did within {@code timeout} */
    public boolean awaitColumnReadable(Duration timeout) throws InterruptedException {
        String sql = "SELECT " + UsersTable.COLUMN + " FROM " + table.ref() + " LIMIT 1";
        return awaitUntil(timeout, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                return true;
            }
        });
    }

    /**
     * Until a write of the new column passes the driver unchanged: an insert returning the written value,
     * rolled back so that it leaves nothing behind. @return whether it did within {@code timeout}
     */
    public boolean awaitWritesPass(Duration timeout) throws InterruptedException {
        String sql = "INSERT INTO " + table.ref() + " (email, name, " + UsersTable.COLUMN
                + ") VALUES ('colshift-barrier@demo.test', 'barrier', 'barrier') RETURNING " + UsersTable.COLUMN;
        return awaitUntil(timeout, c -> {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                return rs.next() && "barrier".equals(rs.getString(1));
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        });
    }

    /**
     * Until this JVM's driver runs the state version the control schema holds now, asked of the driver's own
     * watcher (not of its heartbeat row, which proves nothing). @return whether it did within {@code timeout}
     */
    public boolean awaitCurrentState(Duration timeout) throws SQLException, InterruptedException {
        long version;
        Properties props = target.credentials();
        try (Connection c = SearchPathPin.pin(DriverManager.getConnection(target.plainUrl(), props));
             PreparedStatement ps = c.prepareStatement("SELECT version FROM " + target.controlSchema() + ".state");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            version = rs.getLong(1);
        }
        Properties colshiftProps = target.credentials();
        target.colshiftProperties().forEach(colshiftProps::setProperty);
        colshiftProps.setProperty("ApplicationName", APPLICATION_NAME);
        // a connection through the driver makes sure this JVM has a watcher for the database at all
        try (Connection ignored = DriverManager.getConnection(target.colshiftUrl(), colshiftProps)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                Optional<StateWatcher> watcher = StateWatchers.find(target.plainUrl(), props, target.controlSchema());
                if (watcher.isPresent() && watcher.get().getStateVersion() >= version) {
                    return true;
                }
                Thread.sleep(PAUSE_MILLIS);
            }
            return false;
        }
    }

    private boolean awaitUntil(Duration timeout, Probe probe) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Properties props = target.credentials();
        target.colshiftProperties().forEach(props::setProperty);
        props.setProperty("ApplicationName", APPLICATION_NAME); // its probes are not either version's adoption
        while (System.nanoTime() < deadline) {
            try (Connection c = DriverManager.getConnection(target.colshiftUrl(), props)) {
                while (System.nanoTime() < deadline) {
                    try {
                        if (probe.holds(c)) {
                            return true;
                        }
                    } catch (SQLException notYet) {
                        if (c.isClosed()) {
                            break;
                        }
                    }
                    Thread.sleep(PAUSE_MILLIS);
                }
            } catch (SQLException connectFailed) {
                Thread.sleep(PAUSE_MILLIS * 10);
            }
        }
        return false;
    }

    @FunctionalInterface
    private interface Probe {
        boolean holds(Connection connection) throws SQLException;
    }
}
