package io.colshift.spring;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the starter does to Spring Boot's auto-configured HikariCP pool, checked before the pool opens any
 * connection (the database named here does not exist; nothing connects). Runs on Spring Boot 3 here and on Boot 4
 * in spring-boot4-sample ({@link BootLine}).
 */
class ColshiftAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(BootLine.dataSourceAutoConfiguration(),
                    ColshiftAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:postgresql://db.invalid:5432/app",
                    "spring.datasource.username=app");

    @Test
    void postgresqlUrlGoesThroughColshiftWithTheSettingsAsDriverProperties() {
        context.withPropertyValues("colshift.poll-ms=250", "colshift.max-staleness=3s", "colshift.control-schema=cs",
                "colshift.watch=false", "colshift.cache-size=500").run(ctx -> {
            HikariDataSource pool = ctx.getBean(HikariDataSource.class);
            assertThat(pool.getJdbcUrl()).isEqualTo("jdbc:colshift:postgresql://db.invalid:5432/app");
            assertThat(pool.getDriverClassName()).isEqualTo("io.colshift.driver.ColshiftDriver");
            assertThat(pool.getDataSourceProperties())
                    .containsEntry("colshift.pollMs", "250")
                    .containsEntry("colshift.maxStaleness", "3000")
                    .containsEntry("colshift.controlSchema", "cs")
                    .containsEntry("colshift.watch", "false")
                    .containsEntry("colshift.cacheSize", "500")
                    .doesNotContainKeys("colshift.listen", "colshift.watchUrl");
        });
    }

    @Test
    void colshiftUrlAlreadySetIsKept() {
        context.withPropertyValues("spring.datasource.url=jdbc:colshift:postgresql://db.invalid/app?colshift.pollMs=9")
                .withInitializer(ctx -> new ColshiftDriverClassEnvironment()
                        .postProcessEnvironment(ctx.getEnvironment(), new SpringApplication()))
                .run(ctx -> assertThat(ctx.getBean(HikariDataSource.class).getJdbcUrl())
                        .isEqualTo("jdbc:colshift:postgresql://db.invalid/app?colshift.pollMs=9"));
    }

    @Test
    void poolSettingWrittenUnderHikariWinsOverTheColshiftSection() {
        context.withPropertyValues("colshift.poll-ms=250",
                        "spring.datasource.hikari.data-source-properties.colshift.pollMs=40")
                .run(ctx -> assertThat(ctx.getBean(HikariDataSource.class).getDataSourceProperties())
                        .containsEntry("colshift.pollMs", "40"));
    }

    @Test
    void anotherDatabaseIsLeftAlone() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ColshiftAutoConfiguration.class))
                .withBean(HikariDataSource.class, () -> {
                    HikariDataSource pool = new HikariDataSource();
                    pool.setJdbcUrl("jdbc:h2:mem:app"); // no driver class: nothing is loaded
                    return pool;
                })
                .run(ctx -> {
                    HikariDataSource pool = ctx.getBean(HikariDataSource.class);
                    assertThat(pool.getJdbcUrl()).isEqualTo("jdbc:h2:mem:app");
                    assertThat(pool.getDriverClassName()).isNull();
                    assertThat(pool.getDataSourceProperties()).isEmpty();
                });
    }

    @Test
    void disabledLeavesTheDataSourceAsConfigured() {
        context.withPropertyValues("colshift.enabled=false").run(ctx -> {
            assertThat(ctx).doesNotHaveBean(ColshiftDataSourcePostProcessor.class);
            assertThat(ctx.getBean(HikariDataSource.class).getJdbcUrl())
                    .isEqualTo("jdbc:postgresql://db.invalid:5432/app");
        });
    }

    @Test
    void aPoolWithoutDriverPropertiesGetsTheSettingsInItsUrl() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ColshiftAutoConfiguration.class))
                .withPropertyValues("colshift.poll-ms=250")
                .withBean(org.springframework.jdbc.datasource.DriverManagerDataSource.class,
                        () -> new org.springframework.jdbc.datasource.DriverManagerDataSource(
                                "jdbc:postgresql://db.invalid:5432/app"))
                .run(ctx -> assertThat(ctx.getBean(org.springframework.jdbc.datasource.DriverManagerDataSource.class)
                        .getUrl()).isEqualTo("jdbc:colshift:postgresql://db.invalid:5432/app?colshift.pollMs=250"));
    }
}
