package io.colshift.cli;

/**
 * Exit codes of every {@code colshift} command. Deploy pipelines branch on them, so they never change
 * meaning: a precondition failure (3) or a lock timeout (4) is safe to retry later, bad input (2) is not.
 */
public final class ExitCodes {

    /** The command did what it was asked, or found it already done. */
    public static final int DONE = 0;
    /** Anything not covered below: connection refused, server error, bug. */
    public static final int FAILED = 1;
    /** Unknown option, invalid spec file, unknown migration id: fix the invocation, do not retry. */
    public static final int BAD_INPUT = 2;
    /** The database or the migration is not in a state that allows the step; nothing was changed. */
    public static final int PRECONDITION_NOT_MET = 3;
    /** Gave up waiting for a lock so as not to stall application traffic; safe to run again. */
    public static final int LOCK_WAIT_TIMED_OUT = 4;

    private ExitCodes() {
    }
}
