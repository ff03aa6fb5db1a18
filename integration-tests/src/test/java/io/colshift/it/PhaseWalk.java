package io.colshift.it;

import io.colshift.demo.workload.UsersTable;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Takes {@code users.status} through every phase with the real {@code colshift} commands and hands each phase
 * to a check once this JVM's driver runs it: declared, expanded, backfilling (a backfill killed half-way, its
 * rows partly filled), backfilled, contracted, complete.
 */
final class PhaseWalk {

    /** The phases {@link #walk} stops in, in order. */
    static final List<String> PHASES = List.of("declared", "expanded", "backfilling", "backfilled", "contracted",
            "complete");

    interface PhaseCheck {
        void check(String phase) throws Exception;
    }

    private static final String ID = UsersTable.MIGRATION_ID;

    private final UsersMigration users;

    PhaseWalk(UsersMigration users) {
        this.users = users;
    }

    /** Runs {@code init}, then every phase in turn, {@code check} in each. */
    void walk(PhaseCheck check) throws Exception {
        users.colshift("init", "--lease", "200ms"); // a short lease: each step waits it out
        users.colshift("declare", users.spec.toString());
        enter("declared", check);
        users.colshift("expand", ID);
        enter("expanded", check);
        users.colshift("flag", ID, "--writes", "on");
        try (CliProcess backfill = CliProcess.start(users.target, "backfill", ID,
                "--max-rows-per-second", "200", "--max-batch", "50", "--min-batch", "10")) {
            while (backfilledRows() == 0) {
                assertThat(backfill.isAlive()).as("backfill still running; its output:\n%s", backfill.output()).isTrue();
                Thread.sleep(20);
            }
            backfill.kill();
        }
        assertThat(phase()).isEqualTo("backfilling");
        enter("backfilling", check);
        users.colshift("backfill", ID);
        enter("backfilled", check);
        users.colshift("contract", ID);
        enter("contracted", check);
        users.colshift("complete", ID);
        enter("complete", check);
    }

    private void enter(String phase, PhaseCheck check) throws Exception {
        assertThat(users.driverRunsCurrentState()).as("the driver follows into %s", phase).isTrue();
        check.check(phase);
    }

    String phase() throws SQLException {
        String phase = query("SELECT phase FROM colshift.migrations WHERE id = '" + ID + "'");
        return phase == null ? "complete" : phase;
    }

    private long backfilledRows() throws SQLException {
        String done = query("SELECT rows_done FROM colshift.backfill_progress WHERE migration_id = '" + ID + "'");
        return done == null ? 0 : Long.parseLong(done);
    }

    private String query(String sql) throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection(users.target.plainUrl(), users.target.credentials());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
