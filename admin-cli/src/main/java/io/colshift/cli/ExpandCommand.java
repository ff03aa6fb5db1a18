package io.colshift.cli;

import io.colshift.phase.Expander;
import picocli.CommandLine.Command;

/** {@code colshift expand ID}: adds the column, nullable, and tells drivers it exists. */
@Command(name = "expand", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Adds the declared column to the table with ALTER TABLE ... ADD COLUMN IF NOT EXISTS, nullable. "
                        + "The DEFAULT is added here only when PostgreSQL can store it without rewriting the table "
                        + "(PostgreSQL 11+, non-volatile default) and the spec has no separate backfill expression; "
                        + "otherwise existing rows get their value from `colshift backfill` and the default comes at "
                        + "contract.",
                "",
                "The statement takes an ACCESS EXCLUSIVE lock for milliseconds. It never waits in the lock queue "
                        + "longer than --lock-timeout: behind a long transaction it gives up, names the blocking session, "
                        + "and retries with backoff until --max-wait. Then drivers switch to null-safe reads of the "
                        + "column. Running it again is safe."})
final class ExpandCommand extends PhaseStepCommand {

    @Override
    PhaseCommands.Step step() {
        return Expander::run;
    }
}
