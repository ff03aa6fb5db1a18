package io.colshift.cli;

/**
 * A refusal or failure a command explains to the operator: the message is printed as is (no stack
 * trace) and the process exits with {@link #exitCode()}. Messages must never contain a password.
 */
public final class CommandFailure extends RuntimeException {

    private final int exitCode;

    private CommandFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** Exit 2: the invocation or an input file is wrong. */
    public static CommandFailure badInput(String message) {
        return new CommandFailure(ExitCodes.BAD_INPUT, message, null);
    }

    /** Exit 3: the step is not allowed in the current state; nothing was changed. */
    public static CommandFailure preconditionNotMet(String message) {
        return new CommandFailure(ExitCodes.PRECONDITION_NOT_MET, message, null);
    }

    /** Exit 4: gave up waiting for a lock. */
    public static CommandFailure lockWaitTimedOut(String message, Throwable cause) {
        return new CommandFailure(ExitCodes.LOCK_WAIT_TIMED_OUT, message, cause);
    }

    /** Exit 1: anything else worth a clear sentence. */
    public static CommandFailure failed(String message, Throwable cause) {
        return new CommandFailure(ExitCodes.FAILED, message, cause);
    }

    public int exitCode() {
        return exitCode;
    }
}
