package io.colshift.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A primary and a hot standby streaming from it, both {@link LocalPostgres} servers on 127.0.0.1, the standby
 * applying what it receives only {@code replayDelay} late ({@code recovery_min_apply_delay}), as a lagging replica
 * in production would.
 *
 * <p>The zonky binaries have no {@code pg_basebackup}, so the standby starts from a cold copy of the primary's
 * data directory: the primary is created, given a physical replication slot (so that it keeps every WAL segment
 * the standby has not received yet), stopped cleanly, copied, and both are started; the copy, with
 * {@code standby.signal} and {@code primary_conninfo}, replays from the shutdown checkpoint on. Replication uses
 * the superuser over 127.0.0.1, which {@code initdb -A trust} trusts for replication too.
 */
public final class PrimaryStandby implements AutoCloseable {

    private static final String SLOT = "colshift_standby";

    private final LocalPostgres primary;
    private final LocalPostgres standby;

    private PrimaryStandby(LocalPostgres primary, LocalPostgres standby) {
        this.primary = primary;
        this.standby = standby;
    }

    /** A primary with default settings and a standby that replays {@code replayDelay} late. */
    public static PrimaryStandby start(Duration replayDelay) {
        return start(LocalPostgres.builder(), replayDelay);
    }

    /** A primary built by {@code primaryBuilder} (its settings are the standby's too) and its standby. */
    public static PrimaryStandby start(LocalPostgres.Builder primaryBuilder, Duration replayDelay) {
        LocalPostgres primary = primaryBuilder.name("primary").start();
        LocalPostgres standby = null;
        try {
            try (Connection c = primary.connect("postgres"); Statement st = c.createStatement()) {
                st.execute("SELECT pg_create_physical_replication_slot('" + SLOT + "', true)");
            }
            primary.stop();
            Map<String, String> standbySettings = new LinkedHashMap<>();
            standbySettings.put("primary_conninfo", "'host=127.0.0.1 port=" + primary.port()
                    + " user=postgres application_name=standby'");
            standbySettings.put("primary_slot_name", "'" + SLOT + "'");
            standbySettings.put("recovery_min_apply_delay", "'" + replayDelay.toMillis() + "ms'");
            standbySettings.put("wal_receiver_status_interval", "'1s'");
            // after a restart of the primary, reconnect within a fraction of a second instead of PostgreSQL's 5 s
            standbySettings.put("wal_retrieve_retry_interval", "'200ms'");
            standby = LocalPostgres.copyOf(primary, "standby", standbySettings, List.of("standby.signal"));
            clearSlots(standby.dataDirectory());
            primary.startProcess();
            standby.startProcess();
            PrimaryStandby pair = new PrimaryStandby(primary, standby);
            pair.awaitStreaming(Duration.ofSeconds(60));
            return pair;
        } catch (IOException e) {
            closeBoth(primary, standby);
            throw new UncheckedIOException("could not make the standby", e);
        } catch (SQLException e) {
            closeBoth(primary, standby);
            throw new IllegalStateException("could not prepare the primary for a standby", e);
        } catch (RuntimeException e) {
            closeBoth(primary, standby);
            throw e;
        }
    }

    public LocalPostgres primary() {
        return primary;
    }

    public LocalPostgres standby() {
        return standby;
    }

    /**
     * {@code jdbc:postgresql://127.0.0.1:<primary>,127.0.0.1:<standby>/database?parameters}: one URL for both
     * servers, for pgjdbc's {@code targetServerType} and {@code loadBalanceHosts}.
     */
    public String multiHostUrl(String database, String parameters) {
        return "jdbc:postgresql://127.0.0.1:" + primary.port() + ",127.0.0.1:" + standby.port() + "/" + database
                + (parameters == null || parameters.isEmpty() ? "" : "?" + parameters);
    }

    /** Changes how late the standby applies what it receives, without a restart. */
    public void setReplayDelay(Duration delay) throws SQLException {
        try (Connection c = standby.connect("postgres"); Statement st = c.createStatement()) {
            st.execute("ALTER SYSTEM SET recovery_min_apply_delay = '" + delay.toMillis() + "ms'");
            st.execute("SELECT pg_reload_conf()");
        }
    }

    /**
     * Waits until the standby has replayed everything the primary had written when this was called.
     *
     * @return whether it did within {@code timeout}
     */
    public boolean awaitReplay(Duration timeout) throws SQLException, InterruptedException {
        String lsn = primary.queryString("postgres", "SELECT pg_current_wal_insert_lsn()");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if ("t".equals(standby.queryString("postgres",
                    "SELECT pg_last_wal_replay_lsn() >= '" + lsn + "'::pg_lsn"))) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    /** Stops both servers and deletes their data, the standby first so it does not chase a stopped primary. */
    @Override
    public void close() {
        closeBoth(primary, standby);
    }

    @Override
    public String toString() {
        return "PrimaryStandby[" + primary + ", " + standby + "]";
    }

    private void awaitStreaming(Duration timeout) throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if ("streaming".equals(primary.queryString("postgres",
                    "SELECT state FROM pg_stat_replication WHERE application_name = 'standby'"))) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the standby", e);
            }
        }
        throw new IllegalStateException("the standby did not stream from the primary within " + timeout
                + "; standby log:\n" + standby.log() + "\nprimary log:\n" + primary.log());
    }

    /** The copy holds the primary's slot too; a standby has no use for it, and it would keep WAL forever. */
    private static void clearSlots(Path data) throws IOException {
        Path slots = data.resolve("pg_replslot");
        if (!Files.isDirectory(slots)) {
            return;
        }
        try (Stream<Path> children = Files.list(slots)) {
            for (Path slot : (Iterable<Path>) children::iterator) {
                LocalPostgres.deleteQuietly(slot);
            }
        }
    }

    private static void closeBoth(LocalPostgres primary, LocalPostgres standby) {
        try {
            if (standby != null) {
                standby.close();
            }
        } finally {
            primary.close();
        }
    }
}
