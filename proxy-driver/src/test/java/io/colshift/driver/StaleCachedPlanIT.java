package io.colshift.driver;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import io.colshift.rewrite.StatementRewriter;
import io.colshift.state.StateSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGStatement;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * "cached plan must not change result type" (SQLState 0A000): a server-prepared {@code SELECT *}
 * ({@code prepareThreshold=1}) executed again after {@code ALTER TABLE … ADD COLUMN}.
 */
@WithPostgres
class StaleCachedPlanIT {

    private static final String SELECT_ALL = "SELECT * FROM plans WHERE id = ?";

    private final TestDatabase db;

    StaleCachedPlanIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeEach
    void table() throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS plans");
            st.execute("CREATE TABLE plans (id int PRIMARY KEY, name text)");
            st.execute("INSERT INTO plans VALUES (1, 'one')");
        }
    }

    private Connection open(String url) throws SQLException {
        return DriverManager.getConnection(TransparencyIT.withParameters(url, "prepareThreshold=1"), db.credentials());
    }

    private static void warmUp(PreparedStatement ps) throws SQLException {
        for (int i = 0; i < 3; i++) {
            assertThat(columnsSeen(ps)).isEqualTo(2);
        }
        assertThat(ps.unwrap(PGStatement.class).isUseServerPrepare()).isTrue();
    }

    private static int columnsSeen(PreparedStatement ps) throws SQLException {
        ps.setInt(1, 1);
        try (ResultSet rs = ps.executeQuery()) {
            assertThat(rs.next()).isTrue();
            return rs.getMetaData().getColumnCount();
        }
    }

    private void addColumn() throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE plans ADD COLUMN status text DEFAULT 'new'");
        }
    }

    private static void openTransaction(Connection c) throws SQLException {
        c.setAutoCommit(false);
        try (Statement st = c.createStatement()) {
            st.execute("SELECT 1"); // the transaction is open but holds no lock on the table
        }
    }

    @Test
    void outsideATransactionTheStatementIsExecutedAgainAndSeesTheNewColumn() throws Exception {
        for (String url : List.of(db.jdbcUrl(), db.colshiftUrl())) {
            table();
            try (Connection c = open(url); PreparedStatement ps = c.prepareStatement(SELECT_ALL)) {
                warmUp(ps);
                addColumn();
                assertThat(columnsSeen(ps)).as(url).isEqualTo(3);
                assertThat(ps.execute()).isTrue();
                assertThat(ps.getResultSet().getMetaData().getColumnCount()).isEqualTo(3);
            }
        }
    }

    @Test
    void insideATransactionPgjdbcAloneFailsTheTransaction() throws Exception {
        try (Connection c = open(db.jdbcUrl()); PreparedStatement ps = c.prepareStatement(SELECT_ALL)) {
            warmUp(ps);
            openTransaction(c);
            addColumn();
            assertThatThrownBy(() -> columnsSeen(ps)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("cached plan must not change result type")
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("0A000");
            c.rollback();
        }
    }

    @Test
    void insideATransactionANewStateVersionDropsCachedPlansFirst() throws Exception {
        AtomicReference<StateSnapshot> state = new AtomicReference<>(StateSnapshot.EMPTY);
        RewriteSeam seam = new RewriteSeam(state::get, StatementRewriter.IDENTITY);
        try (Connection c = ProxyFactory.CONNECTION.make(open(db.jdbcUrl()), seam);
             PreparedStatement ps = c.prepareStatement(SELECT_ALL)) {
            warmUp(ps);
            openTransaction(c);
            addColumn(); // what `colshift expand` does, together with a new state version
            state.set(new StateSnapshot(1, List.of(), Map.of(), List.of("public")));
            assertThat(columnsSeen(ps)).isEqualTo(3);
            c.commit();
            assertThat(columnsSeen(ps)).isEqualTo(3);
        }
    }

    @Test
    void aCursorOpenWhileTheStateMovesKeepsFetching() throws Exception {
        AtomicReference<StateSnapshot> state = new AtomicReference<>(StateSnapshot.EMPTY);
        RewriteSeam seam = new RewriteSeam(state::get, StatementRewriter.IDENTITY);
        try (Connection c = ProxyFactory.CONNECTION.make(open(db.jdbcUrl()), seam)) {
            c.setAutoCommit(false);
            try (PreparedStatement cursor = c.prepareStatement("SELECT g FROM generate_series(1, 10) g");
                 PreparedStatement other = c.prepareStatement(SELECT_ALL)) {
                cursor.setFetchSize(2);
                int sum = 0;
                try (ResultSet rs = cursor.executeQuery()) {
                    for (int i = 0; i < 3 && rs.next(); i++) {
                        sum += rs.getInt(1);
                    }
                    state.set(new StateSnapshot(1, List.of(), Map.of(), List.of("public")));
                    assertThat(columnsSeen(other)).isEqualTo(2); // a statement between fetches
                    while (rs.next()) {
                        sum += rs.getInt(1);
                    }
                }
                assertThat(sum).isEqualTo(55);
            }
            c.commit();
        }
    }

    @Test
    void theResetNeverStartsATransactionOnTheApplicationsBehalf() throws Exception {
        AtomicReference<StateSnapshot> state = new AtomicReference<>(StateSnapshot.EMPTY);
        RewriteSeam seam = new RewriteSeam(state::get, StatementRewriter.IDENTITY);
        try (Connection c = ProxyFactory.CONNECTION.make(open(db.jdbcUrl()), seam); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            state.set(new StateSnapshot(1, List.of(), Map.of(), List.of("public")));
            st.execute("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE"); // must be the transaction's first statement
            try (ResultSet rs = st.executeQuery("SHOW transaction_isolation")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("serializable");
            }
            c.commit();
            assertThat(c.getAutoCommit()).isFalse();
        }
    }
}
