package io.colshift.phase;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.state.ControlSchema;
import io.colshift.state.ControlSchemaWriter;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Shared set-up for phase engine tests: a control schema, declared migrations, runs that capture output. */
final class PhaseFixture {

    static final ControlSchema SCHEMA = ControlSchema.named("colshift");

    /** The shortest lease the control schema allows: these tests are about the phases, not about the barrier. */
    static final java.time.Duration LEASE = java.time.Duration.ofMillis(50);

    private PhaseFixture() {
    }

    static void init(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            new ControlSchemaWriter(c, SCHEMA, "test").init(LEASE);
        }
    }

    /** Inserts a declared migration the way `colshift declare` records it. */
    static void declare(TestDatabase db, String id, String table, String column, String type, String defaultExpr,
                        String backfillExpr, boolean notNull, String indexJson) throws SQLException {
        try (Connection c = db.connect()) {
            ControlSchemaWriter writer = new ControlSchemaWriter(c, SCHEMA, "test");
            writer.init(LEASE);
            writer.record(id, "declared", null, "declared", "test declare", conn -> {
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO colshift.migrations (id, table_schema,"
                        + " table_name, column_name, column_type, default_expr, backfill_expr, read_fallback, not_null,"
                        + " index_spec, spec, phase) VALUES (?, 'public', ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb),"
                        + " '{}'::jsonb, 'declared')")) {
                    ps.setString(1, id);
                    ps.setString(2, table);
                    ps.setString(3, column);
                    ps.setString(4, type);
                    ps.setString(5, defaultExpr);
                    ps.setString(6, backfillExpr);
                    ps.setString(7, defaultExpr == null ? "NULL" : defaultExpr);
                    ps.setBoolean(8, notNull);
                    ps.setString(9, indexJson);
                    ps.executeUpdate();
                }
            });
        }
    }

    static void setWrites(TestDatabase db, String id, boolean on) throws SQLException {
        try (Connection c = db.connect()) {
            new ControlSchemaWriter(c, SCHEMA, "test").setWriteFlag(id, on, "test");
        }
    }

    static PhaseRun open(TestDatabase db, String id, String command, StringWriter out) throws Exception {
        return open(db, id, command, out, DdlOptions.DEFAULTS);
    }

    static PhaseRun open(TestDatabase db, String id, String command, StringWriter out, DdlOptions options)
            throws Exception {
        return PhaseRun.open(db::connect, SCHEMA, "test", options, new PrintWriter(out, true), id, command);
    }

    static final BackfillOptions QUICK = new BackfillOptions(50, 50, 1_000, 0, 0, java.time.Duration.ofMillis(500), 20);

    /** Runs expand, turns writes on and backfills: the migration ends up backfilled. */
    static void backfilled(TestDatabase db, String id) throws Exception {
        setWrites(db, id, true);
        try (PhaseRun run = open(db, id, "backfill", new StringWriter())) {
            Expander.run(run);
            new Backfiller(run, QUICK, false).run();
        }
    }

    static ServerVersion server(TestDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return ServerVersion.of(c);
        }
    }

    static void exec(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    static long count(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String string(TestDatabase db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    static String phase(TestDatabase db, String id) throws SQLException {
        return string(db, "SELECT phase FROM colshift.migrations WHERE id = '" + id + "'");
    }
}
