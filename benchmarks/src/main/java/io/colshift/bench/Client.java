package io.colshift.bench;

import com.zaxxer.hikari.HikariDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.apache.shardingsphere.driver.api.yaml.YamlShardingSphereDataSourceFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.SQLException;

/**
 * The JDBC paths compared, each over the same {@link PoolSettings HikariCP pool} to the same database.
 * Peers are configured to do as little as they can (no logging, no listeners, no rules), which is how
 * they would sit idle in an application, and the most favourable setting for them.
 */
public enum Client {

    /** pgjdbc through HikariCP: the physical limit for a JDBC path. */
    RAW("raw pgjdbc") {
        @Override
        public ClientPool open(BenchTarget target) {
            HikariDataSource pool = PoolSettings.pool(name(), target.rawUrl(), target);
            return new ClientPool(this, pool, pool);
        }
    },

    /** {@code jdbc:colshift:} through HikariCP. */
    COLSHIFT("colshift") {
        @Override
        public ClientPool open(BenchTarget target) {
            HikariDataSource pool = PoolSettings.pool(name(), target.colshiftUrl(), target);
            return new ClientPool(this, pool, pool);
        }
    },

    /** p6spy 3.9.1, {@code jdbc:p6spy:}; spy.properties on the class path loads no logging module. */
    P6SPY("p6spy") {
        @Override
        public ClientPool open(BenchTarget target) {
            HikariDataSource pool = PoolSettings.pool(name(), target.p6spyUrl(), target);
            return new ClientPool(this, pool, pool);
        }
    },

    /** datasource-proxy around the HikariCP pool, with no listener. */
    DATASOURCE_PROXY("datasource-proxy") {
        @Override
        public ClientPool open(BenchTarget target) {
            HikariDataSource pool = PoolSettings.pool(name(), target.rawUrl(), target);
            return new ClientPool(this, ProxyDataSourceBuilder.create(name(), pool).build(), pool);
        }
    },

    /** ShardingSphere-JDBC over the HikariCP pool as its single data source, configured by shardingsphere.yaml. */
    SHARDINGSPHERE("ShardingSphere-JDBC") {
        @Override
        public ClientPool open(BenchTarget target) throws SQLException {
            HikariDataSource pool = PoolSettings.pool(name(), target.rawUrl(), target);
            try {
                DataSource sharding = YamlShardingSphereDataSourceFactory.createDataSource(pool, shardingSphereYaml());
                return new ClientPool(this, sharding, () -> {
                    try {
                        ((AutoCloseable) sharding).close();
                    } finally {
                        pool.close();
                    }
                });
            } catch (SQLException | IOException | RuntimeException e) {
                pool.close();
                throw e instanceof SQLException sql ? sql : new SQLException("ShardingSphere-JDBC did not start", e);
            }
        }
    };

    private final String label;

    Client(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Opens a pool of this client to {@code target}; the caller closes it. */
    public abstract ClientPool open(BenchTarget target) throws SQLException;

    private static byte[] shardingSphereYaml() {
        try (InputStream in = Client.class.getResourceAsStream("/shardingsphere.yaml")) {
            if (in == null) {
                throw new IllegalStateException("shardingsphere.yaml missing from the benchmarks jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
