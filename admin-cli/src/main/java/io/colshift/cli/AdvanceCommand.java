package io.colshift.cli;

import io.colshift.phase.Advancer;
import io.colshift.phase.BackfillOptions;
import io.colshift.state.Phase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Locale;

/** {@code colshift advance ID [--until PHASE]}: the next step(s), for deploy pipelines. */
@Command(name = "advance", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Runs the next step for the migration's phase: declared -> expand, expanded/backfilling -> "
                        + "backfill, backfilled -> contract, contracted -> complete. With --until, keeps going until the "
                        + "migration reaches that phase. Every step keeps its preconditions (the backfill still needs the "
                        + "write flag on) and its exit codes, so a pipeline can run this again after a refusal."})
final class AdvanceCommand extends PhaseStepCommand {

    @Option(names = "--until", paramLabel = "PHASE",
            description = "Phase to reach: expanded, backfilled, contracted or complete.")
    String until;

    @Option(names = "--plain", description = "Print backfill progress as plain lines even on a terminal.")
    boolean plain;

    @Override
    PhaseCommands.Step step() {
        Phase target = null;
        if (until != null) {
            try {
                target = Phase.fromLabel(until.toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw CommandFailure.badInput("--until " + until + ": not a phase; use expanded, backfilled,"
                        + " contracted or complete");
            }
        }
        Phase finalTarget = target;
        BackfillOptions backfill = new BackfillOptions(200, 100, 5_000, 0, 5_000, locks.ddlOptions().lockTimeout(), 20);
        boolean tty = !plain && PhaseCommands.interactive();
        return run -> new Advancer(run, backfill, tty).run(finalTarget);
    }
}
