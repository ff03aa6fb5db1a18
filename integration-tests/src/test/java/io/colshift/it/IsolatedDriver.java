package io.colshift.it;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.List;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * One application instance's copy of the colshift driver: the shaded driver jar, pgjdbc and SLF4J loaded by a
 * class loader of its own, whose parent is the platform loader, so that nothing — the watcher registry included —
 * is shared with the other instances in the same JVM, as with web applications in one application server. Its one
 * pooled connection is the instance's connection to the database.
 */
final class IsolatedDriver implements AutoCloseable {

    private final URLClassLoader loader;
    private final HikariDataSource pool;

    private IsolatedDriver(URLClassLoader loader, HikariDataSource pool) {
        this.loader = loader;
        this.pool = pool;
    }

    /**
     * @param jars         the shaded driver jar, pgjdbc's jar and slf4j-api's jar
     * @param colshiftUrl  {@code jdbc:colshift:postgresql://...}
     * @param properties   connection properties (user, password, colshift settings)
     */
    static IsolatedDriver open(List<Path> jars, String colshiftUrl, Properties properties, String poolName)
            throws Exception {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = jars.get(i).toUri().toURL();
        }
        URLClassLoader loader = new URLClassLoader(poolName, urls, ClassLoader.getPlatformClassLoader());
        try {
            // registers this loader's pgjdbc with DriverManager, where colshift looks for the real driver
            Class.forName("org.postgresql.Driver", true, loader);
            Driver colshift = (Driver) Class.forName("io.colshift.driver.ColshiftDriver", true, loader)
                    .getConstructor().newInstance();
            HikariConfig config = new HikariConfig();
            config.setPoolName(poolName);
            config.setDataSource(new DriverDataSource(colshift, colshiftUrl, properties));
            config.setMaximumPoolSize(1);
            config.setMinimumIdle(1);
            config.setConnectionTimeout(30_000);
            return new IsolatedDriver(loader, new HikariDataSource(config));
        } catch (Exception | Error e) {
            loader.close();
            throw e;
        }
    }

    DataSource pool() {
        return pool;
    }

    @Override
    public void close() throws Exception {
        try {
            pool.close();
        } finally {
            loader.close();
        }
    }

    /** The instance's driver as a {@link DataSource}: every connection through {@link Driver#connect}. */
    private record DriverDataSource(Driver driver, String url, Properties properties) implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            Connection c = driver.connect(url, properties);
            if (c == null) {
                throw new SQLException("the colshift driver does not accept " + url);
            }
            return c;
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException("credentials are the instance's own");
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
