package io.colshift.cli;

import io.colshift.phase.Rollback;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.time.Duration;

/** {@code colshift rollback ID [--drop-column]}: back to declared behaviour, from any phase before complete. */
@Command(name = "rollback", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Returns a migration to 'declared' from any phase before 'complete': drivers read the column as "
                        + "its fallback again and strip writes to it; the write flag goes off; backfill progress is reset. "
                        + "A NOT NULL added by contract is dropped first, so inserts without the column keep working.",
                "",
                "Then it waits for the barrier: every live driver (heartbeat in the clients table) must have "
                        + "acknowledged the new state version. Without heartbeats it waits two poll intervals and says so. "
                        + "Only then, and only with --drop-column, is the column dropped. Refused after 'complete'."})
final class RollbackCommand extends PhaseStepCommand {

    @Option(names = "--drop-column", description = "Also drop the column, once every driver has acknowledged.")
    boolean dropColumn;

    @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "1000ms",
            converter = DurationConverter.class,
            description = "The drivers' colshift.pollMs; without heartbeats the barrier waits twice this"
                    + " (default: ${DEFAULT-VALUE}).")
    Duration pollInterval;

    @Override
    PhaseCommands.Step step() {
        return run -> new Rollback(run, dropColumn, pollInterval, locks.ddlOptions().maxWait()).run();
    }
}
