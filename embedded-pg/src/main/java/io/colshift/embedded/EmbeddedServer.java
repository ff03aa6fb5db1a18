package io.colshift.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;

/** The embedded server: a local PostgreSQL from Maven-delivered binaries, superuser {@code postgres}. */
public final class EmbeddedServer implements PostgresServer {

    private final EmbeddedPostgres postgres;

    private EmbeddedServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedServer start() {
        return new EmbeddedServer(EmbeddedPostgresLauncher.start());
    }

    public int port() {
        return postgres.getPort();
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
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
        return "embedded PostgreSQL on port " + postgres.getPort();
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
