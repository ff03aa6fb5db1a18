package io.colshift.cli;

import picocli.CommandLine.Command;

/** {@code colshift pause ID}: pauses the backfill of a migration from another terminal. */
@Command(name = "pause", mixinStandardHelpOptions = true,
        description = {
                "Pauses a running backfill from any terminal: it stops after its current batch, with no "
                        + "transaction left open, and waits. Pausing before the backfill starts makes it start paused. "
                        + "`colshift resume ID` continues it."})
final class PauseCommand extends BackfillPauseCommand {

    @Override
    boolean pausing() {
        return true;
    }
}
