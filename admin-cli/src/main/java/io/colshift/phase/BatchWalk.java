package io.colshift.phase;

import java.sql.Connection;
import java.sql.SQLException;

/** One pass over the table in batches; each batch fills the NULL rows of its slice in the caller's transaction. */
public interface BatchWalk {

    /** How the table is walked, for the operator ({@code primary key (id)}, {@code ctid ranges}). */
    String describe();

    /**
     * Fills the next slice after {@code lastKey}.
     *
     * @param lastKey the checkpoint of the previous batch, or null to start at the beginning
     * @param size    rows to fill (an approximation for ctid ranges)
     */
    BatchResult next(Connection connection, String lastKey, int size) throws SQLException;
}
