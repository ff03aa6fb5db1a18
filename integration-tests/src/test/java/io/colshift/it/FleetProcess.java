package io.colshift.it;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link FleetJvm} in a process of its own, and the line protocol to drive it. */
final class FleetProcess implements AutoCloseable {

    private final Process process;
    private final PrintWriter commands;
    private final BufferedReader answers;
    private final Path errors;
    private final List<String> lines = new ArrayList<>();

    private FleetProcess(Process process, Path errors) {
        this.process = process;
        this.errors = errors;
        this.commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    static FleetProcess start(int jvm, int jvms, String plainUrl, String rolePrefix, String superuser, List<Path> jars)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", testClassPath(),
                FleetJvm.class.getName(), Integer.toString(jvm), Integer.toString(jvms), plainUrl, rolePrefix, superuser));
        jars.forEach(j -> command.add(j.toString()));
        Path errors = Files.createTempFile("colshift-fleet-" + jvm + "-", ".err");
        Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        return new FleetProcess(process, errors);
    }

    /** The jars an isolated driver loads, found on this test's own class path. */
    static List<Path> driverJars() {
        List<Path> jars = new ArrayList<>();
        for (String artifact : List.of("colshift-proxy-driver", "postgresql", "slf4j-api")) {
            jars.add(List.of(testClassPath().split(File.pathSeparator)).stream()
                    .map(Path::of)
                    .filter(p -> p.getFileName().toString().matches(artifact.replace("-", "\\-") + "-[0-9][^/]*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no " + artifact + " jar on the test class path "
                            + "(the shaded driver jar exists once proxy-driver is packaged: run the build's verify)")));
        }
        return jars;
    }

    /** Waits for the answer line to the start or to the last command. */
    String await() throws IOException {
        String line;
        while ((line = answers.readLine()) != null) {
            if (line.startsWith("@")) {
                lines.add(line);
                return line;
            }
        }
        throw new IllegalStateException("the fleet JVM ended without answering; its errors:\n" + errors());
    }

    /** Sends one command; {@link #await()} returns its answer. */
    void send(String command) {
        commands.println(command);
    }

    /** Returns every answer line up to {@code @done}, after {@code finish} was sent. */
    List<String> report() throws IOException {
        List<String> report = new ArrayList<>();
        for (String line = await(); !line.equals("@done"); line = await()) {
            report.add(line);
        }
        return report;
    }

    String errors() {
        try {
            String text = Files.readString(errors);
            return text.length() > 6000 ? "…" + text.substring(text.length() - 6000) : text;
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    /** The test's class path: failsafe may hide it behind a manifest-only jar. */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    @Override
    public void close() throws Exception {
        commands.close();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Files.deleteIfExists(errors);
    }
}
