package io.colshift.driver;

import io.colshift.rewrite.Rewrite;
import io.colshift.state.StateSnapshot;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.BatchUpdateException;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.List;

/**
 * The colshift side of a {@link PreparedStatement}.
 *
 * <p><b>A statement runs under the state current when it executes, not when it was prepared.</b> The real
 * statement is prepared for the rewrite of the moment; at every execution the proxy compares the state
 * it was prepared under with the current one (one volatile read and a reference comparison) and, when the
 * rewrite differs, prepares the real statement again for the new text with the same options and
 * settings, and replays the application's parameters and batch rows through the new parameter map.
 * Values whose placeholder was removed are not bound; later parameters are renumbered.
 *
 * <p><b>Parameters are only kept when a later state could change the statement</b>: when, at prepare time,
 * a migration is active and the text names one of its tables. The common setters are kept in typed slots
 * that the connection hands from one statement to the next ({@link BoundParameters}), so keeping them
 * allocates nothing; otherwise every {@code setX} goes straight to the real statement.
 * The price: a statement whose table starts migrating between its prepare and its execution cannot be
 * prepared again when it has placeholders, because its values were never kept. It is then a statement colshift
 * cannot rewrite ({@link UnrewritablePolicy}): from {@code expanded} on, or in strict mode, it fails; otherwise
 * it executes unchanged, is counted in {@link ColshiftConnection#statementsPassedUnchanged()} and the first
 * such case is logged. Statements without placeholders are simply prepared again. The window is the time
 * between prepare and execute of one statement across the state change that starts a migration, which
 * applications that prepare per use barely hit.
 * While parameters are kept, stream and reader parameters are read into memory when set
 * ({@link KeptStreams}), because they may have to be bound more than once.
 *
 * <p><b>An UPDATE whose only SET items were gated</b> ({@link Rewrite#countInsteadOfUpdate()}) runs as a
 * {@code SELECT count(*)} over the rows it would have matched; {@code executeUpdate}, {@code execute} +
 * {@code getUpdateCount} and {@code executeBatch} report that count, and nothing is written.
 *
 * <p><b>Stale cached plans</b> ("cached plan must not change result type" after {@code ADD COLUMN}): see
 * {@link ServerPreparedStatements}, and {@link PooledConnections} behind a transaction pooler.
 *
 * <p>Settings made through {@code unwrap(PGStatement.class)} apply to the real statement of the moment and
 * are not carried over when it is prepared again; standard JDBC settings (fetch size, max rows, timeouts,
 * fetch direction, poolable, close-on-completion, escape processing) are.
 */
abstract class ProxyPreparedStatement extends ProxyStatement implements PreparedStatement {

    protected PreparedStatement preparedDelegate;
    private final StatementPreparer preparer;
    private final String sql;
    private StateSnapshot snapshot;
    private Rewrite rewrite;
    /**
     * The unrewritable marker of a rewrite this statement needs under the current state but cannot get (prepared
     * before a migration named its table, its parameters were not kept), or null. Every execution goes through the
     * connection's unrewritable policy with it: refused or counted each time, not once per state change.
     */
    private Rewrite unprepared;
    /**
     * Non-null exactly when a later state could change the statement and it is open: then every
     * {@code setX} is kept. Given back to the connection on {@code close()}; from then on every call goes
     * straight to the closed real statement and fails as it does.
     */
    BoundParameters parameters;
    /** Batch rows added while parameters are not kept; only to know whether re-preparing would lose them. */
    private int unkeptBatchRows;
    private Boolean escapeProcessing;

    protected ProxyPreparedStatement(PreparedStatement delegate, ProxyConnection connection, StatementPreparer preparer,
                                     String sql, StateSnapshot snapshot, Rewrite rewrite) {
        super(delegate, connection);
        this.preparedDelegate = delegate;
        this.preparer = preparer;
        this.sql = sql;
        this.snapshot = snapshot;
        this.rewrite = rewrite;
        this.parameters = connection.seam.mayRewrite(sql, snapshot) ? connection.takeParameters() : null;
    }

    @Override
    public final void close() throws SQLException {
        delegate.close();
        BoundParameters kept = parameters;
        if (kept != null) {
            parameters = null;
            connection.returnParameters(kept);
        }
    }

