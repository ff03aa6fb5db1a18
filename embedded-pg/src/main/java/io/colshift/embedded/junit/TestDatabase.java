package io.colshift.embedded.junit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * One database on the test server, created for a single test class and dropped after it.
 *
 * @param name     database name
 * @param jdbcUrl  plain {@code jdbc:postgresql:} URL of the database
 * @param user     role to connect as
 * @param password its password (empty for the embedded server)
 */
public record TestDatabase(String name, String jdbcUrl, String user, String password) {

    /** The same database through the colshift driver: {@code jdbc:colshift:postgresql://…}. */
    public String colshiftUrl() {
        return "jdbc:colshift:" + jdbcUrl.substring("jdbc:".length());
    }

    public Properties credentials() {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return props;
    }

    /** A direct pgjdbc connection, bypassing colshift. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, credentials());
    }

    @Override
    public String toString() {
        return "TestDatabase[" + jdbcUrl + " as " + user + "]";
    }
}
