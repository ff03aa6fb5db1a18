package io.colshift.driver;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import io.colshift.state.ControlSchema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static io.colshift.driver.ControlState.awaitVersion;
import static io.colshift.driver.ControlState.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Wrapped queries and statements colshift cannot rewrite, through {@code jdbc:colshift:} on a real server:
 * the query inside EXPLAIN, PREPARE, DECLARE … CURSOR, CREATE TABLE … AS and SELECT … INTO is rewritten; a
 * statement that touches the migrating column and cannot be rewritten never reads a wrong value silently.
 */
@WithPostgres
class UnrewritableStatementsIT {

    private static final java.util.concurrent.atomic.AtomicInteger TESTS = new java.util.concurrent.atomic.AtomicInteger();
    /** A control schema per test: each gets a state watcher (and counters) of its own. */
    private final String schema = "cs_unrw_" + TESTS.incrementAndGet();
    /** Valid PostgreSQL the rewriter does not handle: NATURAL JOIN next to the migrating table. */
    private static final String UNREWRITABLE = "SELECT u.status FROM users u NATURAL JOIN (SELECT 1 AS id) x";

    private final TestDatabase db;

    UnrewritableStatementsIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void declareUsersStatus() throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("DROP schema IF EXISTS " + schema + " CASCADE");
            st.execute("DROP TABLE IF EXISTS users, items, t_ctas, t_into CASCADE");
            st.execute("CREATE TABLE users (id int PRIMARY KEY, name text)");
            st.execute("INSERT INTO users VALUES (1, 'ann')");
            for (String ddl : ControlSchema.named(schema).ddl()) {
                st.execute(ddl);
            }
        }
        admin("INSERT INTO " + schema + ".migrations (id, table_schema, table_name, column_name, column_type,"
                + " default_expr, read_fallback, spec, phase) VALUES ('users-status', 'public', 'users', 'status',"
                + " 'text', '''active''', '''active''', '{}', 'declared')", bumpVersion());
    }

    private void expand() throws SQLException {
        admin("ALTER TABLE users ADD COLUMN status text",
                "UPDATE " + schema + ".migrations SET phase = 'expanded'", bumpVersion());
    }

    @Test
    void wrappedQueriesReadTheTargetSchemaInDeclared() throws Exception {
        try (Connection c = connect(""); Statement st = c.createStatement()) {
            awaitVersion(c, 2);
            assertThat(rows(st.executeQuery("EXPLAIN SELECT status FROM users"))).isNotEmpty();
            st.execute("PREPARE by_id (int) AS SELECT id, status FROM users WHERE id = $1");
            assertThat(rows(st.executeQuery("EXECUTE by_id(1)"))).containsExactly("id=1,status=active");
            c.setAutoCommit(false);
            st.execute("DECLARE cur NO SCROLL CURSOR FOR SELECT * FROM users");
            assertThat(rows(st.executeQuery("FETCH ALL FROM cur"))).containsExactly("id=1,name=ann,status=active");
            c.commit();
            c.setAutoCommit(true);
            st.execute("CREATE TABLE t_ctas AS SELECT id, status FROM users");
            st.execute("SELECT * INTO TEMP t_into FROM users ORDER BY id USING >");
            assertThat(rows(st.executeQuery("SELECT * FROM t_ctas"))).containsExactly("id=1,status=active");
            assertThat(rows(st.executeQuery("SELECT * FROM t_into"))).containsExactly("id=1,name=ann,status=active");
            // a cast of the column is named after the column, as in the target schema
            assertThat(rows(st.executeQuery("SELECT status::varchar(10) FROM users"))).containsExactly("status=active");
        }
    }

    @Test
    void statementPreparedWithSqlNeverRunsUnderALaterStateThanItWasRewrittenFor() throws Exception {
        try (Connection c = connect(""); Statement st = c.createStatement()) {
            awaitVersion(c, 2);
            st.execute("PREPARE by_id (int) AS SELECT id, status FROM users WHERE id = $1");
            assertThat(rows(st.executeQuery("EXECUTE by_id(1)"))).containsExactly("id=1,status=active");
            expand();
            admin("UPDATE users SET status = 'vip'");
            awaitVersion(c, 3);
            // the state change deallocates the connection's prepared statements: EXECUTE fails, it never reads the
            // fallback it was rewritten with in declared (which would hide 'vip')
            assertThatThrownBy(() -> st.executeQuery("EXECUTE by_id(1)")).isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("26000");
            st.execute("PREPARE by_id (int) AS SELECT id, status FROM users WHERE id = $1");
            assertThat(rows(st.executeQuery("EXECUTE by_id(1)"))).containsExactly("id=1,status=vip");
        }
    }

    @Test
    void viewOverTheMigratingColumnIsRefusedFromExpandedOnAndFailsByItselfInDeclared() throws Exception {
        try (Connection c = connect(""); Statement st = c.createStatement()) {
            awaitVersion(c, 2);
            assertThatThrownBy(() -> st.execute("CREATE VIEW v_status AS SELECT id, status FROM users"))
                    .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState())
                    .isEqualTo("42703");
            expand();
            awaitVersion(c, 3);
            assertThatThrownBy(() -> st.execute("CREATE VIEW v_status AS SELECT id, status FROM users"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("colshift").hasMessageContaining("users-status")
                    .hasMessageContaining("view").hasMessageContaining("colshift.unrewritable=pass")
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(UnrewritablePolicy.SQLSTATE_WRONG_READ);
            st.execute("CREATE VIEW v_names AS SELECT id, name FROM users");
        }
    }

    @Test
    void unrewritableReadFailsLoudlyInEveryPhaseByDefault() throws Exception {
        try (Connection c = connect(""); Statement st = c.createStatement()) {
            awaitVersion(c, 2);
            long refusedBefore = counters(c).get("unrewritable.users-status.refused");
            assertThatThrownBy(() -> st.executeQuery(UNREWRITABLE)).isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).as("the server's own error in declared")
                    .isEqualTo("42703");
            expand();
            awaitVersion(c, 3);
            assertThatThrownBy(() -> st.executeQuery(UNREWRITABLE)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("colshift refused").hasMessageContaining("'users-status'")
                    .hasMessageContaining("unsupported")
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(UnrewritablePolicy.SQLSTATE_WRONG_READ);
            try (var ps = c.prepareStatement(UNREWRITABLE)) {
                assertThatThrownBy(ps::executeQuery).isInstanceOf(SQLException.class)
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(UnrewritablePolicy.SQLSTATE_WRONG_READ);
            }
            assertThat(counters(c).get("unrewritable.users-status.refused") - refusedBefore).isEqualTo(2);
            assertThat(rows(st.executeQuery("SELECT id, name FROM users"))).containsExactly("id=1,name=ann");
        }
    }

    @Test
    void unrewritablePassSendsTheStatementAndCountsAPossibleWrongRead() throws Exception {
        expand();
        try (Connection c = connect("colshift.unrewritable=pass"); Statement st = c.createStatement()) {
            awaitVersion(c, 3);
            long passed = counters(c).get("unrewritable.users-status.passed");
            long wrong = counters(c).get("unrewritable.users-status.possibleWrongReads");
            assertThat(rows(st.executeQuery(UNREWRITABLE))).containsExactly("status=null");
            assertThat(counters(c).get("unrewritable.users-status.passed") - passed).isEqualTo(1);
            assertThat(counters(c).get("unrewritable.users-status.possibleWrongReads") - wrong).isEqualTo(1);
        }
    }

    @Test
    void statementPreparedBeforeItsTableMigratedFallsUnderThePolicyAtEveryExecution() throws Exception {
        admin("CREATE TABLE IF NOT EXISTS items (id int PRIMARY KEY, name text)", "TRUNCATE items",
                "INSERT INTO items VALUES (1, 'pen')");
        try (Connection passing = connect("colshift.unrewritable=pass"); Connection failing = connect("")) {
            awaitVersion(passing, 2);
            awaitVersion(failing, 2);
            String sql = "SELECT * FROM items WHERE id = ?";
            // no migration names the table yet: its parameters are not kept, it cannot be prepared again later
            java.sql.PreparedStatement passed = passing.prepareStatement(sql);
            java.sql.PreparedStatement refused = failing.prepareStatement(sql);
            admin("ALTER TABLE items ADD COLUMN flag text",
                    "INSERT INTO " + schema + ".migrations (id, table_schema, table_name, column_name, column_type,"
                            + " default_expr, read_fallback, spec, phase) VALUES ('items-flag', 'public', 'items',"
                            + " 'flag', 'text', '''on''', '''on''', '{}', 'expanded')", bumpVersion());
            awaitVersion(passing, 3);
            awaitVersion(failing, 3);
            long wrong = counters(passing).get("unrewritable.items-flag.possibleWrongReads");
            for (int i = 0; i < 3; i++) {
                passed.setInt(1, 1);
                assertThat(rows(passed.executeQuery())).containsExactly("id=1,name=pen,flag=null");
            }
            assertThat(counters(passing).get("unrewritable.items-flag.possibleWrongReads") - wrong).isEqualTo(3);
            for (int i = 0; i < 2; i++) {
                refused.setInt(1, 1);
                assertThatThrownBy(refused::executeQuery).isInstanceOf(SQLException.class)
                        .extracting(e -> ((SQLException) e).getSQLState())
                        .isEqualTo(UnrewritablePolicy.SQLSTATE_WRONG_READ);
            }
            assertThat(counters(failing).get("unrewritable.items-flag.refused")).isEqualTo(2);
        }
    }

    @Test
    void strictModeFailsEveryUnrewritableStatementAlreadyInDeclared() throws Exception {
        try (Connection c = connect("colshift.strict=true"); Statement st = c.createStatement()) {
            awaitVersion(c, 2);
            long refused = counters(c).get("unrewritable.users-status.refused");
            assertThatThrownBy(() -> st.executeQuery(UNREWRITABLE)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("strict mode").hasMessageContaining("'users-status'")
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(UnrewritablePolicy.SQLSTATE_STRICT);
            assertThatThrownBy(() -> st.execute("SELECT * FROM users NATURAL JOIN (SELECT 1 AS id) x"))
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo(UnrewritablePolicy.SQLSTATE_STRICT);
            // statements that do not touch the column, or mention the table only in a literal, run as written
            assertThat(rows(st.executeQuery("SELECT id, name FROM users NATURAL JOIN (SELECT 1 AS id) x")))
                    .containsExactly("id=1,name=ann");
            assertThat(rows(st.executeQuery("SELECT 'users'\n' status' AS label"))).containsExactly("label=users status");
            assertThat(rows(st.executeQuery("SELECT status FROM users"))).containsExactly("status=active");
            assertThat(counters(c).get("unrewritable.users-status.refused") - refused).isEqualTo(2);
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private Connection connect(String options) throws SQLException {
        Properties props = db.credentials();
        props.setProperty("colshift.controlSchema", schema);
        props.setProperty("colshift.pollMs", "100");
        for (String option : options.isEmpty() ? new String[0] : options.split("&")) {
            String[] kv = option.split("=", 2);
            props.setProperty(kv[0], kv[1]);
        }
        return DriverManager.getConnection(db.colshiftUrl(), props);
    }

    private static UnrewritableCounters counters(Connection c) {
        return ((ProxyConnection) c).seam.unrewritable;
    }

    private void admin(String... statements) throws SQLException {
        ControlState.admin(db, statements);
    }

    private String bumpVersion() {
        return ControlState.bumpVersion(schema);
    }
}
