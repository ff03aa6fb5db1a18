package io.colshift.phase;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens a new plain pgjdbc connection to the application's database (never through the colshift driver). */
@FunctionalInterface
public interface ConnectionFactory {
    Connection open() throws SQLException;
}
