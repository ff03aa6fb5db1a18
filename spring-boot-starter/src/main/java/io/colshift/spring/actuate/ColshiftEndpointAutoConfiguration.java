package io.colshift.spring.actuate;

import io.colshift.spring.ColshiftAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The {@code colshift} endpoint (exposed like any other, e.g.
 * {@code management.endpoints.web.exposure.include=health,colshift}) when Actuator is on the class path. One class
 * for Spring Boot 3 and 4: the endpoint annotations and {@code @ConditionalOnAvailableEndpoint} kept their packages.
 */
@AutoConfiguration(after = ColshiftAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnProperty(prefix = "colshift", name = "enabled", havingValue = "true", matchIfMissing = true)
public class ColshiftEndpointAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint
    ColshiftEndpoint colshiftEndpoint() {
        return new ColshiftEndpoint();
    }
}
