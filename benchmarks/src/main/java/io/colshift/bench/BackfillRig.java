package io.colshift.bench;

import io.colshift.phase.BackfillOptions;
import io.colshift.phase.Backfiller;
import io.colshift.phase.DdlOptions;
import io.colshift.phase.Expander;
import io.colshift.phase.PhaseRun;
import io.colshift.state.ControlSchema;
import io.colshift.state.ControlSchemaWriter;
import io.colshift.state.SpecParser;
import io.colshift.state.SpecValidator;
import io.colshift.state.ValidatedSpec;

import java.io.PrintWriter;
import java.io.Writer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

/**
 * The migration the backfill benchmarks fill: {@value #MIGRATION} adds {@code bench_users.state text DEFAULT
 * 'active'} with backfill expression {@link #EXPRESSION}, declared, expanded and with writes on, each step the way
 * the CLI takes it; and the steps around a timed backfill (run it, checkpoint, read the server version).
 */
final class BackfillRig {

    static final String MIGRATION = "bench-state";
    static final String TABLE = "bench_users";
    static final String COLUMN = "state";
    static final String EXPRESSION = "CASE WHEN id % 10 = 0 THEN 'gone' ELSE 'active' END";

    private BackfillRig() {
    }

    static void declareAndExpand(BenchDatabase db) throws Exception {
        try (Connection c = db.connect()) {
            ControlSchemaWriter writer = writer(c);
            // the shortest lease: the timed backfill ends with its barrier, which is not part of the fill rate
            writer.init(Duration.ofMillis(50));
            ValidatedSpec spec = SpecValidator.validate(c, "bench", SpecParser.parse("bench", Map.of(
                    "id", MIGRATION, "table", TABLE, "column", COLUMN, "type", "text",
                    "default", "'active'", "backfill", EXPRESSION)));
            writer.declare(spec, "{\"id\": \"" + MIGRATION + "\"}", "benchmark");
            writer.setWriteFlag(MIGRATION, true, "benchmark");
        }
        try (PhaseRun run = open(db, Writer.nullWriter())) {
            Expander.run(run);
        }
    }

    /** Runs {@code colshift backfill}'s engine to the end, its messages to {@code out}. */
    static void backfill(BenchDatabase db, BackfillOptions options, Writer out) throws Exception {
        try (PhaseRun run = open(db, out)) {
            new Backfiller(run, options, false).run();
        }
    }

    static ControlSchemaWriter writer(Connection c) {
        return new ControlSchemaWriter(c, ControlSchema.named(ControlSchema.DEFAULT_NAME), "bench");
    }

    private static PhaseRun open(BenchDatabase db, Writer out) throws Exception {
        return PhaseRun.open(db::connect, ControlSchema.named(ControlSchema.DEFAULT_NAME), "bench", DdlOptions.DEFAULTS,
                new PrintWriter(out, true), MIGRATION, "backfill");
    }

    static void checkpoint(BenchDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CHECKPOINT");
        }
    }

    static String serverVersion(BenchDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
