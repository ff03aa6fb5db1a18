package io.colshift.spring;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;

/**
 * Sends the application's DataSource through colshift ({@link ColshiftDataSourcePostProcessor}) unless
 * {@code colshift.enabled=false}.
 */
@AutoConfiguration
@ConditionalOnClass(DataSource.class)
@ConditionalOnProperty(prefix = "colshift", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(ColshiftProperties.class)
public class ColshiftAutoConfiguration {

    /** Static and bound straight from the environment: a post-processor must not pull other beans in early. */
    @Bean
    static ColshiftDataSourcePostProcessor colshiftDataSourcePostProcessor(Environment environment) {
        ColshiftProperties properties = Binder.get(environment)
                .bindOrCreate("colshift", ColshiftProperties.class);
        return new ColshiftDataSourcePostProcessor(properties);
    }
}
