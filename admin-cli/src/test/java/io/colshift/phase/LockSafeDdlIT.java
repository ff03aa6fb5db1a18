package io.colshift.phase;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static io.colshift.phase.PhaseFixture.count;
import static io.colshift.phase.PhaseFixture.exec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WithPostgres
class LockSafeDdlIT {

    private static final DdlOptions SHORT = new DdlOptions(Duration.ofMillis(400), Duration.ofSeconds(30),
            Duration.ofMillis(1500));

    @Test
    void givesUpAfterMaxWaitNamingTheIdleInTransactionBlocker(TestDatabase db) throws Exception {
        exec(db, "CREATE TABLE ddl_blocked (id int PRIMARY KEY)");
        try (Connection blocker = db.connect()) {
            blocker.setClientInfo("ApplicationName", "forgotten-report");
            blocker.setAutoCommit(false);
            int blockerPid = pid(blocker);
            try (Statement st = blocker.createStatement()) {
                st.executeQuery("SELECT count(*) FROM ddl_blocked").close();
            }
            StringWriter out = new StringWriter();
            try (Connection c = db.connect(); LockSafeDdl ddl = new LockSafeDdl(c, db::connect, SHORT, new PrintWriter(out))) {
                assertThatThrownBy(() -> ddl.execute("ADD COLUMN x", "ALTER TABLE ddl_blocked ADD COLUMN x int"))
                        .isInstanceOf(LockWaitTimedOut.class)
                        .hasMessageContaining("pid " + blockerPid)
                        .hasMessageContaining("forgotten-report")
                        .hasMessageContaining("idle in transaction")
                        .hasMessageContaining("SELECT count(*) FROM ddl_blocked")
                        .satisfies(e -> assertThat(((PhaseException) e).exitCode()).isEqualTo(4));
            }
            assertThat(out.toString()).contains("retrying in").contains("pid " + blockerPid);
            blocker.rollback();
        }
        assertThat(count(db, "SELECT count(*) FROM information_schema.columns"
                + " WHERE table_name = 'ddl_blocked' AND column_name = 'x'")).isZero();
    }

    @Test
    void readersQueuedBehindTheWaitingDdlAreReleasedWithinTheLockTimeout(TestDatabase db) throws Exception {
        exec(db, "CREATE TABLE ddl_readers (id int PRIMARY KEY)");
        exec(db, "INSERT INTO ddl_readers SELECT generate_series(1, 100)");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        List<Throwable> readerErrors = new ArrayList<>();
        try (Connection blocker = db.connect()) {
            blocker.setAutoCommit(false);
            try (Statement st = blocker.createStatement()) {
                st.executeQuery("SELECT count(*) FROM ddl_readers").close();
            }
            // a reader whose statement_timeout is three lock timeouts: if the queued DDL ever held it up for
            // longer than its own lock_timeout, PostgreSQL would cancel the read and the test would see it
            CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
                try (Connection r = db.connect(); Statement st = r.createStatement()) {
                    st.execute("SET statement_timeout = " + SHORT.lockTimeout().toMillis() * 3);
                    while (!stop.get()) {
                        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM ddl_readers")) {
                            rs.next();
                        }
                        reads.incrementAndGet();
                    }
                } catch (SQLException e) {
                    synchronized (readerErrors) {
                        readerErrors.add(e);
                    }
                }
            });
            try (Connection c = db.connect();
                 LockSafeDdl ddl = new LockSafeDdl(c, db::connect, SHORT, new PrintWriter(new StringWriter()))) {
                assertThatThrownBy(() -> ddl.execute("ADD COLUMN y", "ALTER TABLE ddl_readers ADD COLUMN y int"))
                        .isInstanceOf(LockWaitTimedOut.class);
            } finally {
                stop.set(true);
                reader.get(30, TimeUnit.SECONDS);
                blocker.rollback();
            }
        }
        assertThat(readerErrors).isEmpty();
        assertThat(reads.get()).isPositive();
    }

    @Test
    void succeedsOnceTheBlockingTransactionEnds(TestDatabase db) throws Exception {
        exec(db, "CREATE TABLE ddl_released (id int PRIMARY KEY)");
        DdlOptions patient = new DdlOptions(Duration.ofMillis(300), Duration.ofSeconds(30), Duration.ofMinutes(2));
        StringWriter out = new StringWriter();
        try (Connection blocker = db.connect()) {
            blocker.setAutoCommit(false);
            try (Statement st = blocker.createStatement()) {
                st.executeQuery("SELECT count(*) FROM ddl_released").close();
            }
            try (Connection c = db.connect();
                 LockSafeDdl ddl = new LockSafeDdl(c, db::connect, patient, new PrintWriter(out, true))) {
                CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
                    try {
                        ddl.execute("ADD COLUMN z", "ALTER TABLE ddl_released ADD COLUMN z int");
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                });
                while (!out.toString().contains("retrying in")) {
                    assertThat(running).isNotDone();
                    Thread.sleep(50);
                }
                blocker.rollback();
                running.get(60, TimeUnit.SECONDS);
                assertThat(ddl.lastRetries()).isPositive();
            }
        }
        assertThat(count(db, "SELECT count(*) FROM information_schema.columns"
                + " WHERE table_name = 'ddl_released' AND column_name = 'z'")).isOne();
    }

    @Test
    void reportsOtherErrorsAtOnceWithoutRetrying(TestDatabase db) throws Exception {
        StringWriter out = new StringWriter();
        try (Connection c = db.connect(); LockSafeDdl ddl = new LockSafeDdl(c, db::connect, SHORT, new PrintWriter(out))) {
            assertThatThrownBy(() -> ddl.execute("bad", "ALTER TABLE no_such_table ADD COLUMN a int"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("no_such_table");
            assertThat(ddl.lastRetries()).isZero();
        }
        assertThat(out.toString()).doesNotContain("retrying");
    }

    static int pid(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
