package io.colshift.state;

import io.colshift.embedded.junit.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates a control schema and changes it the way the CLI's writer does (change, bump version, NOTIFY, one
 * transaction). The CLI itself lives in another module; its own tests drive watchers through the real commands.
 */
final class ControlState {

    private final TestDatabase db;
    final ControlSchema schema;

    ControlState(TestDatabase db, String name) throws SQLException {
        this.db = db;
        this.schema = ControlSchema.named(name);
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (String ddl : schema.ddl()) {
                st.execute(ddl);
            }
        }
    }

    /** Runs {@code sql} (with {@code %s} for the schema name) and publishes a new version; returns it. */
    long change(String sql) throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute(sql.replace("%s", schema.name()));
                long version;
                try (ResultSet rs = st.executeQuery("UPDATE " + schema.table("state")
                        + " SET version = version + 1 RETURNING version")) {
                    rs.next();
                    version = rs.getLong(1);
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
                    ps.setString(1, schema.channel());
                    ps.setString(2, Long.toString(version));
                    ps.execute();
                }
                c.commit();
                return version;
            }
        }
    }

    long declare(String id, String table, String column, String type, String fallback) throws SQLException {
        return change("INSERT INTO %s.migrations (id, table_schema, table_name, column_name, column_type, read_fallback,"
                + " spec, phase) VALUES ('" + id + "', 'public', '" + table + "', '" + column + "', '" + type + "', '"
                + fallback.replace("'", "''") + "', '{}', 'declared')");
    }
}