    /** Makes {@code fresh} the real statement every call goes to. */
    void replaceDelegate(PreparedStatement fresh) {
        delegate = fresh;
        preparedDelegate = fresh;
    }

    // ---- following the state --------------------------------------------------------------------------

    private void beforeExecution() throws SQLException {
        stopEmulatedUpdate();
        StateSnapshot now = connection.stateNow();
        connection.beforeStatement(now);
        followState(now);
        connection.checkRewritable(unprepared != null ? unprepared : rewrite);
    }

    private void followState() throws SQLException {
        followState(connection.stateNow());
    }

    private void followState(StateSnapshot now) throws SQLException {
        if (now == snapshot) {
            return;
        }
        Rewrite next = connection.seam.rewrite(sql, now);
        if (next.equals(rewrite)) {
            rewrite = next; // the same text, but what it touches (counted per execution) follows the state
            unprepared = null;
            snapshot = now;
            return;
        }
        if (preparedDelegate.isClosed()) {
            return; // the closed real statement fails the execution exactly as the real driver does
        }
        if (parameters == null && (sql.indexOf('?') >= 0 || unkeptBatchRows > 0)) {
            Rewrite marker = next.unrewritable() != null ? next : notPreparedAgain(now);
            unprepared = marker.unrewritable() != null ? marker : null;
            snapshot = now;
            connection.seam.passedUnchanged(
                    "it was prepared before a migration of its table became active and its parameters were not kept",
                    sql);
            return;
        }
        prepareAgain(next);
        snapshot = now;
    }

    /**
     * This statement needs a rewrite it cannot get (its parameters were not kept): it falls under the
     * connection's unrewritable policy like any statement colshift cannot rewrite, for the migrations whose
     * table it names.
     */
    private Rewrite notPreparedAgain(StateSnapshot now) {
        List<String> ids = new java.util.ArrayList<>();
        boolean wrongRead = false;
        String lower = sql.toLowerCase(java.util.Locale.ROOT);
        for (io.colshift.state.ColumnMigration m : now.migrations()) {
            if (lower.contains(m.table().toLowerCase(java.util.Locale.ROOT)) && !ids.contains(m.id())) {
                ids.add(m.id());
                wrongRead |= m.phase().readMode() == io.colshift.state.Phase.ReadMode.COALESCE;
            }
        }
        return ids.isEmpty() ? Rewrite.UNCHANGED : Rewrite.unrewritable(new io.colshift.rewrite.Unrewritable(
                "prepared before the migration became active",
                "its parameters were not kept, so it cannot be prepared again for the rewrite", ids, wrongRead));
    }

    private void prepareAgain(Rewrite next) throws SQLException {
        PreparedStatement old = preparedDelegate;
        PreparedStatement fresh = preparer.prepare(connection.delegate, next.applyTo(sql));
        try {
            carrySettings(old, fresh);
            if (parameters != null) {
                if (!next.countInsteadOfUpdate()) {
                    for (BoundParameters.Row row : parameters.batchRows()) {
                        BoundParameters.bind(row, fresh, next);
                        fresh.addBatch();
                    }
                }
                parameters.bindCurrent(fresh, next);
            }
        } catch (SQLException | RuntimeException e) {
            fresh.close();
            throw e;
        }
        replaceDelegate(fresh);
        rewrite = next;
        unprepared = null;
        old.close();
    }

    private void carrySettings(PreparedStatement from, PreparedStatement to) throws SQLException {
        to.setFetchSize(from.getFetchSize());
        to.setFetchDirection(from.getFetchDirection());
        to.setMaxRows(from.getMaxRows());
        to.setMaxFieldSize(from.getMaxFieldSize());
        to.setQueryTimeout(from.getQueryTimeout());
        to.setPoolable(from.isPoolable());
        if (from.isCloseOnCompletion()) {
            to.closeOnCompletion();
        }
        if (escapeProcessing != null) {
            to.setEscapeProcessing(escapeProcessing);
        }
    }

