package io.colshift.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

import java.sql.SQLException;

/**
 * Turns whatever a command throws into one line on stderr and an {@link ExitCodes exit code}.
 * Operators see a sentence, not a stack trace; set {@code COLSHIFT_DEBUG=1} to get the trace too.
 */
final class FailureHandler implements IExecutionExceptionHandler {

    /** SQLSTATE of {@code lock_not_available}, raised when {@code lock_timeout} expires. */
    static final String LOCK_NOT_AVAILABLE = "55P03";

    private final boolean debug;

    FailureHandler(boolean debug) {
        this.debug = debug;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        commandLine.getErr().println(commandLine.getColorScheme().errorText("colshift: " + messageOf(ex)));
        if (debug) {
            ex.printStackTrace(commandLine.getErr());
        }
        commandLine.getErr().flush();
        return exitCodeOf(ex);
    }

    static int exitCodeOf(Throwable ex) {
        if (ex instanceof CommandFailure failure) {
            return failure.exitCode();
        }
        if (ex instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
            return ExitCodes.LOCK_WAIT_TIMED_OUT;
        }
        return ExitCodes.FAILED;
    }

    static String messageOf(Throwable ex) {
        if (ex instanceof CommandFailure) {
            return ex.getMessage();
        }
        if (ex instanceof SQLException sql) {
            String state = sql.getSQLState() == null ? "" : " [SQLSTATE " + sql.getSQLState() + "]";
            return "database error: " + sql.getMessage() + state;
        }
        String message = ex.getMessage();
        return ex.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
