package io.colshift.driver;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import io.colshift.state.ControlSchema;
import io.colshift.state.StateWatcher;
import io.colshift.state.StateWatchers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.PGStatement;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

import java.io.StringReader;
import java.io.StringWriter;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs each scenario once through pgjdbc directly and through {@code jdbc:colshift:} (no migration
 * active) against the same database, and requires identical observations: with nothing to rewrite,
 * nothing the application can see may change. colshift runs twice: once as usual (its watcher keeps the state
 * fresh), and once without a watcher and with a lease of a millisecond, so that nearly every statement first
 * reads the control schema over the application's own connection, in and out of transactions.
 */
@WithPostgres
class TransparencyIT {

    /** A control schema that exists, so that the refreshes before statements really read it. */
    private static final String INLINE_SCHEMA = "cs_transparency";
    private static final String INLINE_EVERY_STATEMENT = "colshift.controlSchema=" + INLINE_SCHEMA
            + "&colshift.watch=false&colshift.pollMs=1";

    private final TestDatabase db;

    TransparencyIT(TestDatabase db) {
        this.db = db;
    }

    @BeforeAll
    static void installControlSchema(TestDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            for (String ddl : ControlSchema.named(INLINE_SCHEMA).ddl()) {
                st.execute(ddl);
            }
        }
    }

    @FunctionalInterface
    interface Scenario {
        void run(Connection c, List<Object> seen) throws Exception;
    }

    private void assertTransparent(Scenario scenario) throws Exception {
        assertTransparent("", scenario);
    }

    /** {@code urlParameters}: extra query parameters for both URLs, e.g. {@code prepareThreshold=1}. */
    private void assertTransparent(String urlParameters, Scenario scenario) throws Exception {
        List<Object> raw = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(withParameters(db.jdbcUrl(), urlParameters), db.credentials())) {
            assertThat(c.isWrapperFor(ColshiftConnection.class)).isFalse();
            scenario.run(c, raw);
        }
        List<Object> colshift = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(withParameters(db.colshiftUrl(), urlParameters),
                db.credentials())) {
            assertThat(c.isWrapperFor(ColshiftConnection.class)).isTrue();
            scenario.run(c, colshift);
        }
        List<Object> inline = new ArrayList<>();
        String inlineParameters = urlParameters.isEmpty() ? INLINE_EVERY_STATEMENT
                : urlParameters + "&" + INLINE_EVERY_STATEMENT;
        long refreshesBefore = inline(StateWatcher::getInlineRefreshes);
        long failuresBefore = inline(StateWatcher::getInlineRefreshFailures);
        try (Connection c = DriverManager.getConnection(withParameters(db.colshiftUrl(), inlineParameters),
                db.credentials())) {
            scenario.run(c, inline);
        }
        assertThat(raw).as("the scenario must observe something").isNotEmpty();
        assertThat(colshift).containsExactlyElementsOf(raw);
        assertThat(inline).as("with a refresh before (nearly) every statement").containsExactlyElementsOf(raw);
        assertThat(inline(StateWatcher::getInlineRefreshes)).as("the state was read on the application's connection")
                .isGreaterThan(refreshesBefore);
        assertThat(inline(StateWatcher::getInlineRefreshFailures)).as("no refresh failed").isEqualTo(failuresBefore);
    }

    private static long inline(java.util.function.ToLongFunction<StateWatcher> counter) {
        return StateWatchers.watchers().stream().filter(w -> w.key().controlSchema().equals(INLINE_SCHEMA))
                .mapToLong(counter).sum();
    }

    static String withParameters(String url, String parameters) {
        if (parameters.isEmpty()) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + parameters;
    }

    private static void rows(ResultSet rs, List<Object> seen) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<Object> header = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            header.add(md.getColumnLabel(i) + ":" + md.getColumnTypeName(i) + ":" + md.getColumnType(i));
        }
        seen.add(header);
        while (rs.next()) {
            List<Object> row = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                Object value = rs.getObject(i);
                row.add(value instanceof byte[] bytes ? Arrays.toString(bytes) : String.valueOf(value));
                row.add(rs.wasNull());
            }
            seen.add(row);
        }
    }

    private static void error(SQLException e, List<Object> seen) {
        seen.add(e.getClass().getName() + "|" + e.getSQLState() + "|" + e.getMessage());
    }

    private static void fresh(Connection c, String ddl) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS t CASCADE");
            st.execute(ddl);
        }
    }

    @Test
    void queriesReturnTheSameRowsTypesAndLabels() throws Exception {
        assertTransparent((c, seen) -> {
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT 1 AS one, 2::bigint AS big, 3.25::numeric AS num, 'x'::text AS txt,"
                         + " true AS flag, NULL::int AS nothing, DATE '2024-02-29' AS d,"
                         + " TIMESTAMP '2024-01-02 03:04:05.123456' AS ts, '\\x0102ff'::bytea AS bin,"
                         + " '{\"a\": [1, 2]}'::jsonb AS doc, ARRAY[1, 2, 3] AS arr,"
                         + " 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS id")) {
                rows(rs, seen);
                seen.add(rs.getStatement() == st);
            }
            fresh(c, "CREATE TABLE t (id int PRIMARY KEY, name text)");
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                for (int i = 1; i <= 5; i++) {
                    ins.setInt(1, i);
                    ins.setString(2, i % 2 == 0 ? null : "n" + i);
                    seen.add(ins.executeUpdate());
                }
            }
            try (PreparedStatement q = c.prepareStatement("SELECT id, name FROM t WHERE id >= ? ORDER BY id")) {
                q.setInt(1, 2);
                try (ResultSet rs = q.executeQuery()) {
                    rows(rs, seen);
                    seen.add(rs.getStatement() == q);
                    seen.add(rs.isClosed());
                }
                seen.add(q.getMetaData().getColumnCount());
                seen.add(q.getParameterMetaData().getParameterCount());
            }
        });
    }

    @Test
    void updatesReportTheSameCounts() throws Exception {
        assertTransparent((c, seen) -> {
            fresh(c, "CREATE TABLE t (id int PRIMARY KEY, v int)");
            try (Statement st = c.createStatement()) {
                seen.add(st.executeUpdate("INSERT INTO t SELECT g, g FROM generate_series(1, 20) g"));
                seen.add(st.executeLargeUpdate("UPDATE t SET v = v + 1 WHERE id <= 7"));
                seen.add(st.execute("DELETE FROM t WHERE id > 15"));
                seen.add(st.getUpdateCount());
                seen.add(st.getMoreResults());
                seen.add(st.getUpdateCount());
                seen.add(st.execute("SELECT count(*) FROM t"));
                seen.add(st.getResultSet().getStatement() == st);
                seen.add(st.getUpdateCount());
                seen.add(st.execute("UPDATE t SET v = 0 WHERE id = 1; SELECT v FROM t WHERE id = 2"));
                seen.add(st.getUpdateCount());
                seen.add(st.getMoreResults());
                rows(st.getResultSet(), seen);
                seen.add(st.executeUpdate("CREATE INDEX ON t (v)"));
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE t SET v = ? WHERE id <= ?")) {
                ps.setInt(1, 42);
                ps.setInt(2, 3);
                seen.add(ps.executeUpdate());
                seen.add(ps.getUpdateCount());
                ps.setLong(2, 10);
                seen.add(ps.execute());
                seen.add(ps.getLargeUpdateCount());
                seen.add(ps.getResultSet() == null);
            }
        });
    }

    @Test
    void generatedKeysAreTheSameInBothForms() throws Exception {
        assertTransparent((c, seen) -> {
            fresh(c, "CREATE TABLE t (id serial PRIMARY KEY, name text, made timestamptz DEFAULT '2024-01-01Z')");
            try (Statement st = c.createStatement()) {
                seen.add(st.executeUpdate("INSERT INTO t (name) VALUES ('a'), ('b')", Statement.RETURN_GENERATED_KEYS));
                try (ResultSet keys = st.getGeneratedKeys()) {
                    rows(keys, seen);
                    seen.add(keys.getStatement() == st);
                    seen.add(keys.getStatement().getConnection() == c);
                }
                seen.add(st.execute("INSERT INTO t (name) VALUES ('c')", new String[]{"id"}));
                rows(st.getGeneratedKeys(), seen);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (name) VALUES (?)", new String[]{"id", "made"})) {
                ps.setString(1, "d");
                seen.add(ps.executeUpdate());
                ResultSet keys = ps.getGeneratedKeys();
                rows(keys, seen);
                seen.add(keys.getStatement() == ps);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (name) VALUES (?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                for (String name : List.of("e", "f")) {
                    ps.setString(1, name);
                    ps.addBatch();
                }
                seen.add(Arrays.toString(ps.executeBatch()));
                rows(ps.getGeneratedKeys(), seen);
            }
        });
    }

    @Test
    void batchesReportTheSameCountsAndFailures() throws Exception {
        assertTransparent((c, seen) -> {
            fresh(c, "CREATE TABLE t (id int PRIMARY KEY, v text)");
            try (Statement st = c.createStatement()) {
                st.addBatch("INSERT INTO t VALUES (1, 'a')");
                st.addBatch("INSERT INTO t VALUES (2, 'b'), (3, 'c')");
                st.addBatch("UPDATE t SET v = 'z'");
                seen.add(Arrays.toString(st.executeBatch()));
                seen.add(Arrays.toString(st.executeBatch()));
                st.addBatch("DELETE FROM t WHERE id = 3");
                st.clearBatch();
                seen.add(Arrays.toString(st.executeLargeBatch()));
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                for (int i = 10; i < 15; i++) {
                    ps.setInt(1, i);
                    ps.setString(2, "v" + i);
                    ps.addBatch();
                }
                seen.add(Arrays.toString(ps.executeBatch()));
                ps.setInt(1, 20);
                ps.addBatch();
                ps.setInt(1, 10); // duplicate key: the batch fails here
                ps.addBatch();
                ps.setInt(1, 21);
                ps.addBatch();
                try {
                    ps.executeBatch();
                    seen.add("no failure");
                } catch (BatchUpdateException e) {
                    error(e, seen);
                    seen.add(Arrays.toString(e.getUpdateCounts()));
                    error(e.getNextException(), seen);
                }
            }
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT * FROM t ORDER BY id")) {
                rows(rs, seen);
            }
        });
    }

    @Test
    void transactionsAndSavepointsBehaveTheSame() throws Exception {
        assertTransparent((c, seen) -> {
            fresh(c, "CREATE TABLE t (id int PRIMARY KEY)");
            c.setAutoCommit(false);
            seen.add(c.getAutoCommit());
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO t VALUES (1)");
                Savepoint first = c.setSavepoint();
                st.executeUpdate("INSERT INTO t VALUES (2)");
                Savepoint named = c.setSavepoint("named");
                seen.add(named.getSavepointName());
                st.executeUpdate("INSERT INTO t VALUES (3)");
                c.rollback(named);
                c.releaseSavepoint(first);
                c.commit();
                st.executeUpdate("INSERT INTO t VALUES (4)");
                c.rollback();
                try {
                    st.executeUpdate("INSERT INTO t VALUES (1)");
                } catch (SQLException e) {
                    error(e, seen);
                }
                try {
                    st.executeQuery("SELECT 1");
                } catch (SQLException e) {
                    error(e, seen); // current transaction is aborted
                }
                c.rollback();
                c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
                seen.add(c.getTransactionIsolation());
                c.setReadOnly(true);
                seen.add(c.isReadOnly());
                try {
                    st.executeUpdate("INSERT INTO t VALUES (9)");
                } catch (SQLException e) {
                    error(e, seen);
                }
                c.rollback();
                c.setReadOnly(false);
                c.setAutoCommit(true);
                rows(st.executeQuery("SELECT id FROM t ORDER BY id"), seen);
            }
        });
    }

    @Test
    void serverPreparedStatementsBehaveTheSame() throws Exception {
        assertTransparent("prepareThreshold=1", (c, seen) -> {
            fresh(c, "CREATE TABLE t (id int PRIMARY KEY, name text)");
            try (PreparedStatement ins = c.prepareStatement("INSERT INTO t VALUES (?, ?)");
                 PreparedStatement q = c.prepareStatement("SELECT name FROM t WHERE id = ?")) {
                for (int i = 1; i <= 5; i++) {
                    ins.setInt(1, i);
                    ins.setString(2, "name" + i);
                    seen.add(ins.executeUpdate());
                    q.setInt(1, i);
                    try (ResultSet rs = q.executeQuery()) {
                        rows(rs, seen);
                    }
                }
                seen.add(q.unwrap(PGStatement.class).isUseServerPrepare());
                seen.add(q.unwrap(PGStatement.class).getPrepareThreshold());
            }
        });
    }

    @Test
    void fetchSizeCursorsAndScrollingBehaveTheSame() throws Exception {
        assertTransparent((c, seen) -> {
            c.setAutoCommit(false); // pgjdbc only uses a cursor for fetch size inside a transaction
            try (Statement st = c.createStatement()) {
                st.setFetchSize(7);
                seen.add(st.getFetchSize());
                try (ResultSet rs = st.executeQuery("SELECT g FROM generate_series(1, 100) g")) {
                    seen.add(rs.getFetchSize());
                    long sum = 0;
                    while (rs.next()) {
                        sum += rs.getLong(1);
                    }
                    seen.add(sum);
                }
            }
            try (Statement st = c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY,
                    ResultSet.HOLD_CURSORS_OVER_COMMIT);
                 ResultSet rs = st.executeQuery("SELECT g FROM generate_series(1, 10) g")) {
                seen.add(rs.getType());
                seen.add(rs.getConcurrency());
                seen.add(st.getResultSetHoldability());
                seen.add(rs.last());
                seen.add(rs.getRow());
                seen.add(rs.absolute(3));
                seen.add(rs.getInt(1));
                seen.add(rs.previous());
                seen.add(rs.getInt(1));
                rs.beforeFirst();
                seen.add(rs.isBeforeFirst());
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT g FROM generate_series(1, ?) g")) {
                ps.setFetchSize(3);
                ps.setMaxRows(5);
                ps.setInt(1, 50);
                try (ResultSet rs = ps.executeQuery()) {
                    rows(rs, seen);
                }
            }
            c.commit();
            c.setAutoCommit(true);
        });
    }

    @Test
    void databaseMetaDataAnswersTheSame() throws Exception {
        assertTransparent((c, seen) -> {
            fresh(c, "CREATE TABLE t (id int PRIMARY KEY, name text NOT NULL, score numeric(5,2))");
            DatabaseMetaData md = c.getMetaData();
            seen.add(md.getConnection() == c);
            seen.add(md.getDatabaseProductName());
            seen.add(md.getDatabaseMajorVersion());
            seen.add(md.getDriverName());
            seen.add(md.getURL());
            seen.add(md.getUserName());
            seen.add(md.supportsBatchUpdates());
            seen.add(md.supportsSavepoints());
            seen.add(md.supportsGetGeneratedKeys());
            seen.add(md.getIdentifierQuoteString());
            try (ResultSet rs = md.getTables(null, "public", "t", new String[]{"TABLE"})) {
                seen.add(rs.next());
                seen.add(rs.getString("TABLE_NAME"));
                seen.add(rs.getStatement() == null || rs.getStatement().getConnection() == c);
            }
            try (ResultSet rs = md.getColumns(null, "public", "t", null)) {
                while (rs.next()) {
                    seen.add(rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME") + " "
                            + rs.getInt("DATA_TYPE") + " " + rs.getInt("NULLABLE"));
                }
            }
            try (ResultSet rs = md.getPrimaryKeys(null, "public", "t")) {
                rs.next();
                seen.add(rs.getString("COLUMN_NAME"));
            }
            try (ResultSet rs = md.getTypeInfo()) {
                int n = 0;
                while (rs.next()) {
                    n++;
                }
                seen.add(n > 10);
            }
        });
    }

    @Test
    void warningsAreTheSame() throws Exception {
        assertTransparent((c, seen) -> {
            try (Statement st = c.createStatement()) {
                st.execute("DO $$ BEGIN RAISE WARNING 'careful: %', 42; END $$");
                SQLWarning w = st.getWarnings();
                seen.add(w.getMessage() + "|" + w.getSQLState());
                st.clearWarnings();
                seen.add(st.getWarnings() == null);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM (SELECT 1) x WHERE ? = 1")) {
                ps.setInt(1, 1);
                ps.executeQuery().close();
                seen.add(ps.getWarnings() == null);
            }
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            seen.add(c.getWarnings() == null);
        });
    }

    @Test
    void errorsCarryTheSameSqlStateAndMessage() throws Exception {
        assertTransparent((c, seen) -> {
            fresh(c, "CREATE TABLE t (id int PRIMARY KEY)");
            try (Statement st = c.createStatement()) {
                for (String sql : List.of("SELEC 1", "SELECT * FROM no_such_table", "SELECT 1 / 0",
                        "INSERT INTO t VALUES (1), (1)", "SELECT no_such_column FROM t", "")) {
                    try {
                        st.execute(sql);
                        seen.add("ok: " + sql);
                    } catch (SQLException e) {
                        error(e, seen);
                    }
                }
                try {
                    st.executeQuery("INSERT INTO t VALUES (5)");
                } catch (SQLException e) {
                    error(e, seen);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT ?::int")) {
                try {
                    ps.setInt(2, 1);
                } catch (SQLException e) {
                    error(e, seen);
                }
                try {
                    ps.executeQuery();
                } catch (SQLException e) {
                    error(e, seen);
                }
                ps.setString(1, "not a number");
                try {
                    ps.executeQuery();
                } catch (SQLException e) {
                    error(e, seen);
                }
                try {
                    ps.executeQuery("SELECT 1");
                } catch (SQLException e) {
                    error(e, seen);
                }
            }
        });
    }

    @Test
    void queryTimeoutCancelsTheSame() throws Exception {
        assertTransparent((c, seen) -> {
            try (Statement st = c.createStatement()) {
                st.setQueryTimeout(1);
                seen.add(st.getQueryTimeout());
                try {
                    st.execute("SELECT pg_sleep(5)");
                    seen.add("not cancelled");
                } catch (SQLException e) {
                    error(e, seen);
                }
                rows(st.executeQuery("SELECT 'still usable'"), seen);
            }
        });
    }

    @Test
    void listenNotifyWorksThroughUnwrap() throws Exception {
        assertTransparent((c, seen) -> {
            PGConnection pg = c.unwrap(PGConnection.class);
            seen.add(c.isWrapperFor(PGConnection.class));
            try (Statement st = c.createStatement()) {
                st.execute("LISTEN colshift_test");
                st.execute("NOTIFY colshift_test, 'hello'");
                st.execute("SELECT pg_notify('colshift_test', 'again')");
            }
            PGNotification[] notifications = pg.getNotifications(5000);
            for (PGNotification n : notifications) {
                seen.add(n.getName() + ":" + n.getParameter());
            }
            try (Statement st = c.createStatement()) {
                st.execute("UNLISTEN colshift_test");
            }
        });
    }

    @Test
    void copyInAndOutWorkThroughUnwrap() throws Exception {
        assertTransparent((c, seen) -> {
            fresh(c, "CREATE TABLE t (id int, name text)");
            CopyManager viaBase = new CopyManager(c.unwrap(BaseConnection.class));
            seen.add(viaBase.copyIn("COPY t FROM STDIN (FORMAT csv)", new StringReader("1,one\n2,two\n3,\"th,ree\"\n")));
            CopyManager viaApi = c.unwrap(PGConnection.class).getCopyAPI();
            StringWriter out = new StringWriter();
            seen.add(viaApi.copyOut("COPY (SELECT * FROM t ORDER BY id) TO STDOUT (FORMAT csv)", out));
            seen.add(out.toString());
            try (Statement st = c.createStatement()) {
                try {
                    st.execute("COPY t FROM STDIN");
                } catch (SQLException e) {
                    error(e, seen);
                }
            }
        });
    }

    @Test
    void connectionPropertiesReadTheSame() throws Exception {
        assertTransparent((c, seen) -> {
            seen.add(c.getSchema());
            seen.add(c.getCatalog());
            seen.add(c.getHoldability());
            seen.add(c.getTransactionIsolation());
            seen.add(c.isValid(5));
            seen.add(c.getClientInfo("ApplicationName"));
            c.setClientInfo("ApplicationName", "colshift-test");
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT current_setting('application_name')")) {
                rows(rs, seen);
            }
            seen.add(c.nativeSQL("SELECT {fn abs(-1)}"));
            seen.add(c.createArrayOf("int4", new Object[]{1, 2}).toString());
            seen.add(c.getTypeMap().isEmpty());
            try (Statement st = c.createStatement()) {
                seen.add(st.getConnection() == c);
                seen.add(st.enquoteLiteral("it's"));
                seen.add(st.enquoteIdentifier("Mixed", false));
                seen.add(st.getResultSetType());
                seen.add(st.getMaxRows());
                st.close();
                st.close();
                seen.add(st.isClosed());
                try {
                    st.executeQuery("SELECT 1");
                } catch (SQLException e) {
                    error(e, seen);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT ?")) {
                ps.setNull(1, Types.INTEGER);
                try (ResultSet rs = ps.executeQuery()) {
                    rows(rs, seen);
                    rs.close();
                    rs.close();
                    seen.add(rs.isClosed());
                    try {
                        rs.next();
                    } catch (SQLException e) {
                        error(e, seen);
                    }
                }
            }
        });
    }
}
