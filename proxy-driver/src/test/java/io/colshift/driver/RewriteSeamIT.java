package io.colshift.driver;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import io.colshift.rewrite.Rewrite;
import io.colshift.rewrite.StatementRewriter;
import io.colshift.state.ColumnMigration;
import io.colshift.state.Phase;
import io.colshift.state.SnapshotSource;
import io.colshift.state.StateSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The proxies' side of the rewrite seam against a real database, with a hand-written rewriter and state
 * source standing in for the rewrite engine and the state watcher: parameter maps, dropped placeholders,
 * count-instead-of-update, and statements whose state changes between prepare and execute.
 */
@WithPostgres
class RewriteSeamIT {

    private static final ColumnMigration STATUS = new ColumnMigration("people-status", "public", "people", "status",
            "text", "'active'", Phase.DECLARED, false);
    private static final StateSnapshot DECLARED = snapshot(1, STATUS);
    private static final StateSnapshot EXPANDED = snapshot(2, STATUS.withPhase(Phase.EXPANDED).withWritesEnabled(true));

    private static final String INSERT = "INSERT INTO people (id, status, name) VALUES (?, ?, ?)";
    private static final String INSERT_WITHOUT_STATUS = "INSERT INTO people (id, name) VALUES (?, ?)";
    private static final String GATED_UPDATE = "UPDATE people SET status = ? WHERE id <= ?";
    private static final String COUNT_MATCHED = "SELECT count(*) FROM people WHERE id <= ?";

    private final TestDatabase db;
    private final AtomicReference<StateSnapshot> state = new AtomicReference<>(StateSnapshot.EMPTY);
    private final Map<String, Rewrite> rewrites = new ConcurrentHashMap<>();
    private final List<String> rewriterSaw = new ArrayList<>();

    RewriteSeamIT(TestDatabase db) {
        this.db = db;
    }

    private static StateSnapshot snapshot(long version, ColumnMigration migration) {
        return new StateSnapshot(version, List.of(migration), Map.of(), List.of("public"));
    }

    /** The test's rewriter: a fixed answer per (SQL, state version), everything else unchanged. */
    private final StatementRewriter rewriter = (sql, snapshot) -> {
        synchronized (rewriterSaw) {
            rewriterSaw.add(snapshot.version() + ":" + sql);
        }
        return rewrites.getOrDefault(snapshot.version() + ":" + sql, Rewrite.UNCHANGED);
    };

    private Connection connect() throws SQLException {
        SnapshotSource source = state::get;
        return ProxyFactory.CONNECTION.make(db.connect(), new RewriteSeam(source, rewriter));
    }

