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
                "Then it waits for the barrier: the staleness lease after the commit, and after every streaming "
                        + "standby replayed it. Heartbeats in the clients table are shown, never relied on. Only then, and "
                        + "only with --drop-column, is the column dropped. Because the drop cannot be undone, it is refused "
                        + "(exit 3, nothing changed) when the role cannot see standbys' replay positions (grant pg_monitor), "
                        + "and it waits for the standby of every inactive physical replication slot to come back. "
                        + "Refused after 'complete'."})
final class RollbackCommand extends PhaseStepCommand {

    @Option(names = "--drop-column", description = "Also drop the column, once the barrier has passed.")
    boolean dropColumn;

    /** Accepted so that existing scripts keep working; the barrier no longer depends on how often drivers poll. */
    @Option(names = "--poll-interval", paramLabel = "DURATION", hidden = true, converter = DurationConverter.class,
            description = "Ignored: the barrier waits the staleness lease, whatever the drivers' poll interval.")
    Duration pollInterval;

    @Override
    PhaseCommands.Step step() {
        return run -> new Rollback(run, dropColumn).run();
    }
}
