package io.colshift.embedded;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server the developer points at with {@code COLSHIFT_TEST_JDBC_URL}
 * (and {@code COLSHIFT_TEST_USER} / {@code COLSHIFT_TEST_PASSWORD}).
 * It is checked once, with short timeouts, so that a wrong URL fails in seconds and names the variable.
 */
public final class ExternalServer implements PostgresServer {

    public static final String URL_VARIABLE = "COLSHIFT_TEST_JDBC_URL";
    public static final String USER_VARIABLE = "COLSHIFT_TEST_USER";
    public static final String PASSWORD_VARIABLE = "COLSHIFT_TEST_PASSWORD";

    private static final Pattern URL_SHAPE =
            Pattern.compile("^(jdbc:postgresql://[^/?]+)(?:/([^?]*))?(\\?.*)?$");

    private final String prefix;
    private final String query;
    private final String user;
    private final String password;

    private ExternalServer(String prefix, String query, String user, String password) {
        this.prefix = prefix;
        this.query = query;
        this.user = user;
        this.password = password;
    }

    /** Validates the URL and proves the server answers; throws a message naming the variable otherwise. */
    public static ExternalServer connect(String url, String user, String password) {
        Matcher m = URL_SHAPE.matcher(url == null ? "" : url.trim());
        if (!m.matches()) {
            // the URL may carry a password (password=, sslpassword=): never echo it
            throw new IllegalStateException(URL_VARIABLE + " must look like jdbc:postgresql://host:port/database, got '"
                    + (url == null ? null : url.replaceAll("(?i)(password=)[^&]*", "$1***")) + "'");
        }
        ExternalServer server = new ExternalServer(m.group(1), m.group(3) == null ? "" : m.group(3),
                user == null ? "postgres" : user, password == null ? "" : password);
        String database = m.group(2) == null || m.group(2).isEmpty() ? "postgres" : m.group(2);
        Properties props = new Properties();
        props.setProperty("user", server.user);
        props.setProperty("password", server.password);
        props.setProperty("connectTimeout", "5");
        props.setProperty("loginTimeout", "5");
        props.setProperty("socketTimeout", "10");
        try (Connection ignored = DriverManager.getConnection(server.jdbcUrl(database), props)) {
            return server;
        } catch (SQLException e) {
            throw new IllegalStateException(URL_VARIABLE + " points at " + m.group(1) + "/" + database
                    + " (user from " + USER_VARIABLE + ": " + server.user + "), which could not be reached: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String jdbcUrl(String database) {
        return prefix + "/" + database + query;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public String description() {
        return "server from " + URL_VARIABLE + " at " + prefix;
    }

    @Override
    public void close() {
        // not ours to stop
    }
}
