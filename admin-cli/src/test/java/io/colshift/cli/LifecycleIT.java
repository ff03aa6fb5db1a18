package io.colshift.cli;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole life of a migration on a 200 000-row table, each phase run as the real command, while application
 * writers keep going through the colshift driver: "old version" writers that do not know the column insert rows and
 * rename users throughout, and a "new version" writer that inserts rows with the column set and reads it back, from
 * the moment the migration is declared. At the end the table is exactly the spec's, no row is NULL, no application
 * statement failed, the column never read as NULL, and every acknowledged write is there: a value the new version
 * read back as written is still there, and a value the driver stripped (writes gated) was filled by the backfill.
 */
@WithPostgres
class LifecycleIT {

    private static final int ROWS = 200_000;
    private static final String BACKFILL = "CASE WHEN deleted_at IS NULL THEN 'active' ELSE 'gone' END";

    private final AtomicBoolean stop = new AtomicBoolean();
    private final Map<Long, String> names = new ConcurrentHashMap<>();
    private final Map<Long, Boolean> vip = new ConcurrentHashMap<>();
    private final AtomicInteger gated = new AtomicInteger();
    private final AtomicInteger writes = new AtomicInteger();

    @Test
    void fullLifecycleUnderConcurrentWritersEndsAtTheSpecWithNoWriteLost(TestDatabase db, @TempDir Path dir)
            throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE life_users (id bigserial PRIMARY KEY, name text NOT NULL, deleted_at timestamptz)");
            st.execute("INSERT INTO life_users (name, deleted_at) SELECT 'user ' || g,"
                    + " CASE WHEN g % 10 = 0 THEN now() END FROM generate_series(1, " + ROWS + ") g");
            st.execute("ANALYZE life_users");
        }
        Cli cli = new Cli(db);
        Path spec = dir.resolve("life-status.yaml");
        Files.writeString(spec, "id: life-status\ntable: life_users\ncolumn: status\ntype: text\n"
                + "default: \"'active'\"\nbackfill: \"" + BACKFILL + "\"\nnot_null: true\nindex: { concurrently: true }\n");
        ok(cli.run("init", "--lease", "200ms"));
        ok(cli.run("declare", spec.toString()));

        ExecutorService writers = Executors.newFixedThreadPool(3);
        List<Future<?>> running = new ArrayList<>();
        try {
            running.add(writers.submit(() -> oldVersionWriter(db)));
            running.add(writers.submit(() -> oldVersionWriter(db)));
            running.add(writers.submit(() -> newVersionWriter(db)));

            awaitGatedWrites(5, running); // declared: the column does not exist, the driver strips the write
            ok(cli.run("expand", "life-status"));
            awaitGatedWrites(10, running); // expanded with writes off: still stripped
            ok(cli.run("flag", "life-status", "--writes", "on"));
            Cli.Result backfill = ok(cli.run("backfill", "life-status", "--plain"));
            assertThat(backfill.out()).contains("walking primary key (id)").contains("backfilled:");
            ok(cli.run("contract", "life-status"));
            ok(cli.run("complete", "life-status"));
        } finally {
            stop.set(true);
            writers.shutdown();
            assertThat(writers.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        }
        for (Future<?> writer : running) {
            writer.get(); // rethrows the first failed writer statement, if any
        }
        assertThat(writes.get()).isPositive();
        assertThat(vip).as("new-version writes that passed once writes were on").isNotEmpty();
        assertThat(gated.get()).as("new-version writes the driver stripped while the column was gated").isPositive();

        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            assertThat(longOf(st, "SELECT count(*) FROM life_users WHERE status IS NULL")).isZero();
            assertThat(longOf(st, "SELECT count(*) FROM life_users")).isEqualTo(ROWS + insertedByWriters());
            assertThat(longOf(st, "SELECT count(*) FROM life_users WHERE status <> 'vip' AND status <> " + BACKFILL))
                    .isZero();
            // exactly the writes that passed kept 'vip'; the gated ones were filled by the backfill
            assertThat(longOf(st, "SELECT count(*) FROM life_users WHERE status = 'vip'")).isEqualTo(vip.size());
            try (ResultSet rs = st.executeQuery("SELECT column_default, is_nullable, data_type FROM"
                    + " information_schema.columns WHERE table_name = 'life_users' AND column_name = 'status'")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("'active'::text");
                assertThat(rs.getString(2)).isEqualTo("NO");
                assertThat(rs.getString(3)).isEqualTo("text");
            }
            assertThat(longOf(st, "SELECT count(*) FROM pg_index WHERE indexrelid = 'life_users_status_idx'::regclass"
                    + " AND indisvalid")).isOne();
            assertThat(longOf(st, "SELECT count(*) FROM pg_constraint WHERE conrelid = 'life_users'::regclass"
                    + " AND contype = 'c'")).isZero();
            assertThat(longOf(st, "SELECT count(*) FROM colshift.migrations WHERE id = 'life-status'"
                    + " AND phase = 'complete' AND archived")).isOne();
        }
        try (Connection c = db.connect();
             PreparedStatement ps = c.prepareStatement("SELECT name, status FROM life_users WHERE id = ?")) {
            for (Map.Entry<Long, String> e : names.entrySet()) {
                ps.setLong(1, e.getKey());
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).as("acknowledged row %d", e.getKey()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo(e.getValue());
                    if (vip.containsKey(e.getKey())) {
                        assertThat(rs.getString(2)).as("status written by the new version").isEqualTo("vip");
                    }
                }
            }
        }
    }

    /** Knows nothing of the column: inserts users and renames random existing ones, one short transaction each. */
    private Void oldVersionWriter(TestDatabase db) throws Exception {
        try (Connection c = DriverManager.getConnection(db.colshiftUrl(), db.credentials());
             PreparedStatement insert = c.prepareStatement("INSERT INTO life_users (name) VALUES (?) RETURNING id");
             PreparedStatement rename = c.prepareStatement("UPDATE life_users SET name = ? WHERE id = ?")) {
            int n = 0;
            while (!stop.get()) {
                String name = "w" + Thread.currentThread().getId() + "-" + n++;
                insert.setString(1, name);
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    names.put(rs.getLong(1), name);
                }
                long id = ThreadLocalRandom.current().nextLong(1, ROWS + 1);
                String renamed = "renamed " + name;
                rename.setString(1, renamed);
                rename.setLong(2, id);
                synchronized (names) {
                    // the map must hold the last acknowledged name of rows two writers may rename
                    if (rename.executeUpdate() == 1) {
                        names.put(id, renamed);
                    }
                }
                writes.addAndGet(2);
                Thread.sleep(2);
            }
        }
        return null;
    }

    /**
     * Writes the column from the start; the driver strips that write while it is gated. Reads it back at once: the
     * read is never NULL, and it says whether the write passed ('vip', must survive) or was gated (the read shows
     * the fallback, the backfill must fill the row).
     */
    private Void newVersionWriter(TestDatabase db) throws Exception {
        try (Connection c = DriverManager.getConnection(db.colshiftUrl(), db.credentials());
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO life_users (name, status) VALUES (?, ?) RETURNING id");
             PreparedStatement read = c.prepareStatement("SELECT status FROM life_users WHERE id = ?")) {
            int n = 0;
            while (!stop.get()) {
                String name = "v2-" + n++;
                insert.setString(1, name);
                insert.setString(2, "vip");
                long id;
                try (ResultSet rs = insert.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
                names.put(id, name);
                read.setLong(1, id);
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    String status = rs.getString(1);
                    assertThat(status).as("status read through the driver").isIn("vip", "active");
                    if (status.equals("vip")) {
                        vip.put(id, true);
                    } else {
                        gated.incrementAndGet();
                    }
                }
                writes.addAndGet(2);
                Thread.sleep(5);
            }
        }
        return null;
    }

    private void awaitGatedWrites(int atLeast, List<Future<?>> writers) throws Exception {
        while (gated.get() < atLeast) {
            for (Future<?> writer : writers) {
                if (writer.isDone()) {
                    writer.get(); // a writer that stopped early failed: show why
                }
            }
            Thread.sleep(10);
        }
    }

    private long insertedByWriters() {
        return names.keySet().stream().filter(id -> id > ROWS).count();
    }

    private static Cli.Result ok(Cli.Result result) {
        assertThat(result.exitCode()).as(result.all()).isZero();
        return result;
    }

    private static long longOf(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
