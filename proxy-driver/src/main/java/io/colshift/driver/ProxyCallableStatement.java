package io.colshift.driver;

import io.colshift.rewrite.Rewrite;
import io.colshift.state.StateSnapshot;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLType;

/**
 * The colshift side of a {@link CallableStatement}: a prepared statement (see {@link ProxyPreparedStatement})
 * whose out-parameter registrations are kept and mapped like any other parameter. Out values are read by
 * the index the real statement uses; the rewrite engine leaves calls unchanged, so the two agree.
 */
abstract class ProxyCallableStatement extends ProxyPreparedStatement implements CallableStatement {

    protected CallableStatement callableDelegate;

    protected ProxyCallableStatement(CallableStatement delegate, ProxyConnection connection,
                                     StatementPreparer preparer, String sql, StateSnapshot snapshot,
                                     Rewrite rewrite) {
        super(delegate, connection, preparer, sql, snapshot, rewrite);
        this.callableDelegate = delegate;
    }

    @Override
    final void replaceDelegate(PreparedStatement fresh) {
        super.replaceDelegate(fresh);
        callableDelegate = (CallableStatement) fresh;
    }

    @Override
    public final void registerOutParameter(int parameterIndex, int sqlType) throws SQLException {
        if (parameters == null) {
            callableDelegate.registerOutParameter(parameterIndex, sqlType);
        } else {
            bind(parameterIndex, (ps, i) -> ((CallableStatement) ps).registerOutParameter(i, sqlType));
        }
    }

    @Override
    public final void registerOutParameter(int parameterIndex, int sqlType, int scale) throws SQLException {
        if (parameters == null) {
            callableDelegate.registerOutParameter(parameterIndex, sqlType, scale);
        } else {
            bind(parameterIndex, (ps, i) -> ((CallableStatement) ps).registerOutParameter(i, sqlType, scale));
        }
    }

    @Override
    public final void registerOutParameter(int parameterIndex, int sqlType, String typeName) throws SQLException {
        if (parameters == null) {
            callableDelegate.registerOutParameter(parameterIndex, sqlType, typeName);
        } else {
            bind(parameterIndex, (ps, i) -> ((CallableStatement) ps).registerOutParameter(i, sqlType, typeName));
        }
    }

    @Override
    public final void registerOutParameter(int parameterIndex, SQLType sqlType) throws SQLException {
        if (parameters == null) {
            callableDelegate.registerOutParameter(parameterIndex, sqlType);
        } else {
            bind(parameterIndex, (ps, i) -> ((CallableStatement) ps).registerOutParameter(i, sqlType));
        }
    }

    @Override
    public final void registerOutParameter(int parameterIndex, SQLType sqlType, int scale) throws SQLException {
        if (parameters == null) {
            callableDelegate.registerOutParameter(parameterIndex, sqlType, scale);
        } else {
            bind(parameterIndex, (ps, i) -> ((CallableStatement) ps).registerOutParameter(i, sqlType, scale));
        }
    }

    @Override
    public final void registerOutParameter(int parameterIndex, SQLType sqlType, String typeName) throws SQLException {
        if (parameters == null) {
            callableDelegate.registerOutParameter(parameterIndex, sqlType, typeName);
        } else {
            bind(parameterIndex, (ps, i) -> ((CallableStatement) ps).registerOutParameter(i, sqlType, typeName));
        }
    }
}
