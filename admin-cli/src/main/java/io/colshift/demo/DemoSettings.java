package io.colshift.demo;

import java.time.Duration;

/**
 * How the demo runs.
 *
 * @param rows          rows seeded into {@code users}
 * @param threads       client threads per application version
 * @param opsPerSecond  steady operations per second per application version
 * @param phaseHold     how long traffic runs in each phase before the next step
 * @param url           an existing server's {@code jdbc:postgresql:} URL, or null for an embedded one
 * @param user          role for {@code url}
 * @param password      password for {@code url}; never printed
 * @param color         draw a live panel (ANSI) instead of plain lines
 */
public record DemoSettings(long rows, int threads, double opsPerSecond, Duration phaseHold, String url, String user,
                           String password, boolean color) {

    @Override
    public String toString() {
        return "DemoSettings[rows=" + rows + ", threads=" + threads + ", opsPerSecond=" + opsPerSecond
                + ", phaseHold=" + phaseHold + ", url=" + url + ", user=" + user + ", color=" + color + "]";
    }
}
