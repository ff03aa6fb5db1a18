package io.colshift.cli;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The backfill as a real process: killed with SIGKILL and resumed, and refused as a second runner. */
@WithPostgres
class BackfillProcessIT {

    private static final int ROWS = 100_000;
    private final TestDatabase db;
    private final Cli cli;

    BackfillProcessIT(TestDatabase db) {
        this.db = db;
        this.cli = new Cli(db);
    }

    @BeforeAll
    static void initialise(TestDatabase db) {
        assertThat(new Cli(db).run("init", "--lease", "50ms").exitCode()).isZero();
    }

    @Test
    void killedWithSigkillMidBackfillTheSameCommandResumesFromTheCheckpointAndFinishes(@TempDir Path dir)
            throws Exception {
        prepare(dir, "kill_users", "kill-users");
        try (ColshiftProcess backfill = ColshiftProcess.start(db, Map.of(), "backfill", "kill-users",
                "--max-rows-per-second", "20000", "--max-batch", "2000", "--plain")) {
            while (rowsDone("kill-users") < 20_000) {
                assertThat(backfill.process().isAlive()).as(backfill.output()).isTrue();
                Thread.sleep(50);
            }
            backfill.kill();
        }
        long checkpointed = rowsDone("kill-users");
        assertThat(checkpointed).isLessThan(ROWS);
        // the checkpoint commits with its batch, so it counts exactly the rows that are filled
        assertThat(count("SELECT count(*) FROM kill_users WHERE status IS NOT NULL")).isEqualTo(checkpointed);
        assertThat(phase("kill-users")).isEqualTo("backfilling");

        Cli.Result resumed = cli.run("backfill", "kill-users", "--plain");
        assertThat(resumed.exitCode()).as(resumed.all()).isZero();
        assertThat(resumed.out()).contains("resuming after {\"id\": ");
        assertThat(count("SELECT count(*) FROM kill_users WHERE status IS NULL")).isZero();
        assertThat(count("SELECT count(*) FROM kill_users WHERE status = CASE WHEN id % 7 = 0 THEN 'gone' ELSE 'active' END"))
                .isEqualTo(ROWS);
        assertThat(rowsDone("kill-users")).isEqualTo(ROWS);
        assertThat(phase("kill-users")).isEqualTo("backfilled");
    }

    @Test
    void aSecondRunnerIsRefusedNamingTheFirstAndLaterSucceeds(@TempDir Path dir) throws Exception {
        prepare(dir, "two_runners", "two-runners");
        try (ColshiftProcess first = ColshiftProcess.start(db, Map.of(), "backfill", "two-runners",
                "--max-rows-per-second", "20000", "--plain")) {
            while (rowsDone("two-runners") == 0) {
                assertThat(first.process().isAlive()).as(first.output()).isTrue();
                Thread.sleep(50);
            }
            Cli.Result second = cli.run("backfill", "two-runners");
            assertThat(second.exitCode()).as(second.all()).isEqualTo(ExitCodes.PRECONDITION_NOT_MET);
            assertThat(second.err()).contains("another colshift runner is working on migration 'two-runners'")
                    .contains("colshift backfill two-runners")
                    .containsPattern("held by pid \\d+");
            first.kill();
        }
        Cli.Result after = cli.run("backfill", "two-runners", "--plain");
        assertThat(after.exitCode()).as(after.all()).isZero();
        assertThat(count("SELECT count(*) FROM two_runners WHERE status IS NULL")).isZero();
    }

    private void prepare(Path dir, String table, String id) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + table + " (id bigint PRIMARY KEY, name text NOT NULL)");
            st.execute("INSERT INTO " + table + " SELECT g, 'user ' || g FROM generate_series(1, " + ROWS + ") g");
            st.execute("ANALYZE " + table);
        }
        Path spec = dir.resolve(id + ".yaml");
        Files.writeString(spec, "id: " + id + "\ntable: " + table + "\ncolumn: status\ntype: text\n"
                + "default: \"'active'\"\nbackfill: \"CASE WHEN id % 7 = 0 THEN 'gone' ELSE 'active' END\"\n");
        assertThat(cli.run("declare", spec.toString()).exitCode()).isZero();
        Cli.Result expanded = cli.run("expand", id);
        assertThat(expanded.exitCode()).as(expanded.all()).isZero();
        assertThat(cli.run("flag", id, "--writes", "on").exitCode()).isZero();
    }

    private long rowsDone(String id) throws Exception {
        return count("SELECT coalesce((SELECT rows_done FROM colshift.backfill_progress WHERE migration_id = '" + id
                + "'), 0)");
    }

    private String phase(String id) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT phase FROM colshift.migrations WHERE id = '" + id + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
