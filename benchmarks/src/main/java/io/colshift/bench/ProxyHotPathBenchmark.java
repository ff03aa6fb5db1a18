package io.colshift.bench;

import io.colshift.driver.ColshiftDriver;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.Date;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The cost colshift's proxies add to one {@code executeQuery} when nothing is rewritten, without a network
 * or a database in the way: the "real" driver is an in-memory stand-in whose statements hand back a
 * ready-made one-row result set, so the difference between the {@code raw*} and {@code colshift*} methods is
 * the proxy hot path alone (state read, seam, delegation, result-set proxy).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ProxyHotPathBenchmark -prof gc}; compare
 * {@code avgt} (ns/op) and {@code gc.alloc.rate.norm} (bytes/op) of each raw/colshift pair.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ProxyHotPathBenchmark {

    private static final String QUERY = "SELECT v FROM t WHERE id = ?";
    private static final String LITERAL_QUERY = "SELECT v FROM t WHERE id = 42";

    private Connection raw;
    private Connection colshift;
    private PreparedStatement rawPrepared;
    private PreparedStatement colshiftPrepared;
    private Statement rawStatement;
    private Statement colshiftStatement;

    @Setup(Level.Trial)
    public void connect() throws SQLException {
        StandInDriver.register();
        raw = DriverManager.getConnection(StandInDriver.URL);
        colshift = DriverManager.getConnection("jdbc:colshift:" + StandInDriver.URL.substring("jdbc:".length()));
        if (!colshift.isWrapperFor(io.colshift.driver.ColshiftConnection.class)) {
            throw new IllegalStateException("not connected through colshift: " + colshift);
        }
        rawPrepared = raw.prepareStatement(QUERY);
        colshiftPrepared = colshift.prepareStatement(QUERY);
        rawStatement = raw.createStatement();
        colshiftStatement = colshift.createStatement();
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        raw.close();
        colshift.close();
    }

    private static int queryPrepared(PreparedStatement ps) throws SQLException {
        ps.setInt(1, 42);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : -1;
        }
    }

    private static int queryText(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery(LITERAL_QUERY)) {
            return rs.next() ? rs.getInt(1) : -1;
        }
    }

    private static int prepareQueryClose(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(QUERY)) {
            return queryPrepared(ps);
        }
    }

    @Benchmark
    public int rawPreparedExecuteQuery() throws SQLException {
        return queryPrepared(rawPrepared);
    }

    @Benchmark
    public int colshiftPreparedExecuteQuery() throws SQLException {
        return queryPrepared(colshiftPrepared);
    }

    @Benchmark
    public int rawStatementExecuteQuery() throws SQLException {
        return queryText(rawStatement);
    }

    @Benchmark
    public int colshiftStatementExecuteQuery() throws SQLException {
        return queryText(colshiftStatement);
    }

    /** Prepare per use, as ORMs do: includes the one proxy object a prepare costs. */
    @Benchmark
    public int rawPrepareExecuteClose() throws SQLException {
        return prepareQueryClose(raw);
    }

    @Benchmark
    public int colshiftPrepareExecuteClose() throws SQLException {
        return prepareQueryClose(colshift);
    }

    // ---- in-memory stand-ins for a JDBC driver: everything the benchmark does not call is unsupported ----

    private static SQLException unsupported() {
        return new SQLFeatureNotSupportedException("not part of the stand-in");
    }

    /** Answers {@code jdbc:standin:} URLs; registered once per JVM. */
    public static final class StandInDriver implements Driver {
        static final String URL = "jdbc:standin:bench";
        private static boolean registered;

        static synchronized void register() throws SQLException {
            if (!registered) {
                DriverManager.registerDriver(new StandInDriver());
                ColshiftDriver.class.getName(); // make sure colshift is registered too
                registered = true;
            }
        }

        @Override public Connection connect(String url, Properties info) {
            return acceptsURL(url) ? new StandInConnection() : null;
        }
        @Override public boolean acceptsURL(String url) { return url != null && url.startsWith("jdbc:standin:"); }
        @Override public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) { return new DriverPropertyInfo[0]; }
        @Override public int getMajorVersion() { return 1; }
        @Override public int getMinorVersion() { return 0; }
        @Override public boolean jdbcCompliant() { return false; }
        @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException { throw new SQLFeatureNotSupportedException(); }
    }

    /** A connection whose statements answer every query with one row holding {@code 42}. */
    static final class StandInConnection implements Connection {
        private boolean closed;

        @Override public PreparedStatement prepareStatement(String sql) { return new StandInStatement(this); }
        @Override public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) { return new StandInStatement(this); }
        @Override public PreparedStatement prepareStatement(String sql, int[] columnIndexes) { return new StandInStatement(this); }
        @Override public PreparedStatement prepareStatement(String sql, String[] columnNames) { return new StandInStatement(this); }
        @Override public PreparedStatement prepareStatement(String sql, int type, int concurrency) { return new StandInStatement(this); }
        @Override public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability) { return new StandInStatement(this); }
        @Override public Statement createStatement() { return new StandInStatement(this); }
        @Override public Statement createStatement(int type, int concurrency) { return new StandInStatement(this); }
        @Override public Statement createStatement(int type, int concurrency, int holdability) { return new StandInStatement(this); }
        @Override public void close() { closed = true; }
        @Override public boolean isClosed() { return closed; }
        @Override public <T> T unwrap(Class<T> iface) throws SQLException {
            if (iface.isInstance(this)) {
                return iface.cast(this);
            }
            throw unsupported();
        }
        @Override public boolean isWrapperFor(Class<?> iface) { return iface.isInstance(this); }
        @Override public void abort(Executor a0) throws SQLException { throw unsupported(); }
        @Override public void clearWarnings() throws SQLException { throw unsupported(); }
        @Override public void commit() throws SQLException { throw unsupported(); }
        @Override public Array createArrayOf(String a0, Object[] a1) throws SQLException { throw unsupported(); }
        @Override public Blob createBlob() throws SQLException { throw unsupported(); }
        @Override public Clob createClob() throws SQLException { throw unsupported(); }
        @Override public NClob createNClob() throws SQLException { throw unsupported(); }
        @Override public SQLXML createSQLXML() throws SQLException { throw unsupported(); }
        @Override public Struct createStruct(String a0, Object[] a1) throws SQLException { throw unsupported(); }
        @Override public boolean getAutoCommit() throws SQLException { throw unsupported(); }
        @Override public String getCatalog() throws SQLException { throw unsupported(); }
        @Override public Properties getClientInfo() throws SQLException { throw unsupported(); }
        @Override public String getClientInfo(String a0) throws SQLException { throw unsupported(); }
        @Override public int getHoldability() throws SQLException { throw unsupported(); }
        @Override public DatabaseMetaData getMetaData() throws SQLException { throw unsupported(); }
        @Override public int getNetworkTimeout() throws SQLException { throw unsupported(); }
        @Override public String getSchema() throws SQLException { throw unsupported(); }
        @Override public int getTransactionIsolation() throws SQLException { throw unsupported(); }
        @Override public Map<String, Class<?>> getTypeMap() throws SQLException { throw unsupported(); }
        @Override public SQLWarning getWarnings() throws SQLException { throw unsupported(); }
        @Override public boolean isReadOnly() throws SQLException { throw unsupported(); }
        @Override public boolean isValid(int a0) throws SQLException { throw unsupported(); }
        @Override public String nativeSQL(String a0) throws SQLException { throw unsupported(); }
        @Override public CallableStatement prepareCall(String a0) throws SQLException { throw unsupported(); }
        @Override public CallableStatement prepareCall(String a0, int a1, int a2) throws SQLException { throw unsupported(); }
        @Override public CallableStatement prepareCall(String a0, int a1, int a2, int a3) throws SQLException { throw unsupported(); }
        @Override public void releaseSavepoint(Savepoint a0) throws SQLException { throw unsupported(); }
        @Override public void rollback() throws SQLException { throw unsupported(); }
        @Override public void rollback(Savepoint a0) throws SQLException { throw unsupported(); }
        @Override public void setAutoCommit(boolean a0) throws SQLException { throw unsupported(); }
        @Override public void setCatalog(String a0) throws SQLException { throw unsupported(); }
        @Override public void setClientInfo(Properties a0) throws SQLClientInfoException { throw new SQLClientInfoException(); }
        @Override public void setClientInfo(String a0, String a1) throws SQLClientInfoException { throw new SQLClientInfoException(); }
        @Override public void setHoldability(int a0) throws SQLException { throw unsupported(); }
        @Override public void setNetworkTimeout(Executor a0, int a1) throws SQLException { throw unsupported(); }
        @Override public void setReadOnly(boolean a0) throws SQLException { throw unsupported(); }
        @Override public Savepoint setSavepoint() throws SQLException { throw unsupported(); }
        @Override public Savepoint setSavepoint(String a0) throws SQLException { throw unsupported(); }
        @Override public void setSchema(String a0) throws SQLException { throw unsupported(); }
        @Override public void setTransactionIsolation(int a0) throws SQLException { throw unsupported(); }
        @Override public void setTypeMap(Map<String, Class<?>> a0) throws SQLException { throw unsupported(); }
    }

    /**
     * A statement that hands out two ready-made result sets in turn (as a real driver hands out a new one per
     * execution), so neither side of the comparison allocates in the stand-in.
     */
    static final class StandInStatement implements PreparedStatement {
        private final StandInConnection connection;
        private final StandInResultSet first = new StandInResultSet(this);
        private final StandInResultSet second = new StandInResultSet(this);
        private boolean useSecond;
        private int parameter;
        private boolean closed;

        StandInStatement(StandInConnection connection) {
            this.connection = connection;
        }

        private ResultSet next() {
            useSecond = !useSecond;
            StandInResultSet rs = useSecond ? second : first;
            rs.open(parameter);
            return rs;
        }

        @Override public ResultSet executeQuery() { return next(); }
        @Override public ResultSet executeQuery(String sql) { return next(); }
        @Override public void setInt(int index, int value) { parameter = value; }
        @Override public Connection getConnection() { return connection; }
        @Override public void close() { closed = true; }
        @Override public boolean isClosed() { return closed; }
        @Override public <T> T unwrap(Class<T> iface) throws SQLException {
            if (iface.isInstance(this)) {
                return iface.cast(this);
            }
            throw unsupported();
        }
        @Override public boolean isWrapperFor(Class<?> iface) { return iface.isInstance(this); }
        @Override public void addBatch() throws SQLException { throw unsupported(); }
        @Override public void addBatch(String a0) throws SQLException { throw unsupported(); }
        @Override public void cancel() throws SQLException { throw unsupported(); }
        @Override public void clearBatch() throws SQLException { throw unsupported(); }
        @Override public void clearParameters() throws SQLException { throw unsupported(); }
        @Override public void clearWarnings() throws SQLException { throw unsupported(); }
        @Override public void closeOnCompletion() throws SQLException { throw unsupported(); }
        @Override public boolean execute() throws SQLException { throw unsupported(); }
        @Override public boolean execute(String a0) throws SQLException { throw unsupported(); }
        @Override public boolean execute(String a0, int a1) throws SQLException { throw unsupported(); }
        @Override public boolean execute(String a0, int[] a1) throws SQLException { throw unsupported(); }
        @Override public boolean execute(String a0, String[] a1) throws SQLException { throw unsupported(); }
        @Override public int[] executeBatch() throws SQLException { throw unsupported(); }
        @Override public int executeUpdate() throws SQLException { throw unsupported(); }
        @Override public int executeUpdate(String a0) throws SQLException { throw unsupported(); }
        @Override public int executeUpdate(String a0, int a1) throws SQLException { throw unsupported(); }
        @Override public int executeUpdate(String a0, int[] a1) throws SQLException { throw unsupported(); }
        @Override public int executeUpdate(String a0, String[] a1) throws SQLException { throw unsupported(); }
        @Override public int getFetchDirection() throws SQLException { throw unsupported(); }
        @Override public int getFetchSize() throws SQLException { throw unsupported(); }
        @Override public ResultSet getGeneratedKeys() throws SQLException { throw unsupported(); }
        @Override public int getMaxFieldSize() throws SQLException { throw unsupported(); }
        @Override public int getMaxRows() throws SQLException { throw unsupported(); }
        @Override public ResultSetMetaData getMetaData() throws SQLException { throw unsupported(); }
        @Override public boolean getMoreResults() throws SQLException { throw unsupported(); }
        @Override public boolean getMoreResults(int a0) throws SQLException { throw unsupported(); }
        @Override public ParameterMetaData getParameterMetaData() throws SQLException { throw unsupported(); }
        @Override public int getQueryTimeout() throws SQLException { throw unsupported(); }
        @Override public ResultSet getResultSet() throws SQLException { throw unsupported(); }
        @Override public int getResultSetConcurrency() throws SQLException { throw unsupported(); }
        @Override public int getResultSetHoldability() throws SQLException { throw unsupported(); }
        @Override public int getResultSetType() throws SQLException { throw unsupported(); }
        @Override public int getUpdateCount() throws SQLException { throw unsupported(); }
        @Override public SQLWarning getWarnings() throws SQLException { throw unsupported(); }
        @Override public boolean isCloseOnCompletion() throws SQLException { throw unsupported(); }
        @Override public boolean isPoolable() throws SQLException { throw unsupported(); }
        @Override public void setArray(int a0, Array a1) throws SQLException { throw unsupported(); }
        @Override public void setAsciiStream(int a0, java.io.InputStream a1) throws SQLException { throw unsupported(); }
        @Override public void setAsciiStream(int a0, java.io.InputStream a1, int a2) throws SQLException { throw unsupported(); }
        @Override public void setAsciiStream(int a0, java.io.InputStream a1, long a2) throws SQLException { throw unsupported(); }
        @Override public void setBigDecimal(int a0, java.math.BigDecimal a1) throws SQLException { throw unsupported(); }
        @Override public void setBinaryStream(int a0, java.io.InputStream a1) throws SQLException { throw unsupported(); }
        @Override public void setBinaryStream(int a0, java.io.InputStream a1, long a2) throws SQLException { throw unsupported(); }
        @Override public void setBinaryStream(int a0, java.io.InputStream a1, int a2) throws SQLException { throw unsupported(); }
        @Override public void setBlob(int a0, Blob a1) throws SQLException { throw unsupported(); }
        @Override public void setBlob(int a0, java.io.InputStream a1) throws SQLException { throw unsupported(); }
        @Override public void setBlob(int a0, java.io.InputStream a1, long a2) throws SQLException { throw unsupported(); }
        @Override public void setBoolean(int a0, boolean a1) throws SQLException { throw unsupported(); }
        @Override public void setByte(int a0, byte a1) throws SQLException { throw unsupported(); }
        @Override public void setBytes(int a0, byte[] a1) throws SQLException { throw unsupported(); }
        @Override public void setCharacterStream(int a0, java.io.Reader a1) throws SQLException { throw unsupported(); }
        @Override public void setCharacterStream(int a0, java.io.Reader a1, int a2) throws SQLException { throw unsupported(); }
        @Override public void setCharacterStream(int a0, java.io.Reader a1, long a2) throws SQLException { throw unsupported(); }
        @Override public void setClob(int a0, Clob a1) throws SQLException { throw unsupported(); }
        @Override public void setClob(int a0, java.io.Reader a1) throws SQLException { throw unsupported(); }
        @Override public void setClob(int a0, java.io.Reader a1, long a2) throws SQLException { throw unsupported(); }
        @Override public void setCursorName(String a0) throws SQLException { throw unsupported(); }
        @Override public void setDate(int a0, Date a1) throws SQLException { throw unsupported(); }
        @Override public void setDate(int a0, Date a1, Calendar a2) throws SQLException { throw unsupported(); }
        @Override public void setDouble(int a0, double a1) throws SQLException { throw unsupported(); }
        @Override public void setEscapeProcessing(boolean a0) throws SQLException { throw unsupported(); }
        @Override public void setFetchDirection(int a0) throws SQLException { throw unsupported(); }
        @Override public void setFetchSize(int a0) throws SQLException { throw unsupported(); }
        @Override public void setFloat(int a0, float a1) throws SQLException { throw unsupported(); }
        @Override public void setLong(int a0, long a1) throws SQLException { throw unsupported(); }
        @Override public void setMaxFieldSize(int a0) throws SQLException { throw unsupported(); }
        @Override public void setMaxRows(int a0) throws SQLException { throw unsupported(); }
        @Override public void setNCharacterStream(int a0, java.io.Reader a1) throws SQLException { throw unsupported(); }
        @Override public void setNCharacterStream(int a0, java.io.Reader a1, long a2) throws SQLException { throw unsupported(); }
        @Override public void setNClob(int a0, java.io.Reader a1) throws SQLException { throw unsupported(); }
        @Override public void setNClob(int a0, NClob a1) throws SQLException { throw unsupported(); }
        @Override public void setNClob(int a0, java.io.Reader a1, long a2) throws SQLException { throw unsupported(); }
        @Override public void setNString(int a0, String a1) throws SQLException { throw unsupported(); }
        @Override public void setNull(int a0, int a1) throws SQLException { throw unsupported(); }
        @Override public void setNull(int a0, int a1, String a2) throws SQLException { throw unsupported(); }
        @Override public void setObject(int a0, Object a1) throws SQLException { throw unsupported(); }
        @Override public void setObject(int a0, Object a1, int a2) throws SQLException { throw unsupported(); }
        @Override public void setObject(int a0, Object a1, int a2, int a3) throws SQLException { throw unsupported(); }
        @Override public void setPoolable(boolean a0) throws SQLException { throw unsupported(); }
        @Override public void setQueryTimeout(int a0) throws SQLException { throw unsupported(); }
        @Override public void setRef(int a0, Ref a1) throws SQLException { throw unsupported(); }
        @Override public void setRowId(int a0, RowId a1) throws SQLException { throw unsupported(); }
        @Override public void setSQLXML(int a0, SQLXML a1) throws SQLException { throw unsupported(); }
        @Override public void setShort(int a0, short a1) throws SQLException { throw unsupported(); }
        @Override public void setString(int a0, String a1) throws SQLException { throw unsupported(); }
        @Override public void setTime(int a0, Time a1) throws SQLException { throw unsupported(); }
        @Override public void setTime(int a0, Time a1, Calendar a2) throws SQLException { throw unsupported(); }
        @Override public void setTimestamp(int a0, Timestamp a1) throws SQLException { throw unsupported(); }
        @Override public void setTimestamp(int a0, Timestamp a1, Calendar a2) throws SQLException { throw unsupported(); }
        @Override public void setURL(int a0, java.net.URL a1) throws SQLException { throw unsupported(); }
        @Override public void setUnicodeStream(int a0, java.io.InputStream a1, int a2) throws SQLException { throw unsupported(); }
    }

    /** One row, one int column. */
    static final class StandInResultSet implements ResultSet {
        private final StandInStatement statement;
        private int value;
        private boolean beforeFirst;
        private boolean closed = true;

        StandInResultSet(StandInStatement statement) {
            this.statement = statement;
        }

        void open(int value) {
            this.value = value;
            this.beforeFirst = true;
            this.closed = false;
        }

        @Override public boolean next() {
            boolean row = beforeFirst;
            beforeFirst = false;
            return row;
        }
        @Override public int getInt(int column) { return value; }
        @Override public int getInt(String column) { return value; }
        @Override public boolean wasNull() { return false; }
        @Override public void close() { closed = true; }
        @Override public boolean isClosed() { return closed; }
        @Override public Statement getStatement() { return statement; }
        @Override public <T> T unwrap(Class<T> iface) throws SQLException {
            if (iface.isInstance(this)) {
                return iface.cast(this);
            }
            throw unsupported();
        }
        @Override public boolean isWrapperFor(Class<?> iface) { return iface.isInstance(this); }
        @Override public boolean absolute(int a0) throws SQLException { throw unsupported(); }
        @Override public void afterLast() throws SQLException { throw unsupported(); }
        @Override public void beforeFirst() throws SQLException { throw unsupported(); }
        @Override public void cancelRowUpdates() throws SQLException { throw unsupported(); }
        @Override public void clearWarnings() throws SQLException { throw unsupported(); }
        @Override public void deleteRow() throws SQLException { throw unsupported(); }
        @Override public int findColumn(String a0) throws SQLException { throw unsupported(); }
        @Override public boolean first() throws SQLException { throw unsupported(); }
        @Override public Array getArray(String a0) throws SQLException { throw unsupported(); }
        @Override public Array getArray(int a0) throws SQLException { throw unsupported(); }
        @Override public java.io.InputStream getAsciiStream(String a0) throws SQLException { throw unsupported(); }
        @Override public java.io.InputStream getAsciiStream(int a0) throws SQLException { throw unsupported(); }
        @Override public java.math.BigDecimal getBigDecimal(int a0) throws SQLException { throw unsupported(); }
        @Override public java.math.BigDecimal getBigDecimal(String a0) throws SQLException { throw unsupported(); }
        @Override public java.math.BigDecimal getBigDecimal(int a0, int a1) throws SQLException { throw unsupported(); }
        @Override public java.math.BigDecimal getBigDecimal(String a0, int a1) throws SQLException { throw unsupported(); }
        @Override public java.io.InputStream getBinaryStream(String a0) throws SQLException { throw unsupported(); }
        @Override public java.io.InputStream getBinaryStream(int a0) throws SQLException { throw unsupported(); }
        @Override public Blob getBlob(String a0) throws SQLException { throw unsupported(); }
        @Override public Blob getBlob(int a0) throws SQLException { throw unsupported(); }
        @Override public boolean getBoolean(String a0) throws SQLException { throw unsupported(); }
        @Override public boolean getBoolean(int a0) throws SQLException { throw unsupported(); }
        @Override public byte getByte(String a0) throws SQLException { throw unsupported(); }
        @Override public byte getByte(int a0) throws SQLException { throw unsupported(); }
        @Override public byte[] getBytes(String a0) throws SQLException { throw unsupported(); }
        @Override public byte[] getBytes(int a0) throws SQLException { throw unsupported(); }
        @Override public java.io.Reader getCharacterStream(String a0) throws SQLException { throw unsupported(); }
        @Override public java.io.Reader getCharacterStream(int a0) throws SQLException { throw unsupported(); }
        @Override public Clob getClob(int a0) throws SQLException { throw unsupported(); }
        @Override public Clob getClob(String a0) throws SQLException { throw unsupported(); }
        @Override public int getConcurrency() throws SQLException { throw unsupported(); }
        @Override public String getCursorName() throws SQLException { throw unsupported(); }
        @Override public Date getDate(String a0) throws SQLException { throw unsupported(); }
        @Override public Date getDate(int a0) throws SQLException { throw unsupported(); }
        @Override public Date getDate(int a0, Calendar a1) throws SQLException { throw unsupported(); }
        @Override public Date getDate(String a0, Calendar a1) throws SQLException { throw unsupported(); }
        @Override public double getDouble(int a0) throws SQLException { throw unsupported(); }
        @Override public double getDouble(String a0) throws SQLException { throw unsupported(); }
        @Override public int getFetchDirection() throws SQLException { throw unsupported(); }
        @Override public int getFetchSize() throws SQLException { throw unsupported(); }
        @Override public float getFloat(String a0) throws SQLException { throw unsupported(); }
        @Override public float getFloat(int a0) throws SQLException { throw unsupported(); }
        @Override public int getHoldability() throws SQLException { throw unsupported(); }
        @Override public long getLong(String a0) throws SQLException { throw unsupported(); }
        @Override public long getLong(int a0) throws SQLException { throw unsupported(); }
        @Override public ResultSetMetaData getMetaData() throws SQLException { throw unsupported(); }
        @Override public java.io.Reader getNCharacterStream(int a0) throws SQLException { throw unsupported(); }
        @Override public java.io.Reader getNCharacterStream(String a0) throws SQLException { throw unsupported(); }
        @Override public NClob getNClob(int a0) throws SQLException { throw unsupported(); }
        @Override public NClob getNClob(String a0) throws SQLException { throw unsupported(); }
        @Override public String getNString(int a0) throws SQLException { throw unsupported(); }
        @Override public String getNString(String a0) throws SQLException { throw unsupported(); }
        @Override public Object getObject(int a0) throws SQLException { throw unsupported(); }
        @Override public Object getObject(String a0) throws SQLException { throw unsupported(); }
        @Override public Object getObject(String a0, Map<String, Class<?>> a1) throws SQLException { throw unsupported(); }
        @Override public Object getObject(int a0, Map<String, Class<?>> a1) throws SQLException { throw unsupported(); }
        @Override public <T> T getObject(int a0, Class<T> a1) throws SQLException { throw unsupported(); }
        @Override public <T> T getObject(String a0, Class<T> a1) throws SQLException { throw unsupported(); }
        @Override public Ref getRef(String a0) throws SQLException { throw unsupported(); }
        @Override public Ref getRef(int a0) throws SQLException { throw unsupported(); }
        @Override public int getRow() throws SQLException { throw unsupported(); }
        @Override public RowId getRowId(String a0) throws SQLException { throw unsupported(); }
        @Override public RowId getRowId(int a0) throws SQLException { throw unsupported(); }
        @Override public SQLXML getSQLXML(String a0) throws SQLException { throw unsupported(); }
        @Override public SQLXML getSQLXML(int a0) throws SQLException { throw unsupported(); }
        @Override public short getShort(String a0) throws SQLException { throw unsupported(); }
        @Override public short getShort(int a0) throws SQLException { throw unsupported(); }
        @Override public String getString(int a0) throws SQLException { throw unsupported(); }
        @Override public String getString(String a0) throws SQLException { throw unsupported(); }
        @Override public Time getTime(int a0) throws SQLException { throw unsupported(); }
        @Override public Time getTime(String a0) throws SQLException { throw unsupported(); }
        @Override public Time getTime(int a0, Calendar a1) throws SQLException { throw unsupported(); }
        @Override public Time getTime(String a0, Calendar a1) throws SQLException { throw unsupported(); }
        @Override public Timestamp getTimestamp(int a0) throws SQLException { throw unsupported(); }
        @Override public Timestamp getTimestamp(String a0) throws SQLException { throw unsupported(); }
        @Override public Timestamp getTimestamp(int a0, Calendar a1) throws SQLException { throw unsupported(); }
        @Override public Timestamp getTimestamp(String a0, Calendar a1) throws SQLException { throw unsupported(); }
        @Override public int getType() throws SQLException { throw unsupported(); }
        @Override public java.net.URL getURL(int a0) throws SQLException { throw unsupported(); }
        @Override public java.net.URL getURL(String a0) throws SQLException { throw unsupported(); }
        @Override public java.io.InputStream getUnicodeStream(String a0) throws SQLException { throw unsupported(); }
        @Override public java.io.InputStream getUnicodeStream(int a0) throws SQLException { throw unsupported(); }
        @Override public SQLWarning getWarnings() throws SQLException { throw unsupported(); }
        @Override public void insertRow() throws SQLException { throw unsupported(); }
        @Override public boolean isAfterLast() throws SQLException { throw unsupported(); }
        @Override public boolean isBeforeFirst() throws SQLException { throw unsupported(); }
        @Override public boolean isFirst() throws SQLException { throw unsupported(); }
        @Override public boolean isLast() throws SQLException { throw unsupported(); }
        @Override public boolean last() throws SQLException { throw unsupported(); }
        @Override public void moveToCurrentRow() throws SQLException { throw unsupported(); }
        @Override public void moveToInsertRow() throws SQLException { throw unsupported(); }
        @Override public boolean previous() throws SQLException { throw unsupported(); }
        @Override public void refreshRow() throws SQLException { throw unsupported(); }
        @Override public boolean relative(int a0) throws SQLException { throw unsupported(); }
        @Override public boolean rowDeleted() throws SQLException { throw unsupported(); }
        @Override public boolean rowInserted() throws SQLException { throw unsupported(); }
        @Override public boolean rowUpdated() throws SQLException { throw unsupported(); }
        @Override public void setFetchDirection(int a0) throws SQLException { throw unsupported(); }
        @Override public void setFetchSize(int a0) throws SQLException { throw unsupported(); }
        @Override public void updateArray(int a0, Array a1) throws SQLException { throw unsupported(); }
        @Override public void updateArray(String a0, Array a1) throws SQLException { throw unsupported(); }
        @Override public void updateAsciiStream(int a0, java.io.InputStream a1) throws SQLException { throw unsupported(); }
        @Override public void updateAsciiStream(String a0, java.io.InputStream a1) throws SQLException { throw unsupported(); }
        @Override public void updateAsciiStream(int a0, java.io.InputStream a1, long a2) throws SQLException { throw unsupported(); }
        @Override public void updateAsciiStream(String a0, java.io.InputStream a1, long a2) throws SQLException { throw unsupported(); }
        @Override public void updateAsciiStream(int a0, java.io.InputStream a1, int a2) throws SQLException { throw unsupported(); }
        @Override public void updateAsciiStream(String a0, java.io.InputStream a1, int a2) throws SQLException { throw unsupported(); }
        @Override public void updateBigDecimal(int a0, java.math.BigDecimal a1) throws SQLException { throw unsupported(); }
        @Override public void updateBigDecimal(String a0, java.math.BigDecimal a1) throws SQLException { throw unsupported(); }
        @Override public void updateBinaryStream(String a0, java.io.InputStream a1) throws SQLException { throw unsupported(); }
        @Override public void updateBinaryStream(int a0, java.io.InputStream a1) throws SQLException { throw unsupported(); }
        @Override public void updateBinaryStream(String a0, java.io.InputStream a1, int a2) throws SQLException { throw unsupported(); }
        @Override public void updateBinaryStream(String a0, java.io.InputStream a1, long a2) throws SQLException { throw unsupported(); }
        @Override public void updateBinaryStream(int a0, java.io.InputStream a1, int a2) throws SQLException { throw unsupported(); }
        @Override public void updateBinaryStream(int a0, java.io.InputStream a1, long a2) throws SQLException { throw unsupported(); }
        @Override public void updateBlob(int a0, java.io.InputStream a1) throws SQLException { throw unsupported(); }
        @Override public void updateBlob(String a0, Blob a1) throws SQLException { throw unsupported(); }
        @Override public void updateBlob(String a0, java.io.InputStream a1) throws SQLException { throw unsupported(); }
        @Override public void updateBlob(int a0, Blob a1) throws SQLException { throw unsupported(); }
        @Override public void updateBlob(int a0, java.io.InputStream a1, long a2) throws SQLException { throw unsupported(); }
        @Override public void updateBlob(String a0, java.io.InputStream a1, long a2) throws SQLException { throw unsupported(); }
        @Override public void updateBoolean(int a0, boolean a1) throws SQLException { throw unsupported(); }
        @Override public void updateBoolean(String a0, boolean a1) throws SQLException { throw unsupported(); }
        @Override public void updateByte(String a0, byte a1) throws SQLException { throw unsupported(); }
        @Override public void updateByte(int a0, byte a1) throws SQLException { throw unsupported(); }
        @Override public void updateBytes(int a0, byte[] a1) throws SQLException { throw unsupported(); }
        @Override public void updateBytes(String a0, byte[] a1) throws SQLException { throw unsupported(); }
        @Override public void updateCharacterStream(int a0, java.io.Reader a1) throws SQLException { throw unsupported(); }
        @Override public void updateCharacterStream(String a0, java.io.Reader a1) throws SQLException { throw unsupported(); }
        @Override public void updateCharacterStream(String a0, java.io.Reader a1, int a2) throws SQLException { throw unsupported(); }
        @Override public void updateCharacterStream(String a0, java.io.Reader a1, long a2) throws SQLException { throw unsupported(); }
        @Override public void updateCharacterStream(int a0, java.io.Reader a1, long a2) throws SQLException { throw unsupported(); }
        @Override public void updateCharacterStream(int a0, java.io.Reader a1, int a2) throws SQLException { throw unsupported(); }
        @Override public void updateClob(int a0, Clob a1) throws SQLException { throw unsupported(); }
        @Override public void updateClob(String a0, Clob a1) throws SQLException { throw unsupported(); }
        @Override public void updateClob(String a0, java.io.Reader a1) throws SQLException { throw unsupported(); }
        @Override public void updateClob(int a0, java.io.Reader a1) throws SQLException { throw unsupported(); }
        @Override public void updateClob(String a0, java.io.Reader a1, long a2) throws SQLException { throw unsupported(); }
        @Override public void updateClob(int a0, java.io.Reader a1, long a2) throws SQLException { throw unsupported(); }
        @Override public void updateDate(String a0, Date a1) throws SQLException { throw unsupported(); }
        @Override public void updateDate(int a0, Date a1) throws SQLException { throw unsupported(); }
        @Override public void updateDouble(int a0, double a1) throws SQLException { throw unsupported(); }
        @Override public void updateDouble(String a0, double a1) throws SQLException { throw unsupported(); }
        @Override public void updateFloat(String a0, float a1) throws SQLException { throw unsupported(); }
        @Override public void updateFloat(int a0, float a1) throws SQLException { throw unsupported(); }
        @Override public void updateInt(int a0, int a1) throws SQLException { throw unsupported(); }
        @Override public void updateInt(String a0, int a1) throws SQLException { throw unsupported(); }
        @Override public void updateLong(int a0, long a1) throws SQLException { throw unsupported(); }
        @Override public void updateLong(String a0, long a1) throws SQLException { throw unsupported(); }
        @Override public void updateNCharacterStream(int a0, java.io.Reader a1) throws SQLException { throw unsupported(); }
        @Override public void updateNCharacterStream(String a0, java.io.Reader a1) throws SQLException { throw unsupported(); }
        @Override public void updateNCharacterStream(String a0, java.io.Reader a1, long a2) throws SQLException { throw unsupported(); }
        @Override public void updateNCharacterStream(int a0, java.io.Reader a1, long a2) throws SQLException { throw unsupported(); }
        @Override public void updateNClob(String a0, java.io.Reader a1) throws SQLException { throw unsupported(); }
        @Override public void updateNClob(int a0, java.io.Reader a1) throws SQLException { throw unsupported(); }
        @Override public void updateNClob(int a0, NClob a1) throws SQLException { throw unsupported(); }
        @Override public void updateNClob(String a0, NClob a1) throws SQLException { throw unsupported(); }
        @Override public void updateNClob(int a0, java.io.Reader a1, long a2) throws SQLException { throw unsupported(); }
        @Override public void updateNClob(String a0, java.io.Reader a1, long a2) throws SQLException { throw unsupported(); }
        @Override public void updateNString(int a0, String a1) throws SQLException { throw unsupported(); }
        @Override public void updateNString(String a0, String a1) throws SQLException { throw unsupported(); }
        @Override public void updateNull(int a0) throws SQLException { throw unsupported(); }
        @Override public void updateNull(String a0) throws SQLException { throw unsupported(); }
        @Override public void updateObject(int a0, Object a1) throws SQLException { throw unsupported(); }
        @Override public void updateObject(String a0, Object a1) throws SQLException { throw unsupported(); }
        @Override public void updateObject(String a0, Object a1, int a2) throws SQLException { throw unsupported(); }
        @Override public void updateObject(int a0, Object a1, int a2) throws SQLException { throw unsupported(); }
        @Override public void updateRef(String a0, Ref a1) throws SQLException { throw unsupported(); }
        @Override public void updateRef(int a0, Ref a1) throws SQLException { throw unsupported(); }
        @Override public void updateRow() throws SQLException { throw unsupported(); }
        @Override public void updateRowId(String a0, RowId a1) throws SQLException { throw unsupported(); }
        @Override public void updateRowId(int a0, RowId a1) throws SQLException { throw unsupported(); }
        @Override public void updateSQLXML(String a0, SQLXML a1) throws SQLException { throw unsupported(); }
        @Override public void updateSQLXML(int a0, SQLXML a1) throws SQLException { throw unsupported(); }
        @Override public void updateShort(int a0, short a1) throws SQLException { throw unsupported(); }
        @Override public void updateShort(String a0, short a1) throws SQLException { throw unsupported(); }
        @Override public void updateString(String a0, String a1) throws SQLException { throw unsupported(); }
        @Override public void updateString(int a0, String a1) throws SQLException { throw unsupported(); }
        @Override public void updateTime(int a0, Time a1) throws SQLException { throw unsupported(); }
        @Override public void updateTime(String a0, Time a1) throws SQLException { throw unsupported(); }
        @Override public void updateTimestamp(String a0, Timestamp a1) throws SQLException { throw unsupported(); }
        @Override public void updateTimestamp(int a0, Timestamp a1) throws SQLException { throw unsupported(); }
    }
}
