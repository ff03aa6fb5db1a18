package io.colshift.cli;

import io.colshift.phase.BackfillPause;
import io.colshift.phase.MigrationStore;
import io.colshift.phase.PhaseException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code colshift pause ID}: pauses the backfill of a migration from another terminal. */
@Command(name = "pause", mixinStandardHelpOptions = true,
        description = {
                "Pauses a running backfill from any terminal: it stops after its current batch, with no transaction",
                "left open, and waits. Pausing before the backfill starts makes it start paused.",
                "`colshift resume ID` continues it."})
final class PauseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "ID", description = "Migration id.")
    String id;

    @Override
    public Integer call() throws Exception {
        try (ControlSession session = connection.openSession()) {
            String result = BackfillPause.set(session.writer(), new MigrationStore(session.connection(),
                    session.schema()), id, true);
            spec.commandLine().getOut().println(result);
        } catch (PhaseException e) {
            throw PhaseCommands.failure(e);
        }
        return ExitCodes.DONE;
    }
}
