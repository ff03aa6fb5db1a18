package io.colshift.embedded;

import io.colshift.embedded.junit.TestDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A dedicated PostgreSQL server of a test's own: its own data directory, a free port on 127.0.0.1 only (no Unix
 * socket), the postmaster a child process of this JVM, known and stopped by its PID. Unlike the shared test server,
 * a test may restart it, change settings that need a restart ({@code max_connections}), or make it a primary that
 * a {@link PrimaryStandby standby} streams from.
 *
 * <p>{@link #close()} stops the server and deletes its data directory; a JVM that exits without closing it stops
 * the server on the way out. Superuser {@code postgres}, trusted over 127.0.0.1 (replication included).
 */
public final class LocalPostgres implements PostgresServer {

    /** Default settings: fast (no durability needed), small, and ready to be a primary. */
    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            Map.entry("listen_addresses", "'127.0.0.1'"),
            Map.entry("unix_socket_directories", "''"),
            Map.entry("fsync", "off"),
            Map.entry("full_page_writes", "off"),
            Map.entry("synchronous_commit", "off"),
            Map.entry("max_connections", "300"),
            Map.entry("max_locks_per_transaction", "256"),
            Map.entry("shared_buffers", "32MB"),
            Map.entry("wal_level", "replica"),
            Map.entry("max_wal_senders", "10"),
            Map.entry("max_replication_slots", "10"),
            Map.entry("hot_standby", "on"),
            Map.entry("hot_standby_feedback", "on"),
            Map.entry("timezone", "'UTC'"));

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);
    private static final Pattern SETTING_NAME = Pattern.compile("[a-z_][a-z0-9_.]*");

    private final PostgresBinaries binaries;
    private final Path dataDirectory;
    private final Path log;
    private final int port;
    private final String name;
    private Process postmaster;
    private Thread stopOnExit;

    private LocalPostgres(PostgresBinaries binaries, Path dataDirectory, int port, String name) {
        this.binaries = binaries;
        this.dataDirectory = dataDirectory;
        this.log = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".log");
        this.port = port;
        this.name = name;
    }

    /** A new server with the default settings. */
    public static LocalPostgres start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Settings of a new server, written to its {@code postgresql.conf}, so that a restart keeps them. */
    public static final class Builder {
        private final Map<String, String> settings = new LinkedHashMap<>(DEFAULTS);
        private String name = "postgres";

        private Builder() {
        }

        /** {@code max_connections}, which PostgreSQL reads only when it starts. */
        public Builder maxConnections(int connections) {
            return setting("max_connections", Integer.toString(connections));
        }

        /**
         * Any server setting; {@code value} is written as it is, so quote strings ({@code "'1s'"}).
         */
        public Builder setting(String setting, String value) {
            if (!SETTING_NAME.matcher(setting).matches() || value.contains("\n")) {
                throw new IllegalArgumentException("not a setting: " + setting + " = " + value);
            }
            settings.put(setting, value);
            return this;
        }

        /** How logs and errors name the server (e.g. {@code primary}). */
        public Builder name(String serverName) {
            this.name = serverName;
            return this;
        }

        /** Creates the data directory ({@code initdb}) and starts the server. */
        public LocalPostgres start() {
            PostgresBinaries binaries = PostgresBinaries.unpack();
            Path dir = null;
            try {
                dir = Files.createTempDirectory("colshift-" + name + "-");
                Path data = dir.resolve("data");
                run(binaries.command("initdb", "-A", "trust", "-U", "postgres", "-D", data.toString(), "-E", "UTF-8",
                        "--locale=C", "--no-sync"), dir.resolve("initdb.log"));
                LocalPostgres server = new LocalPostgres(binaries, data, freePort(), name);
                server.appendSettings(settings);
                server.startProcess();
                return server;
            } catch (IOException e) {
                deleteQuietly(dir);
                throw new UncheckedIOException("could not create the " + name + " server", e);
            } catch (RuntimeException e) {
                deleteQuietly(dir);
                throw e;
            }
        }
    }

    /**
     * A server on a copy of {@code source}'s data directory (which must be stopped), on a port of its own, with
     * {@code settings} added; {@link PrimaryStandby} makes a standby this way.
     */
    static LocalPostgres copyOf(LocalPostgres source, String name, Map<String, String> settings,
                                List<String> emptyFiles) throws IOException {
        if (source.isRunning()) {
            throw new IllegalStateException("copy a data directory only while its server is stopped");
        }
        Path dir = Files.createTempDirectory("colshift-" + name + "-");
        try {
            Path data = dir.resolve("data");
            copyTree(source.dataDirectory, data);
            LocalPostgres copy = new LocalPostgres(source.binaries, data, freePort(), name);
            Map<String, String> all = new LinkedHashMap<>(settings);
            all.put("port", Integer.toString(copy.port));
            copy.appendSettings(all);
            for (String file : emptyFiles) {
                Files.writeString(data.resolve(file), "");
            }
            return copy;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(dir);
            throw e;
        }
    }

    public int port() {
        return port;
    }

    /** The postmaster's process id. @throws IllegalStateException when the server is stopped */
    public synchronized long pid() {
        if (!isRunning()) {
            throw new IllegalStateException(name + " is not running");
        }
        return postmaster.pid();
    }

    public synchronized boolean isRunning() {
        return postmaster != null && postmaster.isAlive();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Everything the server logged, over all its starts: the first place to look when a test fails. */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    public String name() {
        return name;
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public String user() {
        return "postgres";
    }

    @Override
    public String password() {
        return "";
    }

    @Override
    public synchronized String description() {
        return name + " PostgreSQL on 127.0.0.1:" + port + " (pid " + (isRunning() ? postmaster.pid() : "-") + ")";
    }

    /** A superuser connection to {@code database}. */
    public Connection connect(String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user());
        props.setProperty("password", password());
        return DriverManager.getConnection(jdbcUrl(database), props);
    }

    /** Creates {@code database} and returns it as a test database of this server. */
    public TestDatabase createDatabase(String database) throws SQLException {
        if (!SETTING_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        }
        return database(database);
    }

    /** {@code database} (which must exist, e.g. replicated from the primary) as a test database of this server. */
    public TestDatabase database(String database) {
        return new TestDatabase(database, jdbcUrl(database), user(), password());
    }

    /** One value, queried as the superuser. */
    public String queryString(String database, String sql) throws SQLException {
        try (Connection c = connect(database); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Fast shutdown (SIGINT to the postmaster, by PID): sessions are ended, nothing waits for clients to leave. */
    public synchronized void stop() {
        if (postmaster == null) {
            return;
        }
        try {
            fastShutdown(postmaster, STOP_WAIT);
        } finally {
            postmaster = null;
            forgetStopOnExit();
        }
    }

    /** SIGINT to the postmaster by its PID, then SIGKILL if it is still there after {@code wait}. */
    private void fastShutdown(Process process, Duration wait) {
        try {
            if (process.isAlive()) {
                run(binaries.command("pg_ctl", "kill", "INT", Long.toString(process.pid())), null);
                if (!process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    /** Starts the server again on the same port and data directory. */
    public synchronized void restart() {
        stop();
        startProcess();
    }

    /** Stops the server and deletes its data directory and log. */
    @Override
    public void close() {
        try {
            stop();
        } finally {
            deleteQuietly(dataDirectory.getParent());
        }
    }

    @Override
    public String toString() {
        return description();
    }

    synchronized void startProcess() {
        if (isRunning()) {
            return;
        }
        try {
            ProcessBuilder builder = new ProcessBuilder(binaries.command("postgres", "-D", dataDirectory.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            postmaster = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the " + name + " server", e);
        }
        Process started = postmaster;
        stopOnExit = new Thread(() -> fastShutdown(started, Duration.ofSeconds(10)), "stop-" + name + "-on-exit");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        awaitAcceptingConnections();
    }

    private void awaitAcceptingConnections() {
        long deadline = System.nanoTime() + STARTUP_WAIT.toNanos();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!postmaster.isAlive()) {
                throw new IllegalStateException(name + " PostgreSQL exited while starting (code "
                        + postmaster.exitValue() + "); its log:\n" + tail(log(), 4000));
            }
            try (Connection c = connect("postgres"); Statement st = c.createStatement()) {
                st.execute("SELECT 1");
                return;
            } catch (SQLException e) {
                last = e;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while " + name + " was starting", e);
            }
        }
        stop();
        throw new IllegalStateException(name + " PostgreSQL did not accept connections within " + STARTUP_WAIT
                + " (" + (last == null ? "" : last.getMessage()) + "); its log:\n" + tail(log(), 4000));
    }

    private void appendSettings(Map<String, String> settings) throws IOException {
        StringBuilder text = new StringBuilder("\n# colshift test server\n");
        Map<String, String> all = new LinkedHashMap<>(settings);
        all.putIfAbsent("port", Integer.toString(port));
        all.forEach((k, v) -> text.append(k).append(" = ").append(v).append('\n'));
        Files.writeString(dataDirectory.resolve("postgresql.conf"), text,
                java.nio.file.StandardOpenOption.APPEND);
    }

    private void forgetStopOnExit() {
        if (stopOnExit != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: nothing left to forget
            }
            stopOnExit = null;
        }
    }

    /** Runs a program to its end; its output goes to {@code output} (or is discarded). */
    private static void run(List<String> command, Path output) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            Path out = output != null ? output : Files.createTempFile("colshift-pg-", ".out");
            builder.redirectOutput(out.toFile());
            Process process = builder.start();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 2 minutes");
            }
            String text = Files.readString(out);
            if (output == null) {
                Files.deleteIfExists(out);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue()
                        + "):\n" + tail(text, 4000));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }

    /** A free port of 127.0.0.1, for a server this package starts. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a leftover in the temporary directory harms nothing
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // as above
        }
    }

    private static String tail(String text, int chars) {
        return text.length() <= chars ? text : "…" + text.substring(text.length() - chars);
    }
}
