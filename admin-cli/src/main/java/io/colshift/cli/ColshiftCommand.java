package io.colshift.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Map;

/**
 * The {@code colshift} command: entry point for operators during deploys. Each subcommand is one
 * class; failures become one explanatory line and an {@link ExitCodes exit code} via {@link FailureHandler}.
 */
@Command(name = "colshift", mixinStandardHelpOptions = true, version = "colshift 0.1.0",
        description = "Adds a column to a live PostgreSQL table while old and new application versions keep running.",
        subcommands = {
                CommandLine.HelpCommand.class,
                InitCommand.class,
                DeclareCommand.class,
                FlagCommand.class,
                StatusCommand.class,
                HistoryCommand.class,
                VerifyCommand.class,
                PlanCommand.class,
                ExpandCommand.class,
                BackfillCommand.class,
                PauseCommand.class,
                ResumeCommand.class,
                ContractCommand.class,
                CompleteCommand.class,
                RollbackCommand.class,
                AdvanceCommand.class,
                DemoCommand.class,
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:done (or already done)",
                "1:anything else (connection failed, server error)",
                "2:usage error or bad input (fix the command or the spec file)",
                "3:precondition not met, nothing changed; or a barrier gave up waiting for a standby (the change"
                        + " stays committed; run the same command again)",
                "4:timed out waiting for a lock, nothing stalled; safe to run again"})
public final class ColshiftCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Map<String, String> environment;

    public ColshiftCommand() {
        this(System.getenv());
    }

    /** @param environment where passwords and defaults are read from (the process environment in production) */
    public ColshiftCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    public static CommandLine commandLine(Map<String, String> environment) {
        ColshiftCommand root = new ColshiftCommand(environment);
        return new CommandLine(root)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new FailureHandler(environment.containsKey("COLSHIFT_DEBUG")));
    }

    Map<String, String> environment() {
        return environment;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
