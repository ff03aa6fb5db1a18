package io.colshift.spring.actuate;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Health {@code colshift} on Spring Boot 3 ({@code org.springframework.boot.actuate.health}): the result of
 * {@link ColshiftHealthCheck} in Boot 3's health API. Spring Boot 4 uses
 * {@link io.colshift.spring.actuate.boot4.ColshiftHealthIndicator} instead.
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
