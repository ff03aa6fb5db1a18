package io.colshift.spring;

import io.colshift.metrics.ColshiftMetrics;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link ColshiftMetrics} as a bean when Micrometer is on the class path: Spring Boot binds every
 * {@code MeterBinder} bean to each {@code MeterRegistry} it creates, so without a registry it costs nothing.
 */
@AutoConfiguration(after = ColshiftAutoConfiguration.class)
@ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
@ConditionalOnProperty(prefix = "colshift", name = "enabled", havingValue = "true", matchIfMissing = true)
public class ColshiftMetricsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ColshiftMetrics colshiftMetrics() {
        return new ColshiftMetrics();
    }
}
