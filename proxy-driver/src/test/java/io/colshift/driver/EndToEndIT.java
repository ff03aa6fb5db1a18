package io.colshift.driver;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import io.colshift.state.ControlSchema;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static io.colshift.driver.ControlState.awaitVersion;
import static io.colshift.driver.ControlState.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The driver with the real state watcher and rewrite engine, through {@code jdbc:colshift:}: the control
 * schema is written here the way the CLI writes it (state version bumped and announced in the same
 * transaction as the change).
 */
@WithPostgres
class EndToEndIT {

    private static final String SCHEMA = "cs_e2e";

    private final TestDatabase db;

    EndToEndIT(TestDatabase db) {
        this.db = db;
    }

    private void admin(String... statements) throws SQLException {
        ControlState.admin(db, statements);
    }

    private static String bumpVersion() {
        return ControlState.bumpVersion(SCHEMA);
    }

    @Test
    void oldAndNewStatementsWorkAcrossDeclareAndExpand() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE users (id int PRIMARY KEY, name text)");
            st.execute("INSERT INTO users VALUES (1, 'ann')");
            for (String ddl : ControlSchema.named(SCHEMA).ddl()) {
                st.execute(ddl);
            }
        }
        admin("INSERT INTO " + SCHEMA + ".migrations (id, table_schema, table_name, column_name, column_type,"
                        + " default_expr, read_fallback, spec, phase) VALUES ('users-status', 'public', 'users', 'status',"
                        + " 'text', '''active''', '''active''', '{}', 'declared')",
                bumpVersion());

        Properties props = db.credentials();
        props.setProperty("colshift.controlSchema", SCHEMA);
        props.setProperty("colshift.pollMs", "200");
        try (Connection c = DriverManager.getConnection(db.colshiftUrl(), props)) {
            awaitVersion(c, 2);
            try (Statement st = c.createStatement()) {
                assertThat(rows(st.executeQuery("SELECT * FROM users ORDER BY id"))).containsExactly(
                        "id=1,name=ann,status=active");
            }
            PreparedStatement insert = c.prepareStatement("INSERT INTO users (id, name, status) VALUES (?, ?, ?)");
            insert.setInt(1, 2);
            insert.setString(2, "bob");
            insert.setString(3, "gone");
            assertThat(insert.executeUpdate()).isEqualTo(1);

            insert.setInt(1, 3);
            insert.setString(2, "cy");
            insert.setString(3, "away");
            admin("ALTER TABLE users ADD COLUMN status text",
                    "UPDATE " + SCHEMA + ".migrations SET phase = 'expanded', writes_enabled = true",
                    bumpVersion());
            awaitVersion(c, 3);
            assertThat(insert.executeUpdate()).as("prepared under declared, executed under expanded").isEqualTo(1);
            insert.close();

            try (PreparedStatement read = c.prepareStatement("SELECT id, status FROM users WHERE id >= ? ORDER BY id")) {
                read.setInt(1, 1);
                assertThat(rows(read.executeQuery())).containsExactly(
                        "id=1,status=active", "id=2,status=active", "id=3,status=away");
            }
            assertThat(c.unwrap(ColshiftConnection.class).statementsPassedUnchanged()).isZero();
        }
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            assertThat(rows(st.executeQuery("SELECT id, status FROM users ORDER BY id"))).containsExactly(
                    "id=1,status=null", "id=2,status=null", "id=3,status=away");
        }
    }
}
