package io.colshift.driver;

import io.colshift.state.ColumnMigration;
import io.colshift.state.StateSnapshot;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The colshift side of {@link DatabaseMetaData}: {@link #getConnection()} returns the connection proxy,
 * and every catalog result set is wrapped (see {@link ProxyFactory}) so its statement is a proxy too.
 * Catalog answers are the real database's, except {@link #getColumns}: while a migration is {@code declared}
 * it also lists the column that does not exist yet ({@link DeclaredColumns}), as statements already see it.
 * From {@code expanded} on the column is real and the catalog lists it by itself.
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
    public final ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern,
                                      String columnNamePattern) throws SQLException {
        StateSnapshot snapshot = connection.stateNow(); // under the lease, as statements: loaded if never read
        ResultSet real = delegate.getColumns(catalog, schemaPattern, tableNamePattern, columnNamePattern);
        List<ColumnMigration> declared = declared(snapshot);
        if (declared.isEmpty() || real == null) {
            return wrap(real);
        }
        try {
            return wrap(DeclaredColumns.merge(real, delegate, declared, catalog, schemaPattern, tableNamePattern,
                    columnNamePattern, (m, e) -> connection.seam.passedUnchanged("the declared column " + m.column()
                            + " of " + m.qualifiedTable() + " could not be described (" + e + ")", "getColumns")));
        } catch (SQLException | RuntimeException | LinkageError e) {
            // Fail open: the catalog's own answer, as before colshift knew of the column.
            connection.seam.passedUnchanged("declared columns could not be added to getColumns (" + e + ")",
                    "getColumns(" + catalog + ", " + schemaPattern + ", " + tableNamePattern + ", "
                            + columnNamePattern + ")");
            real.close(); // it may have been read in part
            return wrap(delegate.getColumns(catalog, schemaPattern, tableNamePattern, columnNamePattern));
        }
    }

    private static List<ColumnMigration> declared(StateSnapshot snapshot) {
        List<ColumnMigration> declared = null;
        for (ColumnMigration m : snapshot.migrations()) {
            if (!m.phase().columnExists()) {
                if (declared == null) {
                    declared = new ArrayList<>();
                }
                declared.add(m);
            }
        }
        return declared == null ? List.of() : declared;
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
