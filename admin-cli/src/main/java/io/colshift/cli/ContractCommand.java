package io.colshift.cli;

import io.colshift.phase.BackfillOptions;
import io.colshift.phase.Contractor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code colshift contract ID}: default, NOT NULL and index, without blocking traffic. */
@Command(name = "contract", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Makes the column final. Needs the migration 'backfilled' and the write flag on. In order:",
                "  1. SET DEFAULT, so rows inserted from now on by any writer get a value;",
                "  2. sweeps the NULLs writers left since the backfill, with the backfill expression, until "
                        + "none;",
                "  3. NOT NULL without a scan under an exclusive lock: CHECK (col IS NOT NULL) NOT VALID, "
                        + "VALIDATE, SET NOT NULL (PostgreSQL 12+ skips its scan), DROP the check; on PostgreSQL 18 the "
                        + "native NOT NULL ... NOT VALID then VALIDATE;",
                "  4. the index with CREATE INDEX CONCURRENTLY (an INVALID leftover of a failed try is dropped "
                        + "first).",
                "Each statement checks whether it was already done, so a killed run converges when run again. "
                        + "Then drivers pass statements unchanged. Use `colshift plan ID` to see the exact SQL first."})
final class ContractCommand extends PhaseStepCommand {

    @Option(names = "--max-sweeps", paramLabel = "N", defaultValue = "20",
            description = "NULL sweeps before giving up on writers that keep writing NULL (default: ${DEFAULT-VALUE}).")
    int maxSweeps;

    @Override
    PhaseCommands.Step step() {
        BackfillOptions sweep = new BackfillOptions(200, 100, 5_000, 0, 0, locks.ddlOptions().lockTimeout(),
                Math.max(1, maxSweeps));
        return run -> new Contractor(run, sweep).run();
    }
}
