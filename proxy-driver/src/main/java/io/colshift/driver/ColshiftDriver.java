package io.colshift.driver;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Arrays;
import java.util.Properties;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * JDBC driver for {@code jdbc:colshift:<real-url>}, e.g. {@code jdbc:colshift:postgresql://db:5432/app}.
 *
 * <p>The real URL is the input with {@code colshift:} removed once ({@code jdbc:postgresql://db:5432/app});
 * the real driver is whichever driver {@link DriverManager} finds for it. Properties starting with
 * {@code colshift.} — in the URL's query string or in the connect {@link Properties} — configure colshift
 * ({@link ColshiftConfig}) and are removed before the real driver sees them.
 *
 * <p>Registers itself with {@link DriverManager} when loaded, and through
 * {@code META-INF/services/java.sql.Driver}.
 */
public final class ColshiftDriver implements Driver {

    public static final String URL_PREFIX = ConnectTarget.URL_PREFIX;

    /** Matches the project version's major.minor (0.1.x); checked against the jar manifest by the tests. */
    static final int MAJOR_VERSION = 0;
    static final int MINOR_VERSION = 1;

    static {
        try {
            DriverManager.registerDriver(new ColshiftDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null; // JDBC: a driver returns null for URLs it does not handle, so DriverManager asks the next
        }
        ConnectTarget target = ConnectTarget.parse(url, info);
        Driver real = realDriver(target.realUrl());
        Connection connection = real.connect(target.realUrl(), target.realProperties());
        if (connection == null) {
            throw noDriver(target.realUrl(), null);
        }
        try {
            RewriteSeam seam = RewriteWiring.seamFor(target.realUrl(), target.realProperties(), target.config(),
                    connection);
            ProxyConnection proxy = ProxyFactory.CONNECTION.make(connection, seam);
            if (seam.follows()) {
                proxy.sharesBackends(PooledConnections.apply(connection, target.config().pooler()));
                // resolved once here, so that statements only increment: two versions of an application in one
                // JVM (different ApplicationName) report their adoption apart
                proxy.countInto(seam.adoption.opened(io.colshift.state.ApplicationName.of(target.realUrl(),
                        target.realProperties())));
            }
            proxy.policy = target.config().unrewritable();
            return proxy;
        } catch (RuntimeException | Error e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(URL_PREFIX);
    }

    /** Colshift's own properties, followed by the real driver's when the URL names one that is present. */
    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        DriverPropertyInfo[] own = ownPropertyInfo(info);
        if (!acceptsURL(url)) {
            return own;
        }
        DriverPropertyInfo[] real;
        try {
            ConnectTarget target = ConnectTarget.parse(url, info);
            real = realDriver(target.realUrl()).getPropertyInfo(target.realUrl(), target.realProperties());
        } catch (SQLException e) {
            return own; // a tool asking which properties exist gets at least colshift's
        }
        return Stream.concat(Arrays.stream(own), Arrays.stream(real)).toArray(DriverPropertyInfo[]::new);
    }

    private static DriverPropertyInfo[] ownPropertyInfo(Properties info) {
        ColshiftConfig defaults = ColshiftConfig.DEFAULTS;
        return new DriverPropertyInfo[]{
                property(info, ColshiftConfig.ENABLED, String.valueOf(defaults.enabled()),
                        "false makes colshift a pure pass-through: nothing is rewritten, no state is watched",
                        new String[]{"true", "false"}),
                property(info, ColshiftConfig.CONTROL_SCHEMA, defaults.controlSchema(),
                        "schema holding the migration state written by the colshift CLI", null),
                property(info, ColshiftConfig.POLL_MS, String.valueOf(defaults.pollMs()),
                        "milliseconds between state polls when LISTEN/NOTIFY is not heard", null),
                property(info, ColshiftConfig.CACHE_SIZE, String.valueOf(defaults.cacheSize()),
                        "rewritten statements cached per server", null),
                property(info, ColshiftConfig.LISTEN, String.valueOf(defaults.listen()),
                        "false makes colshift poll for state changes instead of using LISTEN/NOTIFY",
                        new String[]{"true", "false"}),
                property(info, ColshiftConfig.MAX_STALENESS, String.valueOf(2 * defaults.pollMs()),
                        "milliseconds a statement may run under state not re-read or confirmed (default twice"
                                + " colshift.pollMs); the control schema's state.lease_ms caps it", null),
                property(info, ColshiftConfig.WATCH, String.valueOf(defaults.watch()),
                        "false opens no connection of colshift's own: state is read on the application's"
                                + " connections, at most once per poll interval per server",
                        new String[]{"true", "false"}),
                property(info, ColshiftConfig.WATCH_URL, null,
                        "a direct jdbc:postgresql: URL for colshift's watcher connection, e.g. past a pooler", null),
                property(info, ColshiftConfig.POOLER, defaults.pooler().value(),
                        "what sits between the driver and PostgreSQL: auto detects a pooler, transaction is a pooler"
                                + " in transaction mode without prepared statements (every statement is sent"
                                + " unnamed), transaction-prepared one that keeps them (PgBouncer 1.21+"
                                + " max_prepared_statements), none a direct connection",
                        java.util.Arrays.stream(Pooler.values()).map(Pooler::value).toArray(String[]::new)),
                property(info, ColshiftConfig.UNREWRITABLE, defaults.unrewritable().pass() ? "pass" : "fail",
                        "what happens, from expanded on, to a statement that reads a migrating column and could not "
                                + "be rewritten: fail (SQLState 7C001) or pass (counted as a possible wrong read)",
                        new String[]{"fail", "pass"}),
                property(info, ColshiftConfig.STRICT, String.valueOf(defaults.unrewritable().strict()),
                        "true fails every statement colshift could not rewrite, in every phase (SQLState 7C002): "
                                + "for test suites run against a declared migration",
                        new String[]{"true", "false"}),
        };
    }

    private static DriverPropertyInfo property(Properties info, String name, String defaultValue, String description,
                                               String[] choices) {
        String value = info == null ? null : info.getProperty(name);
        DriverPropertyInfo p = new DriverPropertyInfo(name, value == null ? defaultValue : value);
        p.description = description + (defaultValue == null ? " (default: none)" : " (default " + defaultValue + ")");
        p.required = false;
        p.choices = choices;
        return p;
    }

    /** The driver DriverManager would use for {@code realUrl}, with a message that helps when there is none. */
    static Driver realDriver(String realUrl) throws SQLException {
        try {
            return DriverManager.getDriver(realUrl);
        } catch (SQLException e) {
            throw noDriver(realUrl, e);
        }
    }

    private static SQLException noDriver(String realUrl, SQLException cause) {
        return new SQLNonTransientConnectionException("no JDBC driver accepts the real URL "
                + ConnectTarget.redact(realUrl) + " (the jdbc:colshift: URL without 'colshift:'); "
                + "put the database's JDBC driver (for PostgreSQL: org.postgresql:postgresql) on the class path",
                "08001", cause);
    }

    @Override
    public int getMajorVersion() {
        return MAJOR_VERSION;
    }

    @Override
    public int getMinorVersion() {
        return MINOR_VERSION;
    }

    /** False: colshift passes the real driver's behaviour through and has not run the JDBC compliance tests. */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    /** colshift logs through SLF4J, not java.util.logging, so it has no parent logger to offer. */
    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("colshift logs through SLF4J, not java.util.logging");
    }
}
