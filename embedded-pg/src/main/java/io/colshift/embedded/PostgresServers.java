package io.colshift.embedded;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the server tests run against, in a fixed order: {@code COLSHIFT_TEST_JDBC_URL} if set,
 * Testcontainers when a Docker engine answers, otherwise an embedded PostgreSQL.
 */
public final class PostgresServers {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresServers.class);

    private PostgresServers() {
    }

    /** The PostgreSQL major version the build asked for ({@code -Dpg.version}, default 17). */
    public static String requestedMajorVersion() {
        return System.getProperty("pg.version", "17");
    }

    public static PostgresServer resolve() {
        PostgresServer server;
        String url = System.getenv(ExternalServer.URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            server = ExternalServer.connect(url, System.getenv(ExternalServer.USER_VARIABLE),
                    System.getenv(ExternalServer.PASSWORD_VARIABLE));
        } else if (ContainerServer.dockerAnswers()) {
            server = ContainerServer.start(requestedMajorVersion());
        } else {
            server = EmbeddedServer.start();
        }
        LOG.info("colshift tests use the {}", server.description());
        return server;
    }
}
