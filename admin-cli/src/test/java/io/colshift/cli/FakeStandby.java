package io.colshift.cli;

import io.colshift.embedded.junit.TestDatabase;
import org.postgresql.PGConnection;
import org.postgresql.PGProperty;
import org.postgresql.replication.LogSequenceNumber;
import org.postgresql.replication.PGReplicationStream;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A streaming standby as the primary sees it: a real physical replication connection, listed in
 * {@code pg_stat_replication}, whose reported replay position the test chooses. It receives the primary's WAL and
 * answers its keepalives, but replays nothing itself, so a test can hold a barrier on it and then let it pass.
 */
final class FakeStandby implements AutoCloseable {

    private final Connection connection;
    private final PGReplicationStream stream;
    private final Thread feeder;
    private final AtomicReference<LogSequenceNumber> replayed = new AtomicReference<>(LogSequenceNumber.INVALID_LSN);
    private volatile boolean running = true;

    private FakeStandby(Connection connection, PGReplicationStream stream, String name) {
        this.connection = connection;
        this.stream = stream;
        this.feeder = new Thread(this::feed, "fake-standby-" + name);
        this.feeder.setDaemon(true);
    }

    /** Connects as {@code applicationName}, reporting nothing replayed yet. */
    static FakeStandby connect(TestDatabase db, String applicationName) throws SQLException {
        Properties props = db.credentials();
        PGProperty.ASSUME_MIN_SERVER_VERSION.set(props, "9.4");
        PGProperty.REPLICATION.set(props, "true");
        PGProperty.PREFER_QUERY_MODE.set(props, "simple");
        PGProperty.APPLICATION_NAME.set(props, applicationName);
        Connection c = DriverManager.getConnection(db.jdbcUrl(), props);
        try {
            PGReplicationStream stream = c.unwrap(PGConnection.class).getReplicationAPI().replicationStream()
                    .physical().withStartPosition(LogSequenceNumber.valueOf(currentLsn(db))).start();
            FakeStandby standby = new FakeStandby(c, stream, applicationName);
            standby.feeder.start();
            return standby;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /** From now on, reports everything up to the primary's current WAL position as replayed. */
    void replayUpToNow(TestDatabase db) throws SQLException {
        replayed.set(LogSequenceNumber.valueOf(currentLsn(db)));
    }

    static String currentLsn(TestDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_current_wal_lsn()::text")) {
            rs.next();
            return rs.getString(1);
        }
    }

    // the stream is not thread-safe: only this thread touches it
    private void feed() {
        LogSequenceNumber reported = null;
        while (running) {
            try {
                while (stream.readPending() != null) {
                    // drain: the WAL itself is of no interest
                }
                LogSequenceNumber now = replayed.get();
                if (!now.equals(reported)) {
                    stream.setFlushedLSN(now);
                    stream.setAppliedLSN(now);
                    stream.forceUpdateStatus();
                    reported = now;
                }
                Thread.sleep(10);
            } catch (SQLException | InterruptedException e) {
                return;
            }
        }
    }

    @Override
    public void close() throws Exception {
        running = false;
        feeder.interrupt();
        feeder.join(5_000);
        try {
            stream.close();
        } finally {
            connection.close();
        }
    }
}