    @BeforeEach
    void declaredPhaseTable() throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS people, updates_seen CASCADE");
            st.execute("CREATE TABLE people (id int PRIMARY KEY, name text)");
            st.execute("CREATE TABLE updates_seen (n int)");
            st.execute("CREATE OR REPLACE FUNCTION count_update() RETURNS trigger LANGUAGE plpgsql AS"
                    + " 'BEGIN INSERT INTO updates_seen VALUES (1); RETURN NEW; END'");
            st.execute("CREATE TRIGGER people_updated BEFORE UPDATE ON people FOR EACH ROW EXECUTE FUNCTION count_update()");
        }
        rewrites.put("1:" + INSERT, Rewrite.rewritten(INSERT_WITHOUT_STATUS, new int[]{1, Rewrite.DROPPED, 2}));
        rewrites.put("1:" + GATED_UPDATE, Rewrite.countInsteadOfUpdate(COUNT_MATCHED, new int[]{Rewrite.DROPPED, 1}));
        state.set(DECLARED);
    }

    private List<String> people() throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM people ORDER BY id")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "," : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private int updatesSeen() throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM updates_seen")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void addStatusColumn() throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE people ADD COLUMN status text");
        }
    }

    @Test
    void stripsGatedPlaceholderAndRenumbersLaterParameters() throws Exception {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setInt(1, 1);
            ps.setString(2, "gone");
            ps.setString(3, "ann");
            assertThat(ps.executeUpdate()).isEqualTo(1);
            ps.setInt(1, 2);
            ps.setNull(2, java.sql.Types.VARCHAR);
            ps.setObject(3, "bob");
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        assertThat(people()).containsExactly("1,ann", "2,bob");
    }

    @Test
    void batchWithDroppedPlaceholdersBindsEveryRowThroughTheMap() throws Exception {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (int i = 1; i <= 3; i++) {
                ps.setInt(1, i);
                ps.setString(2, "s" + i);
                ps.setString(3, "n" + i);
                ps.addBatch();
            }
            assertThat(ps.executeBatch()).containsExactly(1, 1, 1);
            ps.setInt(1, 4);
            ps.addBatch(); // values stay set from the previous row, as JDBC says
            ps.setInt(1, 1);
            ps.addBatch(); // duplicate key
            assertThatThrownBy(ps::executeBatch).isInstanceOf(BatchUpdateException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("23505");
        }
        assertThat(people()).containsExactly("1,n1", "2,n2", "3,n3");
    }

    @Test
    void preparedStatementRunsUnderTheStateCurrentWhenItExecutes() throws Exception {
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            ps.setInt(1, 1);
            ps.setString(2, "early");
            ps.setString(3, "ann");
            ps.addBatch();
            ps.setInt(1, 2);
            ps.setString(3, "bob");
            // the column appears and writes open before the statement executes
            addStatusColumn();
            state.set(EXPANDED);
            ps.addBatch();
            assertThat(ps.executeBatch()).containsExactly(1, 1);

            ps.setInt(1, 3);
            ps.setString(2, "late");
            ps.setString(3, "cy");
            state.set(DECLARED); // e.g. a rollback: writes are gated again
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        assertThat(people()).containsExactly("1,ann,early", "2,bob,early", "3,cy,null");
    }

    @Test
    void reprepareKeepsStatementOptionsAndSettings() throws Exception {
        addStatusColumn();
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement(INSERT, Statement.RETURN_GENERATED_KEYS)) {
            ps.setQueryTimeout(7);
            ps.setMaxRows(3);
            ps.setFetchSize(11);
            ps.setInt(1, 10);
            ps.setString(2, "kept");
            ps.setString(3, "dee");
            state.set(EXPANDED);
            assertThat(ps.executeUpdate()).isEqualTo(1);
            assertThat(ps.getQueryTimeout()).isEqualTo(7);
            assertThat(ps.getMaxRows()).isEqualTo(3);
            assertThat(ps.getFetchSize()).isEqualTo(11);
            try (ResultSet keys = ps.getGeneratedKeys()) {
                assertThat(keys.next()).isTrue();
                assertThat(keys.getInt("id")).isEqualTo(10);
                assertThat(keys.getStatement()).isSameAs(ps);
            }
        }
        assertThat(people()).containsExactly("10,dee,kept");
    }

    @Test
    void gatedOnlyUpdateReportsMatchedRowsWithoutWriting() throws Exception {
        try (Connection c = connect()) {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO people VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd')");
            }
            try (PreparedStatement ps = c.prepareStatement(GATED_UPDATE)) {
                ps.setString(1, "x");
                ps.setInt(2, 3);
                assertThat(ps.executeUpdate()).isEqualTo(3);
                assertThat(ps.getUpdateCount()).isEqualTo(3);
                ps.setInt(2, 1);
                assertThat(ps.execute()).isFalse();
                assertThat(ps.getResultSet()).isNull();
                assertThat(ps.getUpdateCount()).isEqualTo(1);
                assertThat(ps.getMoreResults()).isFalse();
                assertThat(ps.getUpdateCount()).isEqualTo(-1);
                assertThat(ps.executeLargeUpdate()).isEqualTo(1L);
                for (int upTo : new int[]{4, 0, 2}) {
                    ps.setString(1, "y");
                    ps.setInt(2, upTo);
                    ps.addBatch();
                }
                assertThat(ps.executeBatch()).containsExactly(4, 0, 2);
                assertThatThrownBy(ps::executeQuery).isInstanceOf(SQLException.class)
                        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("02000");
            }
            rewrites.put("1:UPDATE people SET status = 'z' WHERE id > 1",
                    Rewrite.countInsteadOfUpdate("SELECT count(*) FROM people WHERE id > 1", null));
            try (Statement st = c.createStatement()) {
                assertThat(st.executeUpdate("UPDATE people SET status = 'z' WHERE id > 1")).isEqualTo(3);
                assertThat(st.execute("UPDATE people SET status = 'z' WHERE id > 1")).isFalse();
                assertThat(st.getUpdateCount()).isEqualTo(3);
                st.addBatch("INSERT INTO people VALUES (5, 'e')");
                st.addBatch("UPDATE people SET status = 'z' WHERE id > 1");
                st.addBatch("INSERT INTO people VALUES (6, 'f')");
                assertThat(st.executeBatch()).containsExactly(1, 5, 1);
            }
        }
        assertThat(updatesSeen()).as("no row was updated, no trigger fired").isZero();
        assertThat(people()).containsExactly("1,a", "2,b", "3,c", "4,d", "5,e", "6,f");
    }

    @Test
    void statementTextIsRewrittenForEveryEntryPoint() throws Exception {
        String read = "SELECT id, status FROM people ORDER BY id";
        String readRewritten = "SELECT id, CAST('active' AS text) AS status FROM people ORDER BY id";
        rewrites.put("1:" + read, Rewrite.rewritten(readRewritten, null));
        rewrites.put("1:INSERT INTO people (id, name, status) VALUES (7, 'g', 'on')",
                Rewrite.rewritten("INSERT INTO people (id, name) VALUES (7, 'g')", null));
        rewrites.put("1:{call no_such_proc()}", Rewrite.rewritten("{call pg_temp_noop()}", null));
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO people (id, name, status) VALUES (7, 'g', 'on')");
            try (ResultSet rs = st.executeQuery(read)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("status")).isEqualTo("active");
            }
            assertThat(c.nativeSQL(read)).isEqualTo(readRewritten);
            try (PreparedStatement ps = c.prepareStatement(read); ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(2)).isEqualTo("active");
            }
            assertThatThrownBy(() -> c.prepareCall("{call no_such_proc()}").execute())
                    .as("the call was rewritten, so the error names the rewritten procedure")
                    .hasMessageContaining("pg_temp_noop");
        }
        assertThat(rewriterSaw).contains("1:" + read, "1:{call no_such_proc()}");
    }

    @Test
    void withoutMigrationsTheRewriterIsNeverAskedAndTextIsTheSameString() throws Exception {
        state.set(StateSnapshot.EMPTY);
        try (Connection c = connect(); Statement st = c.createStatement()) {
            String sql = "SELECT 1";
            assertThat(c.nativeSQL(sql)).isEqualTo(sql);
            st.executeQuery(sql).close();
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                assertThat(((ProxyPreparedStatement) ps).parameters).as("no parameters kept").isNull();
            }
        }
        assertThat(rewriterSaw).isEmpty();
    }

    @Test
    void onlyStatementsNamingAMigratingTableKeepTheirParameters() throws Exception {
        try (Connection c = connect();
             PreparedStatement other = c.prepareStatement("SELECT count(*) FROM updates_seen WHERE n = ?");
             PreparedStatement mine = c.prepareStatement("SELECT name FROM PEOPLE WHERE id = ?")) {
            assertThat(((ProxyPreparedStatement) other).parameters).isNull();
            assertThat(((ProxyPreparedStatement) mine).parameters).isNotNull();
            other.setInt(1, 1);
            try (ResultSet rs = other.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    @Test
    void statementPreparedBeforeAnyMigrationFailsOpenAndIsCounted() throws Exception {
        addStatusColumn();
        state.set(StateSnapshot.EMPTY);
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(INSERT);
             PreparedStatement noParameters = c.prepareStatement("SELECT id, status FROM people WHERE id = 1")) {
            ColshiftConnection colshift = c.unwrap(ColshiftConnection.class);
            long before = colshift.statementsPassedUnchanged();
            ps.setInt(1, 1);
            ps.setString(2, "sent as written");
            ps.setString(3, "ann");
            rewrites.put("1:SELECT id, status FROM people WHERE id = 1",
                    Rewrite.rewritten("SELECT id, 'rewritten' AS status FROM people WHERE id = 1", null));
            state.set(DECLARED);
            assertThat(ps.executeUpdate()).isEqualTo(1);
            assertThat(colshift.statementsPassedUnchanged()).isEqualTo(before + 1);
            assertThat(colshift.stateVersion()).isEqualTo(1);
            try (ResultSet rs = noParameters.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("status")).as("no placeholders: prepared again for the new text")
                        .isEqualTo("rewritten");
            }
        }
        assertThat(people()).containsExactly("1,ann,sent as written");
    }

    @Test
    void statementPreparedBeforeAnyMigrationIsRefusedWhenItWouldReadTheExistingColumnUnchanged() throws Exception {
        addStatusColumn();
        state.set(StateSnapshot.EMPTY);
        String read = "SELECT id, status FROM people WHERE id = ?";
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(read)) {
            ps.setInt(1, 1);
            rewrites.put("2:" + read, Rewrite.rewritten("SELECT id, COALESCE(status, 'active') AS status FROM people"
                    + " WHERE id = ?", null));
            state.set(EXPANDED);
            org.assertj.core.api.Assertions.assertThatThrownBy(ps::executeQuery)
                    .isInstanceOf(java.sql.SQLException.class).hasMessageContaining("people-status")
                    .extracting(e -> ((java.sql.SQLException) e).getSQLState())
                    .isEqualTo(UnrewritablePolicy.SQLSTATE_WRONG_READ);
        }
    }

    @Test
    void aRewriterThatThrowsLetsTheStatementPassUnchangedAndIsCounted() throws Exception {
        StatementRewriter broken = (sql, snapshot) -> {
            throw new IllegalStateException("boom");
        };
        try (Connection c = ProxyFactory.CONNECTION.make(db.connect(), new RewriteSeam(state::get, broken));
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM people")) {
            assertThat(rs.next()).isTrue();
            assertThat(c.unwrap(ColshiftConnection.class).statementsPassedUnchanged()).isEqualTo(1);
        }
    }

    @Test
    void closedStatementIsNotPreparedAgainWhenTheStateMoves() throws Exception {
        try (Connection c = connect()) {
            PreparedStatement ps = c.prepareStatement(INSERT);
            ps.close();
            state.set(EXPANDED);
            assertThatThrownBy(ps::executeUpdate).isInstanceOf(SQLException.class)
                    .hasMessageContaining("closed");
        }
    }

    @Test
    void streamsAndObjectsBoundBeforeAStateChangeAreReplayedOnce() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE people ADD COLUMN photo bytea, ADD COLUMN bio text");
        }
        String insert = "INSERT INTO people (id, status, photo, bio, name) VALUES (?, ?, ?, ?, ?)";
        rewrites.put("1:" + insert, Rewrite.rewritten("INSERT INTO people (id, photo, bio, name) VALUES (?, ?, ?, ?)",
                new int[]{1, Rewrite.DROPPED, 2, 3, 4}));
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(insert)) {
            ps.setObject(1, 1, java.sql.Types.INTEGER);
            ps.setCharacterStream(2, new java.io.StringReader("dropped"));
            ps.setBinaryStream(3, new java.io.ByteArrayInputStream(new byte[]{1, 2, 3}), 3);
            ps.setCharacterStream(4, new java.io.StringReader("long text"), 9);
            ps.setObject(5, "ann", java.sql.Types.VARCHAR);
            addStatusColumn();
            state.set(EXPANDED); // the statement is prepared again and every value bound again
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT encode(photo, 'hex'), bio, name, status FROM people")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("010203");
            assertThat(rs.getString(2)).isEqualTo("long text");
            assertThat(rs.getString(3)).isEqualTo("ann");
            assertThat(rs.getString(4)).isEqualTo("dropped");
        }
    }

    @Test
    void clearedParametersStayClearedWhenTheStatementIsPreparedAgain() throws Exception {
        addStatusColumn();
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(INSERT);
             PreparedStatement raw = db.connect().prepareStatement(INSERT)) {
            ps.setInt(1, 1);
            ps.setString(2, "x");
            ps.setString(3, "ann");
            ps.clearParameters();
            state.set(EXPANDED);
            SQLException expected = org.assertj.core.api.Assertions.catchThrowableOfType(SQLException.class,
                    raw::executeUpdate);
            assertThatThrownBy(ps::executeUpdate).isInstanceOf(SQLException.class)
                    .hasMessage(expected.getMessage());
        }
        assertThat(people()).isEmpty();
    }
    @Test
    void valuesOfEveryCommonTypeBoundBeforeAStateChangeAreReplayedAsBound() throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE typed (status text, b boolean, i2 smallint, i4 int, i8 bigint, f4 real,"
                    + " f8 double precision, n numeric, s text, bin bytea, d date, t time, ts timestamp, o text,"
                    + " oas int, nul text, y smallint)");
        }
        String insert = "INSERT INTO typed (status, b, i2, i4, i8, f4, f8, n, s, bin, d, t, ts, o, oas, nul, y)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
        int[] keepAll = new int[17];
        for (int i = 0; i < keepAll.length; i++) {
            keepAll[i] = i + 1;
        }
        // version 1 runs the statement as written; version 2 prepares it again, so every value is replayed
        rewrites.put("1:" + insert, Rewrite.rewritten(insert + " ", keepAll));
        try (Connection c = connect(); PreparedStatement ps = c.prepareStatement(insert)) {
            ps.setString(1, "kept");
            ps.setBoolean(2, true);
            ps.setShort(3, (short) -7);
            ps.setInt(4, Integer.MIN_VALUE);
            ps.setLong(5, Long.MAX_VALUE);
            ps.setFloat(6, -1.5f);
            ps.setDouble(7, Math.PI);
            ps.setBigDecimal(8, new java.math.BigDecimal("12345678901234567890.123"));
            ps.setString(9, "text");
            ps.setBytes(10, new byte[]{(byte) 0xca, (byte) 0xfe});
            ps.setDate(11, java.sql.Date.valueOf("2026-11-22"));
            ps.setTime(12, java.sql.Time.valueOf("03:04:05"));
            ps.setTimestamp(13, java.sql.Timestamp.valueOf("2026-11-22 03:04:05.123456"));
            ps.setObject(14, "object");
            ps.setObject(15, "42", java.sql.Types.INTEGER);
            ps.setNull(16, java.sql.Types.VARCHAR);
            ps.setByte(17, (byte) -128);
            state.set(EXPANDED);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT status, b, i2, i4, i8, f4, f8, n::text, s, encode(bin, 'hex'),"
                     + " d::text, t::text, ts::text, o, oas, nul, y FROM typed")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("kept");
            assertThat(rs.getBoolean(2)).isTrue();
            assertThat(rs.getShort(3)).isEqualTo((short) -7);
            assertThat(rs.getInt(4)).isEqualTo(Integer.MIN_VALUE);
            assertThat(rs.getLong(5)).isEqualTo(Long.MAX_VALUE);
            assertThat(rs.getFloat(6)).isEqualTo(-1.5f);
            assertThat(rs.getDouble(7)).isEqualTo(Math.PI);
            assertThat(rs.getString(8)).isEqualTo("12345678901234567890.123");
            assertThat(rs.getString(9)).isEqualTo("text");
            assertThat(rs.getString(10)).isEqualTo("cafe");
            assertThat(rs.getString(11)).isEqualTo("2026-11-22");
            assertThat(rs.getString(12)).isEqualTo("03:04:05");
            assertThat(rs.getString(13)).isEqualTo("2026-11-22 03:04:05.123456");
            assertThat(rs.getString(14)).isEqualTo("object");
            assertThat(rs.getInt(15)).isEqualTo(42);
            assertThat(rs.getString(16)).isNull();
            assertThat(rs.getShort(17)).isEqualTo((short) -128);
            assertThat(rs.next()).isFalse();
        }
    }

    @Test
    void aClosedStatementsKeptValuesNeverReachTheConnectionsNextStatement() throws Exception {
        addStatusColumn();
        try (Connection c = connect()) {
            PreparedStatement first = c.prepareStatement(INSERT);
            first.setInt(1, 1);
            first.setString(2, "first");
            first.setString(3, "ann");
            first.close();
            try (PreparedStatement second = c.prepareStatement(INSERT)) {
                assertThatThrownBy(() -> first.setString(3, "intruder")).isInstanceOf(SQLException.class)
                        .hasMessageContaining("closed");
                second.setInt(1, 2);
                second.setString(3, "bob");
                // parameter 2 was never set on this statement: after the state change it is prepared again,
                // and must fail like any statement with a missing value, not borrow the closed one's value
                state.set(EXPANDED);
                assertThatThrownBy(second::executeUpdate).isInstanceOf(SQLException.class)
                        .hasMessageContaining("No value specified for parameter 2");
                second.setString(2, "second");
                assertThat(second.executeUpdate()).isEqualTo(1);
            }
        }
        assertThat(people()).containsExactly("2,bob,second");
    }
}
