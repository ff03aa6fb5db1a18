package io.colshift.phase;

import java.sql.SQLException;
import java.time.Duration;

/** Sleeping inside a step: an interrupt (Ctrl-C) ends the step as a cancelled statement would. */
final class Pause {

    private Pause() {
    }

    static void sleep(Duration d) throws SQLException {
        try {
            Thread.sleep(Math.max(0, d.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted", "57014", e);
        }
    }
}
