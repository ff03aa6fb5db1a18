package io.colshift.spring.actuate.boot4;

import io.colshift.spring.ColshiftAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code colshift} health indicator ({@code management.health.colshift.enabled}) on Spring Boot 4. The class
 * condition names Boot 4's health API by string, so on Boot 3, where that API is absent, this class is skipped
 * before any of its Boot 4 types is loaded, and {@link io.colshift.spring.actuate.ColshiftHealthAutoConfiguration}
 * applies instead.
 */
@AutoConfiguration(after = ColshiftAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.health.contributor.AbstractHealthIndicator")
@ConditionalOnProperty(prefix = "colshift", name = "enabled", havingValue = "true", matchIfMissing = true)
public class ColshiftHealthAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "colshiftHealthIndicator")
    @ConditionalOnEnabledHealthIndicator("colshift")
    ColshiftHealthIndicator colshiftHealthIndicator() {
        return new ColshiftHealthIndicator();
    }
}