    /**
     * Where an application parameter goes on the real statement through the parameter map, or
     * {@link Rewrite#DROPPED}. A bad index, or a dropped one on a closed statement, goes to the real
     * statement unchanged, so that it fails exactly as the real driver fails; callers keep the value only
     * after the real statement took it.
     */
    final int target(int index) throws SQLException {
        if (index < 1) {
            return index;
        }
        int target = rewrite.mapParameter(index);
        return target == Rewrite.DROPPED && preparedDelegate.isClosed() ? index : target;
    }

    /** Binds an application parameter on the real statement, through the parameter map, and keeps it. */
    final void bind(int index, ParameterBinding binding) throws SQLException {
        int target = target(index);
        if (target != Rewrite.DROPPED) {
            binding.bindTo(preparedDelegate, target);
        }
        parameters.set(index, binding);
    }

    // ---- execution ------------------------------------------------------------------------------------

    @Override
    public final ResultSet executeQuery() throws SQLException {
        beforeExecution();
        if (rewrite.countInsteadOfUpdate()) {
            throw Sql.noResultsReturned();
        }
        long start = startTiming(rewrite);
        try {
            return wrapResult(preparedDelegate.executeQuery());
        } finally {
            stopTiming(rewrite, start);
        }
    }

    @Override
    public final int executeUpdate() throws SQLException {
        beforeExecution();
        if (rewrite.countInsteadOfUpdate()) {
            return Sql.toInt(countInsteadOfUpdate());
        }
        long start = startTiming(rewrite);
        try {
            return preparedDelegate.executeUpdate();
        } finally {
            stopTiming(rewrite, start);
        }
    }

    @Override
    public final long executeLargeUpdate() throws SQLException {
        beforeExecution();
        if (rewrite.countInsteadOfUpdate()) {
            return countInsteadOfUpdate();
        }
        long start = startTiming(rewrite);
        try {
            return preparedDelegate.executeLargeUpdate();
        } finally {
            stopTiming(rewrite, start);
        }
    }

    @Override
    public final boolean execute() throws SQLException {
        beforeExecution();
        if (rewrite.countInsteadOfUpdate()) {
            countInsteadOfUpdate();
            return false;
        }
        long start = startTiming(rewrite);
        try {
            return preparedDelegate.execute();
        } finally {
            stopTiming(rewrite, start);
        }
    }

    private long countInsteadOfUpdate() throws SQLException {
        long count = Sql.count(preparedDelegate.executeQuery());
        startEmulatedUpdate(count);
        return count;
    }

    // ---- batches --------------------------------------------------------------------------------------

    @Override
    public final void addBatch() throws SQLException {
        if (parameters == null) {
            preparedDelegate.addBatch();
            unkeptBatchRows++;
            return;
        }
        if (!rewrite.countInsteadOfUpdate() || preparedDelegate.isClosed()) {
            preparedDelegate.addBatch();
        }
        parameters.addBatchRow();
    }

    @Override
    public final void clearBatch() throws SQLException {
        super.clearBatch();
        unkeptBatchRows = 0;
        if (parameters != null) {
            parameters.clearBatch();
        }
    }

    @Override
    public final int[] executeBatch() throws SQLException {
        beforeExecution();
        unkeptBatchRows = 0;
        if (parameters == null) {
            long start = startTiming(rewrite);
            try {
                return preparedDelegate.executeBatch();
            } finally {
                stopTiming(rewrite, start);
            }
        }
        try {
            if (rewrite.countInsteadOfUpdate()) {
                return Sql.toInts(countBatchRows());
            }
            long start = startTiming(rewrite);
            try {
                return preparedDelegate.executeBatch();
            } finally {
                stopTiming(rewrite, start);
            }
        } finally {
            parameters.clearBatch();
        }
    }

    @Override
    public final long[] executeLargeBatch() throws SQLException {
        beforeExecution();
        unkeptBatchRows = 0;
        if (parameters == null) {
            long start = startTiming(rewrite);
            try {
                return preparedDelegate.executeLargeBatch();
            } finally {
                stopTiming(rewrite, start);
            }
        }
        try {
            if (rewrite.countInsteadOfUpdate()) {
                return countBatchRows();
            }
            long start = startTiming(rewrite);
            try {
                return preparedDelegate.executeLargeBatch();
            } finally {
                stopTiming(rewrite, start);
            }
        } finally {
            parameters.clearBatch();
        }
    }

