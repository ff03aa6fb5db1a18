package io.colshift.phase;

/**
 * A phase step that stopped on purpose, with the exit code the CLI reports and a message meant for the
 * operator: what did not hold, and what to do about it.
 */
public abstract class PhaseException extends Exception {

    protected PhaseException(String message) {
        super(message);
    }

    protected PhaseException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The process exit code this outcome maps to (see the CLI's exit code table). */
    public abstract int exitCode();
}
