package io.colshift.driver;

import io.colshift.embedded.junit.TestDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For driver tests that write a control schema by hand, as the CLI writes it, and watch drivers follow: changes in
 * one transaction, the version bump with its notification, waiting for a connection to follow, and result rows as
 * text to compare.
 */
final class ControlState {

    private ControlState() {
    }

    /** Runs {@code statements} in one transaction, as the CLI commits a state change. */
    static void admin(TestDatabase db, String... statements) throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                for (String sql : statements) {
                    st.execute(sql);
                }
            }
            c.commit();
        }
    }

    /** The statement that bumps {@code schema}'s state version and announces it, as every CLI step ends. */
    static String bumpVersion(String schema) {
        return "WITH v AS (UPDATE " + schema + ".state SET version = version + 1, changed_at = now() RETURNING version)"
                + " SELECT pg_notify('" + schema + "', version::text) FROM v";
    }

    /** Waits (at most 30 s) until {@code c} follows state {@code version}, and fails when it does not. */
    static void awaitVersion(Connection c, long version) throws Exception {
        ColshiftConnection colshift = c.unwrap(ColshiftConnection.class);
        for (int i = 0; i < 600 && colshift.stateVersion() < version; i++) {
            Thread.sleep(50);
        }
        assertThat(colshift.stateVersion()).isEqualTo(version);
    }

    /** Every row as {@code label=value,label=value}. */
    static List<String> rows(ResultSet rs) throws SQLException {
        List<String> rows = new ArrayList<>();
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= columns; i++) {
                row.append(i > 1 ? "," : "").append(rs.getMetaData().getColumnLabel(i)).append('=')
                        .append(rs.getString(i));
            }
            rows.add(row.toString());
        }
        return rows;
    }
}
