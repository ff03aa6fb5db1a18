package io.colshift.it;

import io.colshift.cli.ColshiftCommand;
import io.colshift.demo.workload.DatabaseTarget;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code colshift} command in a process of its own, so a test can kill it the hard way
 * ({@code SIGKILL}: no shutdown hook, no finally block) as a crashed host or {@code kill -9} would.
 */
final class CliProcess implements AutoCloseable {

    private final Process process;
    private final Path output;

    private CliProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    static CliProcess start(DatabaseTarget target, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(classPath());
        command.add(ColshiftCommand.class.getName());
        command.addAll(List.of(args));
        command.addAll(List.of("--url", target.plainUrl(), "--user", target.user(), "--schema", target.controlSchema()));
        Path output = Files.createTempFile("colshift-cli-", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().remove("PGPASSWORD");
        builder.environment().put("COLSHIFT_PASSWORD", target.password());
        return new CliProcess(builder.start(), output);
    }

    /** The test's own class path: failsafe may hide it behind a manifest-only jar. */
    private static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        String cp = surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
        return String.join(File.pathSeparator, cp.split(File.pathSeparator));
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the process with SIGKILL and waits until it is gone. @return its exit code */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        return process.waitFor();
    }

    String output() throws IOException {
        return Files.readString(output);
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            kill();
        }
        Files.deleteIfExists(output);
    }
}
