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

import static org.assertj.core.api.Assertions.assertThat;

/** The phase commands as operators and pipelines call them: exit codes, refusals, advance, pause and resume. */
@WithPostgres
class PhaseCommandsIT {

    private final TestDatabase db;
    private final Cli cli;

    PhaseCommandsIT(TestDatabase db) {
        this.db = db;
        this.cli = new Cli(db);
    }

    @BeforeAll
    static void initialise(TestDatabase db) {
        assertThat(new Cli(db).run("init", "--lease", "50ms").exitCode()).isZero();
    }

    @Test
    void expandBehindAnIdleTransactionExitsWithFourNamingItAndSucceedsOnceItEnds(@TempDir Path dir) throws Exception {
        declare(dir, "cmd_idle", "cmd-idle", "");
        try (Connection idle = db.connect()) {
            idle.setClientInfo("ApplicationName", "psql-left-open");
            idle.setAutoCommit(false);
            try (Statement st = idle.createStatement()) {
                st.executeQuery("SELECT * FROM cmd_idle LIMIT 1").close();
            }
            Cli.Result gaveUp = cli.run("expand", "cmd-idle", "--lock-timeout", "200ms", "--max-wait", "1s");
            assertThat(gaveUp.exitCode()).as(gaveUp.all()).isEqualTo(ExitCodes.LOCK_WAIT_TIMED_OUT);
            assertThat(gaveUp.out()).contains("lock wait on ADD COLUMN public.cmd_idle.note timed out after 200 ms");
            assertThat(gaveUp.err()).contains("psql-left-open").contains("idle in transaction")
                    .contains("Nothing was changed by this step");
            idle.rollback();
        }
        assertThat(phase("cmd-idle")).isEqualTo("declared");
        Cli.Result expanded = cli.run("expand", "cmd-idle", "--lock-timeout", "200ms");
        assertThat(expanded.exitCode()).as(expanded.all()).isZero();
        assertThat(phase("cmd-idle")).isEqualTo("expanded");
    }

