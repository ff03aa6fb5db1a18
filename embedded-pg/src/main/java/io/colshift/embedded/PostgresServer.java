package io.colshift.embedded;

/**
 * A PostgreSQL server the tests may create and drop databases on, whichever way it was found.
 */
public interface PostgresServer extends AutoCloseable {

    /** A plain {@code jdbc:postgresql:} URL of {@code database} on this server. */
    String jdbcUrl(String database);

    String user();

    String password();

    /** Where the server came from, for the one log line that says so. */
    String description();

    @Override
    void close();
}
