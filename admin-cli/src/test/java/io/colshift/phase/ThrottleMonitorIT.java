package io.colshift.phase;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@WithPostgres
class ThrottleMonitorIT {

    @Test
    void reportsSessionsQueuedBehindTheBackfillsRowLocksOnceAndWithoutReplicasNoLag(TestDatabase db) throws Exception {
        PhaseFixture.exec(db, "CREATE TABLE tm_rows (id int PRIMARY KEY, v int)");
        PhaseFixture.exec(db, "INSERT INTO tm_rows VALUES (1, 0)");
        try (Connection backfill = db.connect(); Connection app = db.connect()) {
            backfill.setAutoCommit(false);
            try (Statement st = backfill.createStatement()) {
                st.executeUpdate("UPDATE tm_rows SET v = 1 WHERE id = 1");
            }
            CompletableFuture<Void> queued = CompletableFuture.runAsync(() -> {
                try (Statement st = app.createStatement()) {
                    st.executeUpdate("UPDATE tm_rows SET v = 2 WHERE id = 1");
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            try (ThrottleMonitor monitor = new ThrottleMonitor(db.connect(), LockSafeDdlIT.pid(backfill)).start()) {
                int waiters = 0;
                while (waiters == 0) {
                    assertThat(queued).isNotDone();
                    Thread.sleep(50);
                    waiters = monitor.takeWaiters();
                }
                assertThat(waiters).isOne();
                assertThat(monitor.refreshLag()).isZero();
                backfill.commit();
                queued.get(30, TimeUnit.SECONDS);
                Thread.sleep(600);
                monitor.takeWaiters();
                Thread.sleep(600);
                assertThat(monitor.takeWaiters()).as("nobody waits once the batch committed").isZero();
            }
        }
    }
}
