package io.colshift.demo;

import java.util.List;

/**
 * One finished {@code colshift} invocation.
 *
 * @param args     what was run (without connection options)
 * @param exitCode its exit code
 * @param out      standard output
 * @param err      standard error
 */
public record CliResult(List<String> args, int exitCode, String out, String err) {

    public CliResult {
        args = List.copyOf(args);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** {@code colshift <args>}, as an operator would type it. */
    public String commandLine() {
        return "colshift " + String.join(" ", args);
    }

    @Override
    public String toString() {
        return commandLine() + " -> exit " + exitCode + (out.isBlank() ? "" : "\n" + out) + (err.isBlank() ? "" : "\n" + err);
    }
}
