package io.colshift.cli;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import io.colshift.phase.Failpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills {@code colshift} (a separate JVM halted by the {@code COLSHIFT_FAILPOINT} test hook, as SIGKILL would)
 * after each statement of expand and contract in turn, and runs the same command again each time: every re-run
 * continues from what is already done and the last one converges to the spec.
 */
@WithPostgres
class ContractProcessIT {

    @Test
    void killedAfterAnyStatementExpandAndContractConvergeWhenRunAgain(TestDatabase db, @TempDir Path dir)
            throws Exception {
        Cli cli = new Cli(db);
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE crash_orders (id bigint PRIMARY KEY, total numeric NOT NULL)");
            st.execute("INSERT INTO crash_orders SELECT g, g * 1.5 FROM generate_series(1, 20000) g");
        }
        assertThat(cli.run("init", "--lease", "50ms").exitCode()).isZero();
        Path spec = dir.resolve("crash.yaml");
        Files.writeString(spec, "id: crash-orders\ntable: crash_orders\ncolumn: band\ntype: int\ndefault: \"0\"\n"
                + "backfill: \"CASE WHEN total > 1000 THEN 2 ELSE 1 END\"\nnot_null: true\nindex: { concurrently: true }\n");
        assertThat(cli.run("declare", spec.toString()).exitCode()).isZero();

        haltAt(db, "expand", "expand.after-add-column");
        assertThat(phase(db)).isEqualTo("declared");
        assertThat(cli.run("expand", "crash-orders").exitCode()).isZero();
        assertThat(cli.run("flag", "crash-orders", "--writes", "on").exitCode()).isZero();
        Cli.Result backfill = cli.run("backfill", "crash-orders", "--plain");
        assertThat(backfill.exitCode()).as(backfill.all()).isZero();

        for (String point : contractFailpoints(db)) {
            haltAt(db, "contract", point);
            assertThat(phase(db)).as("after halting at " + point).isEqualTo("backfilled");
        }
        Cli.Result contract = cli.run("contract", "crash-orders");
        assertThat(contract.exitCode()).as(contract.all()).isZero();
        assertThat(phase(db)).isEqualTo("contracted");

        haltAt(db, "complete", "complete.after-transition");
        Cli.Result complete = cli.run("complete", "crash-orders");
        assertThat(complete.exitCode()).as(complete.all()).isZero();
        assertThat(count(db, "SELECT count(*) FROM colshift.migrations WHERE id = 'crash-orders' AND archived"))
                .isOne();
        assertThat(count(db, "SELECT count(*) FROM crash_orders WHERE band IS DISTINCT FROM"
                + " CASE WHEN total > 1000 THEN 2 ELSE 1 END")).isZero();
        assertThat(count(db, "SELECT count(*) FROM pg_index WHERE indexrelid = 'crash_orders_band_idx'::regclass"
                + " AND indisvalid")).isOne();
        assertThat(count(db, "SELECT count(*) FROM pg_attribute WHERE attrelid = 'crash_orders'::regclass"
                + " AND attname = 'band' AND attnotnull")).isOne();
        assertThat(count(db, "SELECT count(*) FROM pg_constraint WHERE conrelid = 'crash_orders'::regclass"
                + " AND contype = 'c'")).isZero();
    }

    private static List<String> contractFailpoints(TestDatabase db) throws Exception {
        List<String> points = new ArrayList<>(List.of("contract.after-set-default", "contract.after-sweep"));
        if (count(db, "SELECT current_setting('server_version_num')::int") >= 180_000) {
            points.addAll(List.of("contract.after-add-not-null", "contract.after-validate"));
        } else {
            points.addAll(List.of("contract.after-add-check", "contract.after-validate", "contract.after-set-not-null",
                    "contract.after-drop-check"));
        }
        points.add("contract.after-index");
        return points;
    }

    private static void haltAt(TestDatabase db, String command, String failpoint) throws Exception {
        try (ColshiftProcess p = ColshiftProcess.start(db, Map.of("COLSHIFT_FAILPOINT", failpoint), command,
                "crash-orders")) {
            int exit = p.await();
            assertThat(exit).as(p.output()).isEqualTo(Failpoint.HALT_STATUS);
            assertThat(p.output()).contains("failpoint " + failpoint + " reached");
        }
    }

    private static String phase(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT phase FROM colshift.migrations WHERE id = 'crash-orders'")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long count(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
