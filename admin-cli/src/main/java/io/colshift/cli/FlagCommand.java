package io.colshift.cli;

import io.colshift.state.ControlSchemaReader;
import io.colshift.state.MigrationRow;
import io.colshift.state.Phase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;


import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code colshift flag ID --writes on|off}: lets drivers pass writes of the new column, or strip them again. */
@Command(name = "flag", mixinStandardHelpOptions = true,
        description = {
                "Turns the write flag of a migration on or off. With the flag off, drivers strip writes of the "
                        + "new column from statements; with it on, they pass them. Returns once every driver runs the "
                        + "change: after the staleness lease, counted from the commit and from every streaming standby's "
                        + "replay of it (see --barrier-timeout).",
                "",
                "Turn writes on after `colshift expand` and after the new application version, which writes the "
                        + "column, is deployed; the backfill refuses to start before. The flag cannot be turned off once "
                        + "the backfill has started: rows written meanwhile would keep NULL. Use `colshift rollback` "
                        + "instead."})
final class FlagCommand implements Callable<Integer> {

    enum Switch { on, off }

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "ID", description = "Migration id.")
    String id;

    @Option(names = "--writes", required = true, paramLabel = "on|off", description = "New value of the write flag.")
    Switch writes;

    @Mixin
    BarrierOptions barrier;

    /** Accepted so that existing scripts keep working: every flag change now waits for its barrier. */
    @Option(names = "--wait", hidden = true, description = "Ignored: the command always waits for the barrier.")
    boolean waitForDrivers;

    /** The former name of --barrier-timeout, still accepted. */
    @Option(names = "--wait-timeout", hidden = true, converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Same as --barrier-timeout.")
    Duration waitTimeout;

    /** Accepted so that existing scripts keep working; the barrier no longer depends on how often drivers poll. */
    @Option(names = "--poll-interval", hidden = true, converter = DurationConverter.class, paramLabel = "DURATION",
            description = "Ignored: the barrier waits the staleness lease.")
    Duration pollInterval;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        boolean enable = writes == Switch.on;
        Duration timeout = waitTimeout != null ? BarrierOptions.nonNegative(waitTimeout, "--wait-timeout")
                : barrier.timeout();
        try (ControlSession session = connection.openSession()) {
            MigrationRow migration = new ControlSchemaReader(session.connection(), session.schema()).migration(id)
                    .orElseThrow(() -> CommandFailure.badInput("no migration with id '" + id + "'"));
            if (migration.archived()) {
                throw CommandFailure.preconditionNotMet("migration '" + id + "' is complete and archived");
            }
            if (!enable && migration.phase().compareTo(Phase.BACKFILLING) >= 0 && migration.writesEnabled()) {
                throw CommandFailure.preconditionNotMet("migration '" + id + "' is in phase " + migration.phase().label()
                        + ": writes can no longer be turned off, rows written meanwhile would keep NULL;"
                        + " use `colshift rollback " + id + "` to go back");
            }
            long version = session.writer().setWriteFlag(id, enable, "colshift flag --writes " + writes);
            if (version < 0) {
                out.println("writes of '" + id + "' were already " + writes + "; nothing to do");
            } else {
                out.printf("writes of '%s' are now %s (state version %d)%n", id, writes, version);
            }
            session.awaitBarrier(timeout, "colshift flag " + id + " --writes " + writes, out);
            if (enable && migration.phase() == Phase.DECLARED) {
                out.println("note: the column does not exist yet; drivers keep stripping its writes until"
                        + " `colshift expand " + id + "`");
            }
        }
        return ExitCodes.DONE;
    }
}
