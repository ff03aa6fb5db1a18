package io.colshift.demo.workload;

import java.sql.SQLException;

/** One simulated application thread: each call performs one operation and checks its result. */
public interface AppClient {

    /**
     * @throws SQLException    when the database (or the driver) refused the operation
     * @throws ResultMismatch  when it succeeded but returned something the application did not write
     */
    void next() throws SQLException, ResultMismatch;

    /** What the last call to {@link #next()} did, to name it when it fails. */
    String lastOperation();
}
