package io.colshift.spring;

import org.springframework.boot.SpringBootVersion;
import org.springframework.util.ClassUtils;

/**
 * The Spring Boot line the tests run on. The starter's tests are compiled and run against Boot 3 in this module
 * and against Boot 4 in spring-boot4-sample, so they name the classes that moved between the lines by string.
 */
public final class BootLine {

    private BootLine() {
    }

    /** Whether the class path holds Spring Boot 4 (else 3). */
    public static boolean boot4() {
        return SpringBootVersion.getVersion().startsWith("4.");
    }

    /** Spring Boot's own DataSource auto-configuration: {@code spring-boot-jdbc} on Boot 4. */
    public static Class<?> dataSourceAutoConfiguration() {
        return load(boot4() ? "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"
                : "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration");
    }

    /** The colshift health indicator class meant for this line. */
    public static String healthIndicatorClass() {
        return boot4() ? "io.colshift.spring.actuate.boot4.ColshiftHealthIndicator"
                : "io.colshift.spring.actuate.ColshiftHealthIndicator";
    }

    public static Class<?> load(String name) {
        return ClassUtils.resolveClassName(name, BootLine.class.getClassLoader());
    }
}
