package io.colshift.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;

/** The embedded server: a local PostgreSQL from Maven-delivered binaries, superuser {@code postgres}. */
public final class EmbeddedServer implements PostgresServer {

    private final EmbeddedPostgres postgres;
    private final String host;

    private EmbeddedServer(EmbeddedPostgres postgres, String host) {
        this.postgres = postgres;
        this.host = host;
    }

    public static EmbeddedServer start() {
        return new EmbeddedServer(EmbeddedPostgresLauncher.start(), "localhost");
    }

    /** A server from the zonky binaries jar at {@code binariesJar}, on 127.0.0.1 (see {@link EmbeddedPostgresLauncher#start(java.nio.file.Path)}). */
    public static EmbeddedServer start(java.nio.file.Path binariesJar) {
        return new EmbeddedServer(EmbeddedPostgresLauncher.start(binariesJar), "127.0.0.1");
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + postgres.getPort() + "/" + database;
    }

    @Override
    public String user() {
        return "postgres";
    }

    @Override
    public String password() {
        return "";
    }

    @Override
    public String description() {
        return "embedded PostgreSQL on " + host + ":" + postgres.getPort();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
