package io.colshift.cli;

import io.colshift.state.SafeText;

import io.colshift.phase.BackfillPause;
import io.colshift.phase.MigrationStore;
import io.colshift.phase.PhaseException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** What {@code colshift pause} and {@code colshift resume} share: both set the backfill's paused flag. */
abstract class BackfillPauseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "ID", description = "Migration id.")
    String id;

    /** The value of the paused flag this command sets. */
    abstract boolean pausing();

    @Override
    public final Integer call() throws Exception {
        try (ControlSession session = connection.openSession()) {
            String result = BackfillPause.set(session.writer(), new MigrationStore(session.connection(),
                    session.schema()), id, pausing());
            spec.commandLine().getOut().println(SafeText.of(result));
        } catch (PhaseException e) {
            throw PhaseCommands.failure(e);
        }
        return ExitCodes.DONE;
    }
}
