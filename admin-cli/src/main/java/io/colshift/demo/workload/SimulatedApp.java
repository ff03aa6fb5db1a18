package io.colshift.demo.workload;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * One application version as it runs in production: its own HikariCP pool on a
 * {@code jdbc:colshift:} URL, and client threads sending its traffic.
 */
public final class SimulatedApp implements AutoCloseable {

    /** The driver class an application names when its pool asks for one. */
    public static final String DRIVER_CLASS = "io.colshift.driver.ColshiftDriver";

    private final HikariDataSource pool;
    private final Workload workload;

    private SimulatedApp(HikariDataSource pool, Workload workload) {
        this.pool = pool;
        this.workload = workload;
    }

    /**
     * Starts an application version. Its pool forces server-side prepared statements from the first
     * execution ({@code prepareThreshold=1}), where schema changes under running statements bite hardest.
     *
     * @param firstSlice index of this application's first client among the clients of all applications
     * @param slices     how many clients all applications run together
     */
    public static SimulatedApp start(AppVersion version, DatabaseTarget target, UsersTable table, Ledger ledger,
                                     long seededRows, Traffic traffic, int firstSlice, int slices, WorkloadStats stats) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(version.label());
        config.setDriverClassName(DRIVER_CLASS);
        config.setJdbcUrl(target.colshiftUrl());
        config.setUsername(target.user());
        config.setPassword(target.password());
        config.setMaximumPoolSize(traffic.threads());
        config.setMinimumIdle(traffic.threads());
        config.addDataSourceProperty("prepareThreshold", "1");
        config.addDataSourceProperty("ApplicationName", version.applicationName());
        target.colshiftProperties().forEach(config::addDataSourceProperty);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Workload workload = Workload.start(version.label(), traffic.threads(), traffic.opsPerSecondPerThread(),
                    i -> switch (version) {
                        case V1 -> new V1Client(pool, table, ledger, seededRows, firstSlice + i, slices,
                                1_000L * (firstSlice + i));
                        case V2 -> new V2Client(pool, table, ledger, seededRows, firstSlice + i, slices,
                                1_000L * (firstSlice + i), stats);
                    }, stats);
            return new SimulatedApp(pool, workload);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    public WorkloadStats stats() {
        return workload.stats();
    }

    /** Stops the clients, then closes the pool. */
    @Override
    public void close() {
        try {
            workload.close();
        } finally {
            pool.close();
        }
    }
}
