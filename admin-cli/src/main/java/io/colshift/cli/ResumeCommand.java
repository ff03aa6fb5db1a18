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

/** {@code colshift resume ID}: resumes the backfill of a migration from another terminal. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {
                "Resumes a backfill paused with `colshift pause ID`: the waiting backfill continues from its",
                "checkpoint. If no backfill process is running any more, run `colshift backfill ID` to continue."})
final class ResumeCommand implements Callable<Integer> {

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
                    session.schema()), id, false);
            spec.commandLine().getOut().println(result);
        } catch (PhaseException e) {
            throw PhaseCommands.failure(e);
        }
        return ExitCodes.DONE;
    }
}
