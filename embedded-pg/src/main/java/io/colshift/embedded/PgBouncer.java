package io.colshift.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away PgBouncer in transaction pooling mode in front of a PostgreSQL server, for tests that must see
 * what applications behind a pooler see: consecutive transactions of one client connection run on whichever
 * server connection is free, so session state (prepared statements, {@code LISTEN}, {@code SET}) does not
 * follow the client.
 *
 * <p>It runs the system's {@code /usr/sbin/pgbouncer} (Debian's {@code pgbouncer} package; {@code .ci/run}
 * installs it), listening on a free port of 127.0.0.1 only, with its configuration, user list, log and pid
 * file in a temporary directory, and is stopped by its process id. A missing binary is an error, not a reason
 * to skip: the message says how to install it.
 *
 * <p>PgBouncer refuses to run as root. As root it is started the way the embedded PostgreSQL is: inside a
 * fresh user namespace ({@code unshare -U}), where it is an unprivileged user; where user namespaces are not
 * allowed, as {@code nobody} through {@code setpriv}. The temporary directory is therefore open to that user.
 *
 * <p>Clients authenticate to PgBouncer with the server's own user and password ({@code trust} when the
 * password is empty, as for the embedded server; {@code md5} otherwise), and PgBouncer logs in to the server
 * with the same pair. pgjdbc's {@code extra_float_digits} startup parameter is ignored, as every pgjdbc user of
 * PgBouncer configures it.
 */
public final class PgBouncer implements AutoCloseable {

    /** Where Debian's package puts the binary. */
    public static final Path BINARY = Path.of("/usr/sbin/pgbouncer");

    private static final long START_TIMEOUT_MS = 15_000;

    private final Process process;
    private final Path directory;
    private final int port;

    private PgBouncer(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    /**
     * Starts PgBouncer in transaction mode in front of the server of {@code jdbcUrl} ({@code jdbc:postgresql://host:port/…}).
     *
     * @param poolSize server connections per database and user; fewer than the clients, so that they share them
     * @throws IllegalStateException when the binary is missing or PgBouncer does not come up (with its log)
     */
    public static PgBouncer transactionPool(String jdbcUrl, String user, String password, int poolSize) {
        return transactionPool(BINARY, jdbcUrl, user, password, poolSize);
    }

    static PgBouncer transactionPool(Path binary, String jdbcUrl, String user, String password, int poolSize) {
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("PgBouncer is not installed: " + binary + " is missing. Install it with "
                    + "'apt-get install -y pgbouncer' (Debian/Ubuntu; .ci/run does this).");
        }
        URI server = URI.create(jdbcUrl.substring("jdbc:".length()));
        String host = server.getHost() == null || server.getHost().equals("localhost") ? "127.0.0.1" : server.getHost();
        int serverPort = server.getPort() < 0 ? 5432 : server.getPort();
        try {
            Path directory = Files.createTempDirectory("colshift-pgbouncer-");
            open(directory, "rwxrwxrwx");
            int port = LocalPostgres.freePort();
            Path userList = write(directory.resolve("userlist.txt"), quote(user) + " " + quote(password) + "\n");
            Path config = write(directory.resolve("pgbouncer.ini"), String.join("\n",
                    "[databases]",
                    "* = host=" + host + " port=" + serverPort,
                    "",
                    "[pgbouncer]",
                    "listen_addr = 127.0.0.1",
                    "listen_port = " + port,
                    "unix_socket_dir =",
                    "auth_type = " + (password == null || password.isEmpty() ? "trust" : "md5"),
                    "auth_file = " + userList,
                    "pool_mode = transaction",
                    "default_pool_size = " + poolSize,
                    "max_client_conn = 500",
                    "ignore_startup_parameters = extra_float_digits",
                    "pidfile = " + directory.resolve("pgbouncer.pid"),
                    "logfile = " + directory.resolve("pgbouncer.log"),
                    "log_connections = 0",
                    "log_disconnections = 0",
                    ""));
            Path output = directory.resolve("pgbouncer.out");
            Process process = new ProcessBuilder(command(binary, config))
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            PgBouncer bouncer = new PgBouncer(process, directory, port);
            bouncer.awaitListening();
            return bouncer;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start PgBouncer", e);
        }
    }

    /** A plain {@code jdbc:postgresql:} URL of {@code database} through this PgBouncer. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** What PgBouncer logged so far (its log file and its own output). */
    public String log() {
        StringBuilder log = new StringBuilder();
        for (String name : List.of("pgbouncer.log", "pgbouncer.out")) {
            Path file = directory.resolve(name);
            try {
                if (Files.exists(file)) {
                    log.append(Files.readString(file, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                log.append("(").append(name).append(" unreadable: ").append(e).append(")\n");
            }
        }
        return log.toString();
    }

    /** Stops this PgBouncer by its process id (SIGTERM, then SIGKILL) and removes its directory. */
    @Override
    public void close() {
        ProcessHandle handle = process.toHandle();
        handle.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                handle.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            handle.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        LocalPostgres.deleteQuietly(directory);
    }

    private static List<String> command(Path binary, Path config) {
        List<String> command = new ArrayList<>();
        if (EmbeddedPostgresLauncher.runningAsRoot()) {
            // unshare execs pgbouncer (no --fork), so the process we hold is PgBouncer itself.
            if (io.zonky.test.db.postgres.util.LinuxUtils.isUnshareAvailable()) {
                command.addAll(List.of("unshare", "-U"));
            } else {
                command.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
            }
        }
        command.add(binary.toString());
        command.add(config.toString());
        return command;
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                String log = log();
                LocalPostgres.deleteQuietly(directory);
                throw new IllegalStateException("PgBouncer exited with code " + process.exitValue()
                        + " right after starting:\n" + log);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        String log = log();
        close();
        throw new IllegalStateException("PgBouncer did not listen on 127.0.0.1:" + port + " within "
                + START_TIMEOUT_MS + " ms:\n" + log);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for PgBouncer", e);
        }
    }

    /** PgBouncer's user list quotes with {@code "} and doubles a {@code "} inside. */
    private static String quote(String value) {
        return "\"" + (value == null ? "" : value.replace("\"", "\"\"")) + "\"";
    }

    private static Path write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        open(file, "rw-r--r--");
        return file;
    }

    /** The unprivileged PgBouncer process must read the files and write its log and pid file. */
    private static void open(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the process runs as the current user there anyway
        }
    }
}
