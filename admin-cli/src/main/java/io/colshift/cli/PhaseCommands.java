package io.colshift.cli;

import io.colshift.phase.DdlOptions;
import io.colshift.phase.LockWaitTimedOut;
import io.colshift.phase.PreconditionFailed;
import io.colshift.phase.PhaseException;
import io.colshift.phase.PhaseRun;
import picocli.CommandLine.Model.CommandSpec;

import java.sql.SQLException;
import java.time.Duration;

/** What the phase commands share: opening a {@link PhaseRun} and turning engine refusals into exit codes. */
final class PhaseCommands {

    private PhaseCommands() {
    }

    /** A step of the phase engine, run inside a {@link PhaseRun}. */
    @FunctionalInterface
    interface Step {
        void run(PhaseRun run) throws SQLException, PhaseException;
    }

    /** Opens a run for {@code id} (taking the runner lock), runs {@code step}, and maps refusals to exit codes. */
    static int run(CommandSpec spec, ConnectionOptions connection, DdlOptions ddl, Duration barrierTimeout, String id,
                   Step step) throws SQLException {
        try (PhaseRun run = PhaseRun.open(connection::connect, connection.controlSchema(), connection.actor(), ddl,
                spec.commandLine().getOut(), id, spec.name(), barrierTimeout)) {
            try {
                step.run(run);
            } catch (PreconditionFailed | LockWaitTimedOut e) {
                run.note(e instanceof LockWaitTimedOut ? "lock-timeout" : "refused", e);
                throw e;
            }
        } catch (PhaseException e) {
            throw failure(e);
        }
        return ExitCodes.DONE;
    }

    static CommandFailure failure(PhaseException e) {
        return switch (e.exitCode()) {
            case ExitCodes.BAD_INPUT -> CommandFailure.badInput(e.getMessage());
            case ExitCodes.PRECONDITION_NOT_MET -> CommandFailure.preconditionNotMet(e.getMessage());
            case ExitCodes.LOCK_WAIT_TIMED_OUT -> CommandFailure.lockWaitTimedOut(e.getMessage(), e);
            default -> CommandFailure.failed(e.getMessage(), e);
        };
    }

    /** Whether progress can redraw one terminal line in place. */
    static boolean interactive() {
        return System.console() != null;
    }
}
