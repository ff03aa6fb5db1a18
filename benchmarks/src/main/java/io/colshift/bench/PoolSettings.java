package io.colshift.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The one HikariCP configuration every client gets, so that pools never explain a difference:
 * a fixed-size pool as large as the most client threads a benchmark uses, auto-commit on, no test query.
 */
public final class PoolSettings {

    public static final int POOL_SIZE = 4;

    private PoolSettings() {
    }

    public static HikariDataSource pool(String poolName, String jdbcUrl, BenchTarget target) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(target.user());
        config.setPassword(target.password());
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(POOL_SIZE);
        config.setAutoCommit(true);
        config.setConnectionTimeout(30_000);
        config.setInitializationFailTimeout(30_000);
        return new HikariDataSource(config);
    }
}
