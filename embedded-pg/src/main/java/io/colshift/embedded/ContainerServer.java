package io.colshift.embedded;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.nio.file.Files;
import java.nio.file.Path;

/** A PostgreSQL container, used when a Docker engine answers. */
public final class ContainerServer implements PostgresServer {

    private final PostgreSQLContainer container;

    private ContainerServer(PostgreSQLContainer container) {
        this.container = container;
    }

    /** Asks Docker only when there is a sign of one, so machines without it do not wait on a probe. */
    public static boolean dockerAnswers() {
        boolean hinted = System.getenv("DOCKER_HOST") != null || Files.exists(Path.of("/var/run/docker.sock"));
        if (!hinted) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    public static ContainerServer start(String majorVersion) {
        PostgreSQLContainer container = new PostgreSQLContainer("postgres:" + majorVersion + "-alpine")
                .withCommand("postgres", "-c", "max_connections=300", "-c", "fsync=off");
        container.start();
        return new ContainerServer(container);
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/" + database;
    }

    @Override
    public String user() {
        return container.getUsername();
    }

    @Override
    public String password() {
        return container.getPassword();
    }

    @Override
    public String description() {
        return "Testcontainers " + container.getDockerImageName();
    }

    @Override
    public void close() {
        container.stop();
    }
}
