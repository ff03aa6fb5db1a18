package io.colshift.driver;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.state.ControlSchema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Adds {@code accounts.status} the way the {@code colshift} commands do, one step at a time: the DDL of the step
 * and the control-schema change in one transaction with the state version bumped and announced. Runs directly
 * on the server, as the CLI does, while applications go through the pooler.
 */
final class PooledMigration {

    static final String SCHEMA = ControlSchema.DEFAULT_NAME;

    /** The steps in order, each a name and the statements of its transaction. */
    record Step(String name, List<String> statements) {
    }

    static final List<Step> STEPS = List.of(
            new Step("declare", List.of("INSERT INTO " + SCHEMA + ".migrations (id, table_schema, table_name,"
                    + " column_name, column_type, default_expr, read_fallback, spec, phase) VALUES ('accounts-status',"
                    + " 'public', 'accounts', 'status', 'text', '''active''', '''active''', '{}', 'declared')")),
            new Step("expand", List.of("ALTER TABLE accounts ADD COLUMN status text",
                    phase("expanded"))),
            new Step("writes on", List.of("UPDATE " + SCHEMA + ".migrations SET writes_enabled = true")),
            new Step("backfill", List.of("UPDATE accounts SET status = 'active' WHERE status IS NULL",
                    phase("backfilled"))),
            new Step("contract", List.of("ALTER TABLE accounts ALTER COLUMN status SET DEFAULT 'active'",
                    "UPDATE accounts SET status = 'active' WHERE status IS NULL",
                    "ALTER TABLE accounts ALTER COLUMN status SET NOT NULL",
                    phase("contracted"))),
            new Step("complete", List.of("UPDATE " + SCHEMA + ".migrations SET phase = 'complete', archived = true")));

    private final TestDatabase db;

    PooledMigration(TestDatabase db) {
        this.db = db;
    }

    private static String phase(String phase) {
        return "UPDATE " + SCHEMA + ".migrations SET phase = '" + phase + "'";
    }

    /** Installs the control schema if needed and forgets earlier migrations; returns the state version. */
    long reset() throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (String ddl : ControlSchema.named(SCHEMA).ddl()) {
                st.execute(ddl);
            }
            st.execute("UPDATE " + SCHEMA + ".state SET lease_ms = 200");
        }
        return run(List.of("DELETE FROM " + SCHEMA + ".migrations"));
    }

    /** Runs one step; returns the new state version. */
    long run(Step step) throws SQLException {
        return run(step.statements());
    }

    /**
     * Runs the statements as one transaction, again when PostgreSQL chose it as a deadlock victim: its whole-table
     * UPDATEs take row locks in another order than the workload's transactions (the CLI's own backfill walks in
     * small batches and retries the same way).
     */
    private long run(List<String> statements) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                return runOnce(statements);
            } catch (SQLException e) {
                if (!"40P01".equals(e.getSQLState()) || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private long runOnce(List<String> statements) throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SET LOCAL lock_timeout = '5s'");
                for (String sql : statements) {
                    st.execute(sql);
                }
                st.execute("UPDATE " + SCHEMA + ".state SET version = version + 1, changed_at = now()");
                long version;
                try (var rs = st.executeQuery("SELECT version FROM " + SCHEMA + ".state")) {
                    rs.next();
                    version = rs.getLong(1);
                }
                st.execute("SELECT pg_notify('" + SCHEMA + "', '" + version + "')");
                c.commit();
                return version;
            }
        }
    }
}
