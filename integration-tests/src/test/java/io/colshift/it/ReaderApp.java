package io.colshift.it;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.colshift.demo.workload.SimulatedApp;
import io.colshift.demo.workload.UsersTable;
import io.colshift.demo.workload.Workload;
import io.colshift.demo.workload.WorkloadStats;

import java.util.Map;

/**
 * A read-only application version on a server that may lag (a standby, or a multi-host URL): its own HikariCP pool
 * on a {@code jdbc:colshift:} URL and {@link ReservedRowsReader} threads. Its connections carry the application
 * name {@code colshift-it-<name>}, so a test can count them on each server.
 */
final class ReaderApp implements AutoCloseable {

    private final HikariDataSource pool;
    private final Workload workload;

    private ReaderApp(HikariDataSource pool, Workload workload) {
        this.pool = pool;
        this.workload = workload;
    }

    /**
     * @param colshiftUrl  {@code jdbc:colshift:postgresql://...} of the server(s) to read from
     * @param readsStatus  the new version (reads {@code status}) or the old one
     * @param properties   colshift and pgjdbc settings for the pool's connections
     */
    static ReaderApp start(String colshiftUrl, String user, String password, UsersTable table, boolean readsStatus,
                           int threads, double opsPerSecondPerThread, Map<String, String> properties,
                           WorkloadStats stats) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(stats.name());
        config.setDriverClassName(SimulatedApp.DRIVER_CLASS);
        config.setJdbcUrl(colshiftUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(threads);
        config.setMinimumIdle(threads);
        config.setReadOnly(true);
        config.addDataSourceProperty("prepareThreshold", "1");
        config.addDataSourceProperty("ApplicationName", applicationName(stats.name()));
        properties.forEach(config::addDataSourceProperty);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            long seed = stats.name().hashCode();
            Workload workload = Workload.start(stats.name(), threads, opsPerSecondPerThread,
                    i -> new ReservedRowsReader(pool, table, readsStatus, seed + i), stats);
            return new ReaderApp(pool, workload);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    static String applicationName(String appName) {
        return "colshift-it-" + appName;
    }

    @Override
    public void close() {
        try {
            workload.close();
        } finally {
            pool.close();
        }
    }
}
