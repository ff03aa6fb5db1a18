package io.colshift.driver;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * How the application asked for a prepared statement (keys wanted, cursor type, …), kept so the proxy
 * can prepare the real statement again for a different rewritten text with the same options.
 */
@FunctionalInterface
interface StatementPreparer {

    StatementPreparer PLAIN = Connection::prepareStatement;
    StatementPreparer CALL = Connection::prepareCall;

    PreparedStatement prepare(Connection real, String sql) throws SQLException;
}
