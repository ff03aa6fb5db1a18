package io.colshift.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Starts a throw-away PostgreSQL server from the binaries that arrive through Maven.
 *
 * <p>PostgreSQL refuses to run as root ({@code initdb: cannot be run as root}), and CI machines and
 * containers often are root. As root, zonky runs every server program inside a fresh user namespace
 * ({@code unshare -U}), where it is an unprivileged user; the launcher checks that this is possible
 * up front, so that a machine that forbids user namespaces gets one clear message instead of a
 * failed {@code initdb}.
 */
public final class EmbeddedPostgresLauncher {

    private EmbeddedPostgresLauncher() {
    }

    /** Starts a server on a free port with settings suited to tests and demos. */
    public static EmbeddedPostgres start() {
        if (runningAsRoot() && !LinuxUtils.isUnshareAvailable()) {
            throw new IllegalStateException("PostgreSQL cannot run as root, and this machine does not allow "
                    + "'unshare -U' (user namespaces) to run it as an unprivileged user. Run as a non-root user, "
                    + "or point the tests at a server with " + ExternalServer.URL_VARIABLE + ".");
        }
        try {
            return EmbeddedPostgres.builder()
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_locks_per_transaction", "256")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL server", e);
        }
    }

    static boolean runningAsRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
