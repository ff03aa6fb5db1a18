package io.colshift.demo;

import io.colshift.cli.ColshiftCommand;
import io.colshift.demo.workload.DatabaseTarget;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs the real {@code colshift} commands in this JVM, exactly as an operator would type them, with
 * the connection options of one database appended. The password travels in the command's own
 * environment map, never on a command line.
 */
public final class ColshiftCli {

    private final List<String> connectionArgs;
    private final Map<String, String> environment;

    public ColshiftCli(DatabaseTarget target) {
        this.connectionArgs = List.of("--url", target.plainUrl(), "--user", target.user(),
                "--schema", target.controlSchema());
        Map<String, String> env = new HashMap<>(System.getenv());
        env.remove("PGPASSWORD");
        env.put("COLSHIFT_PASSWORD", target.password());
        this.environment = Map.copyOf(env);
    }

    /** The connection options appended to every command (no password among them). */
    public List<String> connectionArgs() {
        return connectionArgs;
    }

    public CliResult run(String... args) {
        return run(line -> { }, args);
    }

    /**
     * Runs {@code colshift <args> <connection options>}.
     *
     * @param onLine receives every line the command prints, as it prints it
     */
    public CliResult run(Consumer<String> onLine, String... args) {
        List<String> full = new ArrayList<>(List.of(args));
        full.addAll(connectionArgs);
        CapturedOutput out = new CapturedOutput(onLine);
        CapturedOutput err = new CapturedOutput(onLine);
        CommandLine commandLine = ColshiftCommand.commandLine(environment);
        try (PrintWriter outWriter = new PrintWriter(out, true); PrintWriter errWriter = new PrintWriter(err, true)) {
            commandLine.setOut(outWriter).setErr(errWriter);
            int exit = commandLine.execute(full.toArray(String[]::new));
            outWriter.flush();
            errWriter.flush();
            out.close();
            err.close();
            return new CliResult(List.of(args), exit, out.text(), err.text());
        }
    }
}
