package io.colshift.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/**
 * What the commands that run one step of the phase engine share: the connection, lock and barrier options, the
 * migration id, and running the step inside a {@code PhaseRun} (runner lock taken, refusals turned into
 * exit codes). Each subclass only says which step, from its own options.
 */
abstract class PhaseStepCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    LockOptions locks;

    @Mixin
    BarrierOptions barrier;

    @Parameters(index = "0", paramLabel = "ID", description = "Migration id.")
    String id;

    /** The step to run; may refuse bad option values with {@link CommandFailure#badInput}. */
    abstract PhaseCommands.Step step();

    @Override
    public final Integer call() throws Exception {
        PhaseCommands.Step step = step();
        return PhaseCommands.run(spec, connection, locks.ddlOptions(), barrier.timeout(), id, step);
    }
}
