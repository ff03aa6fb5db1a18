package io.colshift.bench;

import javax.sql.DataSource;

/** An open client: the {@link DataSource} the workloads use and what must be closed after them. */
public record ClientPool(Client client, DataSource dataSource, AutoCloseable resources) implements AutoCloseable {

    @Override
    public void close() throws Exception {
        resources.close();
    }
}
