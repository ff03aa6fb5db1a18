package io.colshift.driver;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** One {@code setX} call the application made, kept so it can be applied again to a re-prepared statement. */
@FunctionalInterface
interface ParameterBinding {

    void bindTo(PreparedStatement statement, int index) throws SQLException;
}
