package io.colshift.driver;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The colshift side of {@link DatabaseMetaData}: {@link #getConnection()} returns the connection proxy,
 * and every catalog result set is wrapped (see {@link ProxyFactory}) so its statement is a proxy too.
 * Catalog answers themselves are the real database's: colshift does not pretend a migrating column exists
 * in the catalog.
 */
abstract class ProxyDatabaseMetaData implements DatabaseMetaData {

    protected final DatabaseMetaData delegate;
    private final ProxyConnection connection;

    protected ProxyDatabaseMetaData(DatabaseMetaData delegate, ProxyConnection connection) {
        this.delegate = delegate;
        this.connection = connection;
    }

    /** Called by the generated methods returning a {@link ResultSet}. */
    protected final ResultSet wrap(ResultSet real) {
        return real == null ? null : ProxyFactory.RESULT_SET.make(real, connection, null);
    }

    @Override
    public final Connection getConnection() throws SQLException {
        delegate.getConnection();
        return connection;
    }

    @Override
    public final <T> T unwrap(Class<T> iface) throws SQLException {
        return Wrappers.unwrap(this, delegate, iface);
    }

    @Override
    public final boolean isWrapperFor(Class<?> iface) throws SQLException {
        return Wrappers.isWrapperFor(this, delegate, iface);
    }

    @Override
    public final String toString() {
        return "ColshiftDatabaseMetaData@" + Integer.toHexString(System.identityHashCode(this))
                + " wrapping " + delegate;
    }
}
