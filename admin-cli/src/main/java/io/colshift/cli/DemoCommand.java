package io.colshift.cli;

import io.colshift.demo.DemoRun;
import io.colshift.demo.DemoSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.Console;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code colshift demo}: the whole story on a live table, in about a minute. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {
                "Adds a column to a live table while an old and a new application version keep running.",
                "",
                "Starts an embedded PostgreSQL (or uses --url), creates 'users' with --rows rows and runs the old "
                        + "application (v1, which knows nothing of the new column) through the colshift driver. After "
                        + "`colshift declare` it deploys the new one (v2, which reads and writes the column), and it "
                        + "advances the migration with the real commands: init, declare, expand, flag --writes on, "
                        + "backfill, contract, complete. Every result either version reads is checked against what it "
                        + "wrote.",
                "",
                "Ends with a table per phase (ops/s, p99, errors, writes held back) and checks every acknowledged "
                        + "write and the final schema. Exits 0 only with zero errors and zero lost writes.",
                "",
                "With --url, everything happens in two fresh schemas of its own, dropped at the end."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "200000",
            description = "Rows in the demo table (default: ${DEFAULT-VALUE}).")
    long rows;

    @Option(names = "--url", paramLabel = "JDBC_URL",
            description = "Run against this existing server (jdbc:postgresql://host:port/db) instead of an embedded one.")
    String url;

    @Option(names = "--user", paramLabel = "ROLE",
            description = "Role for --url (default: PGUSER, else postgres). Needs CREATE on the database.")
    String user;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "For --url: file whose first line is the password. Otherwise COLSHIFT_PASSWORD or PGPASSWORD.")
    Path passwordFile;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "4",
            description = "Client threads per application version (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--rate", paramLabel = "OPS", defaultValue = "400",
            description = "Operations per second per application version (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--phase-seconds", paramLabel = "S", defaultValue = "3",
            description = "Seconds of traffic in each phase before the next step (default: ${DEFAULT-VALUE}).")
    int phaseSeconds;

    @Option(names = "--no-color", description = "Plain progress lines instead of a live panel (also when not on a terminal or NO_COLOR is set).")
    boolean noColor;

    @Override
    public Integer call() throws Exception {
        if (rows < 100 || threads < 1 || rate <= 0 || phaseSeconds < 0) {
            throw CommandFailure.badInput("--rows must be at least 100, --threads at least 1, --rate positive and"
                    + " --phase-seconds not negative");
        }
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            // the libraries' INFO chatter (server start-up, pool start) is not the story; warnings still go to the log
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        Map<String, String> env = environment();
        if (url != null && !url.startsWith("jdbc:postgresql:")) {
            throw CommandFailure.badInput("--url must be a plain jdbc:postgresql: URL");
        }
        if (url != null) {
            ConnectionOptions.refusePasswordIn(url);
        }
        String role = user != null ? user : env.getOrDefault("PGUSER", "postgres");
        DemoSettings settings = new DemoSettings(rows, threads, rate, Duration.ofSeconds(phaseSeconds), url, role,
                url == null ? "" : password(env), !noColor && onTerminal() && !env.containsKey("NO_COLOR"));
        return runWithLog(settings);
    }

    /**
     * Runs the demo with the terminal to itself: whatever the libraries underneath log (the embedded
     * server, pools, drivers) goes to a log file, named at the end when it holds anything.
     */
    private int runWithLog(DemoSettings settings) throws Exception {
        // taken before System.out is redirected: picocli's writer wraps the real standard output
        PrintStream terminal = asPrintStream(spec.commandLine().getOut());
        Path log = Files.createTempFile("colshift-demo-", ".log");
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        try (PrintStream logStream = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
            System.setOut(logStream);
            System.setErr(logStream);
            try {
                return new DemoRun(settings, terminal).run();
            } finally {
                System.setOut(originalOut);
                System.setErr(originalErr);
            }
        } finally {
            if (Files.size(log) == 0) {
                Files.delete(log);
            } else {
                terminal.println("  log of the libraries underneath (server, pools, driver): " + log);
            }
            terminal.flush();
        }
    }

    private static PrintStream asPrintStream(PrintWriter writer) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                writer.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writer.write(new String(b, off, len, StandardCharsets.UTF_8));
            }

            @Override
            public void flush() {
                writer.flush();
            }
        }, true, StandardCharsets.UTF_8);
    }

    private static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            // Java 22+ hands out a Console even when redirected; isTerminal() tells the truth there
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    private String password(Map<String, String> env) {
        if (passwordFile != null) {
            return PasswordFile.read(passwordFile);
        }
        String fromEnv = env.get("COLSHIFT_PASSWORD");
        return fromEnv != null ? fromEnv : env.getOrDefault("PGPASSWORD", "");
    }

    private Map<String, String> environment() {
        return spec.root().userObject() instanceof ColshiftCommand root ? root.environment() : System.getenv();
    }
}
