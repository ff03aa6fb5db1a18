package io.colshift.spring.actuate.boot4;

import io.colshift.spring.actuate.ColshiftHealthCheck;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health {@code colshift} on Spring Boot 4, whose health API lives in {@code org.springframework.boot.health} (the
 * {@code spring-boot-health} module): the result of {@link ColshiftHealthCheck} in that API.
 */
public class ColshiftHealthIndicator extends AbstractHealthIndicator {

    private final ColshiftHealthCheck check = new ColshiftHealthCheck();

    public ColshiftHealthIndicator() {
        super("colshift health check failed");
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        ColshiftHealthCheck.Result result = check.check();
        (result.up() ? builder.up() : builder.down()).withDetails(result.details());
    }
}