    /** Each row of a gated-only UPDATE batch, counted instead of written; fails like a real batch would. */
    private long[] countBatchRows() throws SQLException {
        List<BoundParameters.Row> rows = parameters.batchRows();
        long[] counts = new long[rows.size()];
        int done = 0;
        try {
            for (BoundParameters.Row row : rows) {
                BoundParameters.bind(row, preparedDelegate, rewrite);
                counts[done] = Sql.count(preparedDelegate.executeQuery());
                done++;
            }
            parameters.bindCurrent(preparedDelegate, rewrite);
            return counts;
        } catch (SQLException e) {
            long[] succeeded = java.util.Arrays.copyOf(counts, done);
            throw new BatchUpdateException("Batch entry " + done + " failed: " + e.getMessage(), e.getSQLState(),
                    e.getErrorCode(), succeeded, e);
        }
    }

    @Override
    public final void clearParameters() throws SQLException {
        preparedDelegate.clearParameters();
        if (parameters != null) {
            parameters.clear();
        }
    }

    @Override
    public final ResultSetMetaData getMetaData() throws SQLException {
        followState();
        return preparedDelegate.getMetaData();
    }

    @Override
    public final void setEscapeProcessing(boolean enable) throws SQLException {
        preparedDelegate.setEscapeProcessing(enable);
        escapeProcessing = enable;
    }

    // ---- parameters: straight to the real statement, or kept and mapped while a migration is active ----

