package io.colshift.bench;

import io.colshift.state.ControlSchema;
import io.colshift.state.ControlSchemaWriter;
import io.colshift.state.Phase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Puts the benchmark database into the {@link Stage#MIGRATING} state the way the CLI would: migration
 * {@value #ID} (adds {@code bench_users.status text DEFAULT 'active'}) is declared, the column added,
 * the write flag turned on and the phase moved to {@code backfilling}, each step through
 * {@link ControlSchemaWriter} so that every colshift driver hears of it. No row is backfilled, so
 * every read of {@code status} depends on colshift's {@code COALESCE}.
 */
public final class BackfillingMigration {

    public static final String ID = "bench-users-status";
    public static final String FALLBACK_VALUE = "active";

    private BackfillingMigration() {
    }

    public static void activate(BenchTarget target) throws SQLException {
        try (Connection c = DriverManager.getConnection(target.rawUrl(), target.user(), target.password())) {
            ControlSchemaWriter writer = new ControlSchemaWriter(c, ControlSchema.named(ControlSchema.DEFAULT_NAME),
                    "benchmarks");
            writer.init();
            writer.record(ID, "phase", null, Phase.DECLARED.label(), "benchmark set-up", BackfillingMigration::declare);
            try (Statement st = c.createStatement()) {
                st.execute("SET lock_timeout = '5s'");
                st.execute("ALTER TABLE public.bench_users ADD COLUMN IF NOT EXISTS status text");
                st.execute("RESET lock_timeout");
            }
            writer.transition(ID, Phase.DECLARED, Phase.EXPANDED, "benchmark set-up: column added");
            writer.setWriteFlag(ID, true, "benchmark set-up");
            writer.transition(ID, Phase.EXPANDED, Phase.BACKFILLING, "benchmark set-up: nothing is backfilled");
        }
    }

    private static void declare(Connection c) throws SQLException {
        String spec = "{\"id\": \"" + ID + "\", \"table\": \"public.bench_users\", \"column\": \"status\", "
                + "\"type\": \"text\", \"default\": \"'" + FALLBACK_VALUE + "'\"}";
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + ControlSchema.DEFAULT_NAME + ".migrations "
                + "(id, table_schema, table_name, column_name, column_type, default_expr, backfill_expr, read_fallback, "
                + "spec, phase) VALUES (?, 'public', 'bench_users', 'status', 'text', ?, NULL, ?, ?::jsonb, ?)")) {
            ps.setString(1, ID);
            ps.setString(2, "'" + FALLBACK_VALUE + "'");
            ps.setString(3, "'" + FALLBACK_VALUE + "'");
            ps.setString(4, spec);
            ps.setString(5, Phase.DECLARED.label());
            ps.executeUpdate();
        }
    }
}
