package io.colshift.demo.workload;

import java.sql.SQLException;

/** One simulated application thread: each call performs one operation and checks its result. */
@FunctionalInterface
public interface AppClient {

    /**
     * @throws SQLException    when the database (or the driver) refused the operation
     * @throws ResultMismatch  when it succeeded but returned something the application did not write
     */
    void next() throws SQLException, ResultMismatch;
}
