package io.colshift.cli;

import io.colshift.phase.Completer;
import io.colshift.phase.DdlOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** {@code colshift complete ID}: final checks, then archive. */
@Command(name = "complete", mixinStandardHelpOptions = true,
        description = {
                "Checks that the table is exactly what the spec asked for: the column with its type, the "
                        + "default, NOT NULL, and a valid index. Then marks the migration complete and archives it; "
                        + "drivers stop rewriting statements for it. A mismatch is refused with what differs (exit code "
                        + "3). After complete, rollback is no longer possible."})
final class CompleteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    BarrierOptions barrier;

    @Parameters(index = "0", paramLabel = "ID", description = "Migration id.")
    String id;

    @Override
    public Integer call() throws Exception {
        return PhaseCommands.run(spec, connection, DdlOptions.DEFAULTS, barrier.timeout(), id, Completer::run);
    }
}
