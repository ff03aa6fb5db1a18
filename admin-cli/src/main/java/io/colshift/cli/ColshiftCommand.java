package io.colshift.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code colshift} command: entry point for operators during deploys. */
@Command(name = "colshift", mixinStandardHelpOptions = true, version = "colshift 0.1.0",
        description = "Adds a column to a live PostgreSQL table while old and new application versions keep running.")
public final class ColshiftCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new ColshiftCommand());
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
