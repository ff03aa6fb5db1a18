package io.colshift.driver;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * A {@link DataSource} for the colshift driver, for pools and frameworks configured with a data source
 * class name (e.g. HikariCP's {@code dataSourceClassName=io.colshift.driver.ColshiftDataSource} with
 * {@code dataSource.url=jdbc:colshift:postgresql://db/app}).
 *
 * <p>JavaBean properties: {@code url}, {@code user}, {@code password}, and the colshift options
 * {@code enabled}, {@code controlSchema}, {@code pollMs}, {@code cacheSize}, {@code listen}, {@code maxStaleness},
 * {@code watch}, {@code watchUrl}, {@code pooler} (options never set keep the
 * URL's value or the default; getters show the default then). Options and credentials are handed to {@link ColshiftDriver#connect} as connect
 * properties; {@code loginTimeout} is kept for callers that read it back but is not forwarded, since the
 * meaning of a login timeout belongs to the real driver (use its own property, e.g. pgjdbc's
 * {@code loginTimeout} in the URL).
 */
public class ColshiftDataSource implements DataSource {

    private static final ColshiftDriver DRIVER = new ColshiftDriver();

    private String url;
    private String user;
    private String password;
    private Boolean enabled;
    private String controlSchema;
    private Long pollMs;
    private Integer cacheSize;
    private Boolean listen;
    private Long maxStaleness;
    private Boolean watch;
    private String watchUrl;
    private String pooler;
    private int loginTimeout;
    private PrintWriter logWriter;

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(user, password);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        if (url == null || !DRIVER.acceptsURL(url)) {
            throw new SQLNonTransientConnectionException("ColshiftDataSource needs url set to a "
                    + ColshiftDriver.URL_PREFIX + "… URL, got " + ConnectTarget.redact(url), "08001");
        }
        Properties properties = new Properties();
        if (username != null) {
            properties.setProperty("user", username);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        if (enabled != null) {
            properties.setProperty(ColshiftConfig.ENABLED, enabled.toString());
        }
        if (controlSchema != null) {
            properties.setProperty(ColshiftConfig.CONTROL_SCHEMA, controlSchema);
        }
        if (pollMs != null) {
            properties.setProperty(ColshiftConfig.POLL_MS, pollMs.toString());
        }
        if (cacheSize != null) {
            properties.setProperty(ColshiftConfig.CACHE_SIZE, cacheSize.toString());
        }
        if (listen != null) {
            properties.setProperty(ColshiftConfig.LISTEN, listen.toString());
        }
        if (maxStaleness != null) {
            properties.setProperty(ColshiftConfig.MAX_STALENESS, maxStaleness.toString());
        }
        if (watch != null) {
            properties.setProperty(ColshiftConfig.WATCH, watch.toString());
        }
        if (watchUrl != null) {
            properties.setProperty(ColshiftConfig.WATCH_URL, watchUrl);
        }
        if (pooler != null) {
            properties.setProperty(ColshiftConfig.POOLER, pooler);
        }
        return DRIVER.connect(url, properties);
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    /** Alias of {@link #setUser(String)} for frameworks that call the property {@code username}. */
    public void setUsername(String username) {
        this.user = username;
    }

    public String getUsername() {
        return user;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isEnabled() {
        return enabled == null ? ColshiftConfig.DEFAULTS.enabled() : enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getControlSchema() {
        return controlSchema == null ? ColshiftConfig.DEFAULTS.controlSchema() : controlSchema;
    }

    public void setControlSchema(String controlSchema) {
        this.controlSchema = controlSchema;
    }

    public long getPollMs() {
        return pollMs == null ? ColshiftConfig.DEFAULTS.pollMs() : pollMs;
    }

    public void setPollMs(long pollMs) {
        this.pollMs = pollMs;
    }

    public int getCacheSize() {
        return cacheSize == null ? ColshiftConfig.DEFAULTS.cacheSize() : cacheSize;
    }

    public void setCacheSize(int cacheSize) {
        this.cacheSize = cacheSize;
    }

    public boolean isListen() {
        return listen == null ? ColshiftConfig.DEFAULTS.listen() : listen;
    }

    public void setListen(boolean listen) {
        this.listen = listen;
    }

    /** The lease in milliseconds; unset, twice {@link #getPollMs()}. */
    public long getMaxStaleness() {
        return maxStaleness == null ? ColshiftConfig.DEFAULTS.withPollMs(getPollMs()).effectiveMaxStalenessMs()
                : maxStaleness;
    }

    public void setMaxStaleness(long maxStaleness) {
        this.maxStaleness = maxStaleness;
    }

    public boolean isWatch() {
        return watch == null ? ColshiftConfig.DEFAULTS.watch() : watch;
    }

    public void setWatch(boolean watch) {
        this.watch = watch;
    }

    public String getWatchUrl() {
        return watchUrl;
    }

    public void setWatchUrl(String watchUrl) {
        this.watchUrl = watchUrl;
    }

    /** {@code auto}, {@code none}, {@code transaction} or {@code transaction-prepared}; checked when connecting. */
    public String getPooler() {
        return pooler == null ? ColshiftConfig.DEFAULTS.pooler().value() : pooler;
    }

    public void setPooler(String pooler) {
        this.pooler = pooler;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public void setLoginTimeout(int seconds) {
        this.loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("colshift logs through SLF4J, not java.util.logging");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("ColshiftDataSource does not wrap a " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "ColshiftDataSource[" + ConnectTarget.redact(url) + (user == null ? "" : " as " + user) + "]";
    }
}
