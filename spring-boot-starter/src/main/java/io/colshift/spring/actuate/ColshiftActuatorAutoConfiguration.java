package io.colshift.spring.actuate;

import io.colshift.spring.ColshiftAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The {@code colshift} health indicator ({@code management.health.colshift.enabled}) and the {@code colshift}
 * endpoint (exposed like any other, e.g. {@code management.endpoints.web.exposure.include=health,colshift}), when
 * Actuator is on the class path.
 */
@AutoConfiguration(after = ColshiftAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.health.AbstractHealthIndicator")
@ConditionalOnProperty(prefix = "colshift", name = "enabled", havingValue = "true", matchIfMissing = true)
public class ColshiftActuatorAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "colshiftHealthIndicator")
    @ConditionalOnEnabledHealthIndicator("colshift")
    ColshiftHealthIndicator colshiftHealthIndicator() {
        return new ColshiftHealthIndicator();
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint
    ColshiftEndpoint colshiftEndpoint() {
        return new ColshiftEndpoint();
    }
}
