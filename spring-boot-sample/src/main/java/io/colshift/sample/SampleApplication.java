package io.colshift.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application that knows nothing of colshift except the starter on its class path: its
 * {@code spring.datasource.url} is a plain {@code jdbc:postgresql:} URL.
 */
@SpringBootApplication
public class SampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}
