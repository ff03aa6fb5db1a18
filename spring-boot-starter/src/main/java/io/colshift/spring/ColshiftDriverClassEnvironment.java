package io.colshift.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.Map;

/**
 * Lets {@code spring.datasource.url} be a {@code jdbc:colshift:} URL without naming the driver class: Spring Boot
 * infers the driver from the URL and does not know that prefix. Adds
 * {@code spring.datasource.driver-class-name=io.colshift.driver.ColshiftDriver} as a last-resort default, so a
 * driver class set anywhere else still wins.
 */
public class ColshiftDriverClassEnvironment implements EnvironmentPostProcessor {

    static final String URL = "spring.datasource.url";
    static final String DRIVER_CLASS = "spring.datasource.driver-class-name";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String url = environment.getProperty(URL);
        if (url == null || !url.startsWith("jdbc:colshift:") || environment.containsProperty(DRIVER_CLASS)
                || "false".equalsIgnoreCase(environment.getProperty("colshift.enabled"))) {
            return;
        }
        environment.getPropertySources().addLast(new MapPropertySource("colshiftDriverClass",
                Map.of(DRIVER_CLASS, ColshiftUrls.DRIVER_CLASS)));
    }
}
