package io.colshift.demo.workload;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * Waits until the colshift driver in this JVM acts on a state change, by asking it the way an
 * application would. A deploy pipeline does the same before it rolls out a version that depends on
 * the change (e.g. v2 right after {@code colshift declare}).
 */
public final class DriverBarrier {

    private static final long PAUSE_MILLIS = 20;

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

    private boolean awaitUntil(Duration timeout, Probe probe) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Properties props = new Properties();
        props.setProperty("user", target.user());
        props.setProperty("password", target.password());
        target.colshiftProperties().forEach(props::setProperty);
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
