package io.colshift.state;

import java.time.Duration;

/**
 * How often drivers report the state version they run, and how recent a report must be for the CLI to count
 * the driver as live (a driver that stopped reporting for longer is gone, not lagging).
 */
public final class Heartbeats {

    /** Interval between two heartbeats of one watcher. */
    public static final Duration INTERVAL = Duration.ofSeconds(3);

    /** A client whose last heartbeat is older than this is not live; several missed beats, not one. */
    public static final Duration LIVE_WITHIN = Duration.ofSeconds(15);

    private Heartbeats() {
    }
}
