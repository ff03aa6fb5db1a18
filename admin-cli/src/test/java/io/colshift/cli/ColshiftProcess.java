package io.colshift.cli;

import io.colshift.embedded.junit.TestDatabase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code colshift} as a separate JVM (the test classpath, main class {@link ColshiftCommand}), so that tests can
 * kill it the way an operator's Ctrl-C or the OOM killer would, and see what a real second runner sees.
 */
final class ColshiftProcess implements AutoCloseable {

    private final Process process;
    private final Path output;

    private ColshiftProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /** Starts {@code colshift <command> --url … --user … <args>}, with {@code extraEnv} added to its environment. */
    static ColshiftProcess start(TestDatabase db, Map<String, String> extraEnv, String command, String... args)
            throws IOException {
        List<String> argv = new ArrayList<>();
        argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        argv.add("-cp");
        argv.add(System.getProperty("java.class.path"));
        argv.add(ColshiftCommand.class.getName());
        argv.addAll(List.of(command, "--url", db.jdbcUrl(), "--user", db.user()));
        argv.addAll(List.of(args));
        Path output = Files.createTempFile("colshift-" + command, ".log");
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().put("COLSHIFT_PASSWORD", db.password());
        pb.environment().putAll(extraEnv);
        return new ColshiftProcess(pb.start(), output);
    }

    Process process() {
        return process;
    }

    long pid() {
        return process.pid();
    }

    String output() throws IOException {
        return Files.readString(output);
    }

    /** Waits for the process to end by itself; returns its exit status. */
    int await() throws InterruptedException {
        return process.waitFor();
    }

    /** SIGKILL: no shutdown hooks, no clean disconnect. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws IOException {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Files.deleteIfExists(output);
    }
}
