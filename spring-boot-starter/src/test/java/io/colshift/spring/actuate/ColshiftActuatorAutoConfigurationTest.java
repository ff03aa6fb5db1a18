package io.colshift.spring.actuate;

import io.colshift.spring.BootLine;
import io.colshift.spring.ColshiftAutoConfiguration;
import io.colshift.spring.ColshiftMetricsAutoConfiguration;
import io.colshift.metrics.ColshiftMetrics;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's Actuator and Micrometer beans with every auto-configuration the starter lists, as an application
 * gets them: exactly the health indicator of the Spring Boot line on the class path (this module runs Boot 3,
 * spring-boot4-sample runs the same test on Boot 4), the endpoint and the meter binder.
 */
class ColshiftActuatorAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(starterAutoConfigurations()))
            .withPropertyValues("management.endpoints.web.exposure.include=health,colshift");

    @Test
    void theHealthIndicatorIsTheOneOfTheBootLineOnTheClassPath() {
        context.run(ctx -> {
            assertThat(ctx).hasNotFailed();
            assertThat(ctx.getBean("colshiftHealthIndicator").getClass().getName())
                    .isEqualTo(BootLine.healthIndicatorClass());
            assertThat(ctx).hasSingleBean(ColshiftEndpoint.class).hasSingleBean(ColshiftMetrics.class);
        });
    }

    @Test
    void theHealthIndicatorCanBeTurnedOffAlone() {
        context.withPropertyValues("management.health.colshift.enabled=false").run(ctx -> {
            assertThat(ctx).doesNotHaveBean("colshiftHealthIndicator");
            assertThat(ctx).hasSingleBean(ColshiftEndpoint.class);
        });
    }

    @Test
    void anEndpointNotExposedIsNotCreated() {
        context.withPropertyValues("management.endpoints.web.exposure.include=health")
                .run(ctx -> assertThat(ctx).doesNotHaveBean(ColshiftEndpoint.class).hasBean("colshiftHealthIndicator"));
    }

    @Test
    void disabledColshiftAddsNoActuatorOrMeterBean() {
        context.withPropertyValues("colshift.enabled=false").run(ctx -> {
            assertThat(ctx).doesNotHaveBean("colshiftHealthIndicator");
            assertThat(ctx).doesNotHaveBean(ColshiftEndpoint.class).doesNotHaveBean(ColshiftMetrics.class);
        });
    }

    @Test
    void withoutAServerFollowedHealthIsUpWithNoServers() {
        ColshiftHealthCheck.Result result = new ColshiftHealthCheck().check();
        assertThat(result.up()).isTrue();
        assertThat(result.details()).containsOnlyKeys("servers").containsEntry("servers", List.of());
    }

    /** Every auto-configuration the starter's {@code AutoConfiguration.imports} names, loaded by name. */
    private static Class<?>[] starterAutoConfigurations() {
        ImportCandidates candidates = ImportCandidates.load(AutoConfiguration.class,
                ColshiftActuatorAutoConfigurationTest.class.getClassLoader());
        Class<?>[] classes = StreamSupport.stream(candidates.spliterator(), false)
                .filter(name -> name.startsWith("io.colshift."))
                .map(BootLine::load)
                .toArray(Class<?>[]::new);
        assertThat(classes).contains(ColshiftAutoConfiguration.class, ColshiftMetricsAutoConfiguration.class,
                ColshiftEndpointAutoConfiguration.class).hasSize(5);
        return classes;
    }
}
