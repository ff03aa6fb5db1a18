package io.colshift.spring;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The driver class for a {@code jdbc:colshift:} URL, supplied by the post-processor that
 * {@code META-INF/spring.factories} registers: a real {@link SpringApplication} finds it, on Spring Boot 3 and on
 * Boot 4, which still reads that key (spring-boot4-sample runs this test on Boot 4). Nothing connects.
 */
class ColshiftDriverClassEnvironmentTest {

    @Configuration(proxyBeanMethods = false)
    static class NoBeans {
    }

    @Test
    void aColshiftUrlGetsTheColshiftDriverClass() {
        try (ConfigurableApplicationContext ctx = run("--spring.datasource.url=jdbc:colshift:postgresql://db.invalid/app")) {
            assertThat(ctx.getEnvironment().getProperty(ColshiftDriverClassEnvironment.DRIVER_CLASS))
                    .isEqualTo("io.colshift.driver.ColshiftDriver");
        }
    }

    @Test
    void aDriverClassSetByTheApplicationWins() {
        try (ConfigurableApplicationContext ctx = run("--spring.datasource.url=jdbc:colshift:postgresql://db.invalid/app",
                "--spring.datasource.driver-class-name=com.example.Wrapper")) {
            assertThat(ctx.getEnvironment().getProperty(ColshiftDriverClassEnvironment.DRIVER_CLASS))
                    .isEqualTo("com.example.Wrapper");
        }
    }

    @Test
    void aPostgresqlUrlNeedsNoDriverClass() {
        try (ConfigurableApplicationContext ctx = run("--spring.datasource.url=jdbc:postgresql://db.invalid/app")) {
            assertThat(ctx.getEnvironment().containsProperty(ColshiftDriverClassEnvironment.DRIVER_CLASS)).isFalse();
        }
    }

    private static ConfigurableApplicationContext run(String... args) {
        SpringApplication application = new SpringApplication(NoBeans.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setLogStartupInfo(false);
        return application.run(args);
    }
}