    @Test
    void advanceStopsAtTheWriteFlagWithAReasonThenRunsToComplete(@TempDir Path dir) throws Exception {
        declare(dir, "cmd_adv", "cmd-adv", "default: \"'n/a'\"\nnot_null: true\n");
        Cli.Result one = cli.run("advance", "cmd-adv");
        assertThat(one.exitCode()).as(one.all()).isZero();
        assertThat(phase("cmd-adv")).isEqualTo("expanded");

        Cli.Result blocked = cli.run("advance", "cmd-adv", "--until", "complete", "--plain");
        assertThat(blocked.exitCode()).isEqualTo(ExitCodes.PRECONDITION_NOT_MET);
        assertThat(blocked.err()).contains("write flag of 'cmd-adv' is off");

        assertThat(cli.run("flag", "cmd-adv", "--writes", "on").exitCode()).isZero();
        Cli.Result done = cli.run("advance", "cmd-adv", "--until", "complete", "--plain");
        assertThat(done.exitCode()).as(done.all()).isZero();
        assertThat(phase("cmd-adv")).isEqualTo("complete");
        assertThat(done.out()).contains("backfilled:").contains("contracted:").contains("archived");
        assertThat(longOf("SELECT count(*) FROM cmd_adv WHERE note IS DISTINCT FROM 'n/a'")).isZero();

        Cli.Result badPhase = cli.run("advance", "cmd-adv", "--until", "finished");
        assertThat(badPhase.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void pauseAndResumeAreRecordedAndRefusedOnceTheBackfillIsDone(@TempDir Path dir) throws Exception {
        declare(dir, "cmd_pause", "cmd-pause", "backfill: \"id::text\"\n");
        assertThat(cli.run("expand", "cmd-pause").exitCode()).isZero();
        Cli.Result paused = cli.run("pause", "cmd-pause");
        assertThat(paused.exitCode()).as(paused.all()).isZero();
        assertThat(paused.out()).contains("paused the backfill of 'cmd-pause'");
        assertThat(cli.run("pause", "cmd-pause").out()).contains("already paused");
        assertThat(longOf("SELECT count(*) FROM colshift.events WHERE migration_id = 'cmd-pause' AND kind = 'paused'"))
                .isOne();
        Cli.Result resumed = cli.run("resume", "cmd-pause");
        assertThat(resumed.exitCode()).as(resumed.all()).isZero();
        assertThat(longOf("SELECT count(*) FROM colshift.backfill_progress WHERE migration_id = 'cmd-pause'"
                + " AND NOT paused")).isOne();
        assertThat(cli.run("flag", "cmd-pause", "--writes", "on").exitCode()).isZero();
        assertThat(cli.run("backfill", "cmd-pause", "--plain").exitCode()).isZero();
        Cli.Result late = cli.run("pause", "cmd-pause");
        assertThat(late.exitCode()).isEqualTo(ExitCodes.PRECONDITION_NOT_MET);
        assertThat(late.err()).contains("nothing to pause");
    }

    @Test
    void rollbackCommandDropsTheColumnOnlyWithTheFlagAndIsRefusedAfterComplete(@TempDir Path dir) throws Exception {
        declare(dir, "cmd_rb", "cmd-rb", "default: \"'x'\"\n");
        assertThat(cli.run("expand", "cmd-rb").exitCode()).isZero();
        Cli.Result kept = cli.run("rollback", "cmd-rb");
        assertThat(kept.exitCode()).as(kept.all()).isZero();
        assertThat(kept.out()).contains("column public.cmd_rb.note kept");
        assertThat(longOf("SELECT count(*) FROM information_schema.columns WHERE table_name = 'cmd_rb'"
                + " AND column_name = 'note'")).isOne();
        Cli.Result dropped = cli.run("rollback", "cmd-rb", "--drop-column");
        assertThat(dropped.exitCode()).as(dropped.all()).isZero();
        assertThat(longOf("SELECT count(*) FROM information_schema.columns WHERE table_name = 'cmd_rb'"
                + " AND column_name = 'note'")).isZero();

        assertThat(cli.run("flag", "cmd-rb", "--writes", "on").exitCode()).isZero();
        assertThat(cli.run("advance", "cmd-rb", "--until", "complete", "--plain").exitCode()).isZero();
        Cli.Result refused = cli.run("rollback", "cmd-rb", "--drop-column");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.PRECONDITION_NOT_MET);
        assertThat(refused.err()).contains("cannot be rolled back");
    }

    @Test
    void everyPhaseCommandExplainsItselfInHelp() {
        for (String command : new String[] {"plan", "expand", "backfill", "pause", "resume", "contract", "complete",
                "rollback", "advance"}) {
            Cli.Result help = cli.raw(command, "--help");
            assertThat(help.exitCode()).as(command).isZero();
            assertThat(help.out()).as(command).contains("Usage: colshift " + command).contains("--url");
        }
        assertThat(cli.raw("backfill", "--help").out()).contains("--target-batch-ms").contains("kill -9");
        assertThat(cli.raw("expand", "--help").out()).contains("--lock-timeout").contains("--max-wait");
    }

    private void declare(Path dir, String table, String id, String extra) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + table + " (id int PRIMARY KEY)");
            st.execute("INSERT INTO " + table + " SELECT generate_series(1, 500)");
        }
        Path spec = dir.resolve(id + ".yaml");
        Files.writeString(spec, "id: " + id + "\ntable: " + table + "\ncolumn: note\ntype: text\n" + extra);
        Cli.Result declared = cli.run("declare", spec.toString());
        assertThat(declared.exitCode()).as(declared.all()).isZero();
    }

    private String phase(String id) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT phase FROM colshift.migrations WHERE id = '" + id + "'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private long longOf(String sql) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
