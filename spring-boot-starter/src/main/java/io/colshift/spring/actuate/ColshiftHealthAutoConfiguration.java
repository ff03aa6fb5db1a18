package io.colshift.spring.actuate;

import io.colshift.spring.ColshiftAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The {@code colshift} health indicator ({@code management.health.colshift.enabled}) on Spring Boot 3. The class
 * condition names Boot 3's health API by string: Spring Boot 4 moved it to {@code org.springframework.boot.health},
 * so there this class is skipped and {@link io.colshift.spring.actuate.boot4.ColshiftHealthAutoConfiguration}
 * applies instead.
 */
@AutoConfiguration(after = ColshiftAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.health.AbstractHealthIndicator")
@ConditionalOnProperty(prefix = "colshift", name = "enabled", havingValue = "true", matchIfMissing = true)
public class ColshiftHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "colshiftHealthIndicator")
    @ConditionalOnEnabledHealthIndicator("colshift")
    ColshiftHealthIndicator colshiftHealthIndicator() {
        return new ColshiftHealthIndicator();
    }
}
