package io.colshift.demo.workload;

import io.colshift.state.StateWatcher;
import io.colshift.state.StateWatchers;

/**
 * Ends what the driver keeps running in this JVM for one database once the applications using it
 * are gone: its state watcher holds a connection of its own and reconnects when that is cut, which
 * would keep a database from being dropped and a stopped server from being left alone.
 */
public final class DriverShutdown {

    private DriverShutdown() {
    }

    /** Stops this JVM's watcher for {@code target}'s database and control schema, if one runs. */
    public static void stopWatching(DatabaseTarget target) {
        StateWatchers.find(target.plainUrl(), target.credentials(), target.controlSchema()).ifPresent(StateWatcher::close);
    }
}