    @Override
    public final void setNull(int parameterIndex, int sqlType) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setNull(parameterIndex, sqlType);
        } else {
            int target = target(parameterIndex);
            if (target != Rewrite.DROPPED) {
                preparedDelegate.setNull(target, sqlType);
            }
            parameters.setNull(parameterIndex, sqlType);
        }
    }

    @Override
    public final void setBoolean(int parameterIndex, boolean x) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setBoolean(parameterIndex, x);
        } else {
            int target = target(parameterIndex);
            if (target != Rewrite.DROPPED) {
                preparedDelegate.setBoolean(target, x);
            }
            parameters.setBoolean(parameterIndex, x);
        }
    }

    @Override
    public final void setByte(int parameterIndex, byte x) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setByte(parameterIndex, x);
        } else {
            int target = target(parameterIndex);
            if (target != Rewrite.DROPPED) {
                preparedDelegate.setByte(target, x);
            }
            parameters.setByte(parameterIndex, x);
        }
    }

    @Override
    public final void setShort(int parameterIndex, short x) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setShort(parameterIndex, x);
        } else {
            int target = target(parameterIndex);
            if (target != Rewrite.DROPPED) {
                preparedDelegate.setShort(target, x);
            }
            parameters.setShort(parameterIndex, x);
        }
    }

    @Override
    public final void setInt(int parameterIndex, int x) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setInt(parameterIndex, x);
        } else {
            int target = target(parameterIndex);
            if (target != Rewrite.DROPPED) {
                preparedDelegate.setInt(target, x);
            }
            parameters.setInt(parameterIndex, x);
        }
    }

    @Override
    public final void setLong(int parameterIndex, long x) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setLong(parameterIndex, x);
        } else {
            int target = target(parameterIndex);
            if (target != Rewrite.DROPPED) {
                preparedDelegate.setLong(target, x);
            }
            parameters.setLong(parameterIndex, x);
        }
    }

    @Override
    public final void setFloat(int parameterIndex, float x) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setFloat(parameterIndex, x);
        } else {
            int target = target(parameterIndex);
            if (target != Rewrite.DROPPED) {
                preparedDelegate.setFloat(target, x);
            }
            parameters.setFloat(parameterIndex, x);
        }
    }

    @Override
    public final void setDouble(int parameterIndex, double x) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setDouble(parameterIndex, x);
        } else {
            int target = target(parameterIndex);
            if (target != Rewrite.DROPPED) {
                preparedDelegate.setDouble(target, x);
            }
            parameters.setDouble(parameterIndex, x);
        }
    }

    @Override
    public final void setBigDecimal(int parameterIndex, BigDecimal x) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setBigDecimal(parameterIndex, x);
        } else {
            int target = target(parameterIndex);
            if (target != Rewrite.DROPPED) {
                preparedDelegate.setBigDecimal(target, x);
            }
            parameters.setBigDecimal(parameterIndex, x);
        }
    }

    @Override
    public final void setString(int parameterIndex, String x) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setString(parameterIndex, x);
        } else {
            int target = target(parameterIndex);
            if (target != Rewrite.DROPPED) {
                preparedDelegate.setString(target, x);
            }
            parameters.setString(parameterIndex, x);
        }
    }

    @Override
    public final void setBytes(int parameterIndex, byte[] x) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setBytes(parameterIndex, x);
        } else {
            int target = target(parameterIndex);
            if (target != Rewrite.DROPPED) {
                preparedDelegate.setBytes(target, x);
            }
            parameters.setBytes(parameterIndex, x);
        }
    }

    @Override
    public final void setDate(int parameterIndex, Date x) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setDate(parameterIndex, x);
        } else {
            int target = target(parameterIndex);
            if (target != Rewrite.DROPPED) {
                preparedDelegate.setDate(target, x);
            }
            parameters.setDate(parameterIndex, x);
        }
    }

    @Override
    public final void setTime(int parameterIndex, Time x) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setTime(parameterIndex, x);
        } else {
            int target = target(parameterIndex);
            if (target != Rewrite.DROPPED) {
                preparedDelegate.setTime(target, x);
            }
            parameters.setTime(parameterIndex, x);
        }
    }

    @Override
    public final void setTimestamp(int parameterIndex, Timestamp x) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setTimestamp(parameterIndex, x);
        } else {
            int target = target(parameterIndex);
            if (target != Rewrite.DROPPED) {
                preparedDelegate.setTimestamp(target, x);
            }
            parameters.setTimestamp(parameterIndex, x);
        }
    }

    @Override
    public final void setAsciiStream(int parameterIndex, InputStream x, int length) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setAsciiStream(parameterIndex, x, length);
        } else {
            byte[] kept = KeptStreams.bytes(x, length, parameterIndex);
            bind(parameterIndex, (ps, i) -> ps.setAsciiStream(i, KeptStreams.in(kept), length));
        }
    }

    @SuppressWarnings("deprecation")
    @Override
    public final void setUnicodeStream(int parameterIndex, InputStream x, int length) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setUnicodeStream(parameterIndex, x, length);
        } else {
            byte[] kept = KeptStreams.bytes(x, length, parameterIndex);
            bind(parameterIndex, (ps, i) -> ps.setUnicodeStream(i, KeptStreams.in(kept), length));
        }
    }

    @Override
    public final void setBinaryStream(int parameterIndex, InputStream x, int length) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setBinaryStream(parameterIndex, x, length);
        } else {
            byte[] kept = KeptStreams.bytes(x, length, parameterIndex);
            bind(parameterIndex, (ps, i) -> ps.setBinaryStream(i, KeptStreams.in(kept), length));
        }
    }

    @Override
    public final void setObject(int parameterIndex, Object x, int targetSqlType) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setObject(parameterIndex, x, targetSqlType);
        } else {
            int target = target(parameterIndex);
            if (target != Rewrite.DROPPED) {
                preparedDelegate.setObject(target, x, targetSqlType);
            }
            parameters.setObject(parameterIndex, x, targetSqlType);
        }
    }

    @Override
    public final void setObject(int parameterIndex, Object x) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setObject(parameterIndex, x);
        } else {
            int target = target(parameterIndex);
            if (target != Rewrite.DROPPED) {
                preparedDelegate.setObject(target, x);
            }
            parameters.setObject(parameterIndex, x);
        }
    }

    @Override
    public final void setCharacterStream(int parameterIndex, Reader reader, int length) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setCharacterStream(parameterIndex, reader, length);
        } else {
            String kept = KeptStreams.chars(reader, length, parameterIndex);
            bind(parameterIndex, (ps, i) -> ps.setCharacterStream(i, KeptStreams.reader(kept), length));
        }
    }

    @Override
    public final void setRef(int parameterIndex, Ref x) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setRef(parameterIndex, x);
        } else {
            bind(parameterIndex, (ps, i) -> ps.setRef(i, x));
        }
    }

    @Override
    public final void setBlob(int parameterIndex, Blob x) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setBlob(parameterIndex, x);
        } else {
            bind(parameterIndex, (ps, i) -> ps.setBlob(i, x));
        }
    }

    @Override
    public final void setClob(int parameterIndex, Clob x) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setClob(parameterIndex, x);
        } else {
            bind(parameterIndex, (ps, i) -> ps.setClob(i, x));
        }
    }

    @Override
    public final void setArray(int parameterIndex, Array x) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setArray(parameterIndex, x);
        } else {
            bind(parameterIndex, (ps, i) -> ps.setArray(i, x));
        }
    }

    @Override
    public final void setDate(int parameterIndex, Date x, Calendar cal) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setDate(parameterIndex, x, cal);
        } else {
            bind(parameterIndex, (ps, i) -> ps.setDate(i, x, cal));
        }
    }

    @Override
    public final void setTime(int parameterIndex, Time x, Calendar cal) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setTime(parameterIndex, x, cal);
        } else {
            bind(parameterIndex, (ps, i) -> ps.setTime(i, x, cal));
        }
    }

    @Override
    public final void setTimestamp(int parameterIndex, Timestamp x, Calendar cal) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setTimestamp(parameterIndex, x, cal);
        } else {
            bind(parameterIndex, (ps, i) -> ps.setTimestamp(i, x, cal));
        }
    }

    @Override
    public final void setNull(int parameterIndex, int sqlType, String typeName) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setNull(parameterIndex, sqlType, typeName);
        } else {
            bind(parameterIndex, (ps, i) -> ps.setNull(i, sqlType, typeName));
        }
    }

    @Override
    public final void setURL(int parameterIndex, URL x) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setURL(parameterIndex, x);
        } else {
            bind(parameterIndex, (ps, i) -> ps.setURL(i, x));
        }
    }

    @Override
    public final void setRowId(int parameterIndex, RowId x) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setRowId(parameterIndex, x);
        } else {
            bind(parameterIndex, (ps, i) -> ps.setRowId(i, x));
        }
    }

    @Override
    public final void setNString(int parameterIndex, String value) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setNString(parameterIndex, value);
        } else {
            bind(parameterIndex, (ps, i) -> ps.setNString(i, value));
        }
    }

    @Override
    public final void setNCharacterStream(int parameterIndex, Reader value, long length) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setNCharacterStream(parameterIndex, value, length);
        } else {
            String kept = KeptStreams.chars(value, length, parameterIndex);
            bind(parameterIndex, (ps, i) -> ps.setNCharacterStream(i, KeptStreams.reader(kept), length));
        }
    }

    @Override
    public final void setNClob(int parameterIndex, NClob value) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setNClob(parameterIndex, value);
        } else {
            bind(parameterIndex, (ps, i) -> ps.setNClob(i, value));
        }
    }

    @Override
    public final void setClob(int parameterIndex, Reader reader, long length) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setClob(parameterIndex, reader, length);
        } else {
            String kept = KeptStreams.chars(reader, length, parameterIndex);
            bind(parameterIndex, (ps, i) -> ps.setClob(i, KeptStreams.reader(kept), length));
        }
    }

    @Override
    public final void setBlob(int parameterIndex, InputStream inputStream, long length) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setBlob(parameterIndex, inputStream, length);
        } else {
            byte[] kept = KeptStreams.bytes(inputStream, length, parameterIndex);
            bind(parameterIndex, (ps, i) -> ps.setBlob(i, KeptStreams.in(kept), length));
        }
    }

    @Override
    public final void setNClob(int parameterIndex, Reader reader, long length) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setNClob(parameterIndex, reader, length);
        } else {
            String kept = KeptStreams.chars(reader, length, parameterIndex);
            bind(parameterIndex, (ps, i) -> ps.setNClob(i, KeptStreams.reader(kept), length));
        }
    }

    @Override
    public final void setSQLXML(int parameterIndex, SQLXML xmlObject) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setSQLXML(parameterIndex, xmlObject);
        } else {
            bind(parameterIndex, (ps, i) -> ps.setSQLXML(i, xmlObject));
        }
    }

    @Override
    public final void setObject(int parameterIndex, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setObject(parameterIndex, x, targetSqlType, scaleOrLength);
        } else {
            bind(parameterIndex, (ps, i) -> ps.setObject(i, x, targetSqlType, scaleOrLength));
        }
    }

    @Override
    public final void setAsciiStream(int parameterIndex, InputStream x, long length) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setAsciiStream(parameterIndex, x, length);
        } else {
            byte[] kept = KeptStreams.bytes(x, length, parameterIndex);
            bind(parameterIndex, (ps, i) -> ps.setAsciiStream(i, KeptStreams.in(kept), length));
        }
    }

    @Override
    public final void setBinaryStream(int parameterIndex, InputStream x, long length) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setBinaryStream(parameterIndex, x, length);
        } else {
            byte[] kept = KeptStreams.bytes(x, length, parameterIndex);
            bind(parameterIndex, (ps, i) -> ps.setBinaryStream(i, KeptStreams.in(kept), length));
        }
    }

    @Override
    public final void setCharacterStream(int parameterIndex, Reader reader, long length) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setCharacterStream(parameterIndex, reader, length);
        } else {
            String kept = KeptStreams.chars(reader, length, parameterIndex);
            bind(parameterIndex, (ps, i) -> ps.setCharacterStream(i, KeptStreams.reader(kept), length));
        }
    }

    @Override
    public final void setAsciiStream(int parameterIndex, InputStream x) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setAsciiStream(parameterIndex, x);
        } else {
            byte[] kept = KeptStreams.bytes(x, KeptStreams.TO_END, parameterIndex);
            bind(parameterIndex, (ps, i) -> ps.setAsciiStream(i, KeptStreams.in(kept)));
        }
    }

    @Override
    public final void setBinaryStream(int parameterIndex, InputStream x) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setBinaryStream(parameterIndex, x);
        } else {
            byte[] kept = KeptStreams.bytes(x, KeptStreams.TO_END, parameterIndex);
            bind(parameterIndex, (ps, i) -> ps.setBinaryStream(i, KeptStreams.in(kept)));
        }
    }

    @Override
    public final void setCharacterStream(int parameterIndex, Reader reader) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setCharacterStream(parameterIndex, reader);
        } else {
            String kept = KeptStreams.chars(reader, KeptStreams.TO_END, parameterIndex);
            bind(parameterIndex, (ps, i) -> ps.setCharacterStream(i, KeptStreams.reader(kept)));
        }
    }

    @Override
    public final void setNCharacterStream(int parameterIndex, Reader value) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setNCharacterStream(parameterIndex, value);
        } else {
            String kept = KeptStreams.chars(value, KeptStreams.TO_END, parameterIndex);
            bind(parameterIndex, (ps, i) -> ps.setNCharacterStream(i, KeptStreams.reader(kept)));
        }
    }

    @Override
    public final void setClob(int parameterIndex, Reader reader) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setClob(parameterIndex, reader);
        } else {
            String kept = KeptStreams.chars(reader, KeptStreams.TO_END, parameterIndex);
            bind(parameterIndex, (ps, i) -> ps.setClob(i, KeptStreams.reader(kept)));
        }
    }

    @Override
    public final void setBlob(int parameterIndex, InputStream inputStream) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setBlob(parameterIndex, inputStream);
        } else {
            byte[] kept = KeptStreams.bytes(inputStream, KeptStreams.TO_END, parameterIndex);
            bind(parameterIndex, (ps, i) -> ps.setBlob(i, KeptStreams.in(kept)));
        }
    }

    @Override
    public final void setNClob(int parameterIndex, Reader reader) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setNClob(parameterIndex, reader);
        } else {
            String kept = KeptStreams.chars(reader, KeptStreams.TO_END, parameterIndex);
            bind(parameterIndex, (ps, i) -> ps.setNClob(i, KeptStreams.reader(kept)));
        }
    }

    @Override
    public final void setObject(int parameterIndex, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setObject(parameterIndex, x, targetSqlType, scaleOrLength);
        } else {
            bind(parameterIndex, (ps, i) -> ps.setObject(i, x, targetSqlType, scaleOrLength));
        }
    }

    @Override
    public final void setObject(int parameterIndex, Object x, SQLType targetSqlType) throws SQLException {
        if (parameters == null) {
            preparedDelegate.setObject(parameterIndex, x, targetSqlType);
        } else {
            bind(parameterIndex, (ps, i) -> ps.setObject(i, x, targetSqlType));
        }
    }
}
