package io.colshift.cli;

import picocli.CommandLine.Command;

/** {@code colshift resume ID}: resumes the backfill of a migration from another terminal. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {
                "Resumes a backfill paused with `colshift pause ID`: the waiting backfill continues from its "
                        + "checkpoint. If no backfill process is running any more, run `colshift backfill ID` to continue."})
final class ResumeCommand extends BackfillPauseCommand {

    @Override
    boolean pausing() {
        return false;
    }
}
