package io.colshift.cli;

import io.colshift.state.SafeText;
import io.colshift.state.UnreadableState;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.stream.Collectors;

/**
 * Turns whatever a command throws into one line on stderr and an {@link ExitCodes exit code}.
 * Operators see a sentence, not a stack trace; set {@code COLSHIFT_DEBUG=1} to get the trace too.
 * The line is {@link SafeText escaped}: server messages quote names and values that may come from anyone.
 */
final class FailureHandler implements IExecutionExceptionHandler {

    /** SQLSTATE of {@code lock_not_available}, raised when {@code lock_timeout} expires. */
    static final String LOCK_NOT_AVAILABLE = "55P03";
    /** SQLSTATE of {@code insufficient_privilege}. */
    static final String INSUFFICIENT_PRIVILEGE = "42501";

    private final boolean debug;

    FailureHandler(boolean debug) {
        this.debug = debug;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        String message = messageOf(ex, roleOf(parseResult));
        commandLine.getErr().println(commandLine.getColorScheme().errorText("colshift: " + message));
        if (debug) {
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            commandLine.getErr().print(SafeText.text(trace.toString()));
        }
        commandLine.getErr().flush();
        return exitCodeOf(ex);
    }

    static int exitCodeOf(Throwable ex) {
        if (ex instanceof CommandFailure failure) {
            return failure.exitCode();
        }
        if (ex instanceof UnreadableState) {
            return ExitCodes.PRECONDITION_NOT_MET;
        }
        if (ex instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
            return ExitCodes.LOCK_WAIT_TIMED_OUT;
        }
        if (ex instanceof SQLException sql && INSUFFICIENT_PRIVILEGE.equals(sql.getSQLState())) {
            return ExitCodes.PRECONDITION_NOT_MET;
        }
        return ExitCodes.FAILED;
    }

    static String messageOf(Throwable ex) {
        return messageOf(ex, null);
    }

    /** @param role the role the command connected as, when known */
    static String messageOf(Throwable ex, String role) {
        return SafeText.of(rawMessageOf(ex, role));
    }

    private static String rawMessageOf(Throwable ex, String role) {
        if (ex instanceof CommandFailure || ex instanceof UnreadableState) {
            return ex.getMessage();
        }
        if (ex instanceof SQLException sql && INSUFFICIENT_PRIVILEGE.equals(sql.getSQLState())) {
            // the server's message names the object ("permission denied for table users", "must be owner of ...")
            return "permission denied: " + oneLine(primaryMessage(sql)) + " [SQLSTATE " + INSUFFICIENT_PRIVILEGE + "]; role "
                    + (role == null ? "used by this command" : "'" + role + "'") + " lacks a privilege this step needs."
                    + " The CLI's role must own the migrating table and the control schema; nothing was changed by"
                    + " the failed statement";
        }
        if (ex instanceof SQLException sql) {
            String state = sql.getSQLState() == null ? "" : " [SQLSTATE " + sql.getSQLState() + "]";
            return "database error: " + oneLine(sql.getMessage()) + state;
        }
        String message = ex.getMessage();
        return ex.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static String primaryMessage(SQLException sql) {
        if (sql instanceof PSQLException psql) {
            ServerErrorMessage server = psql.getServerErrorMessage();
            if (server != null && server.getMessage() != null) {
                return server.getMessage();
            }
        }
        return String.valueOf(sql.getMessage());
    }

    /** Joins the lines of a multi-line message (pgjdbc appends "Where:", "Position:" lines) into one. */
    private static String oneLine(String message) {
        if (message == null || message.indexOf('\n') < 0) {
            return message;
        }
        return message.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("; "));
    }

    /** The role the failed command connected as, from its {@link ConnectionOptions}, or null. */
    private static String roleOf(ParseResult parseResult) {
        ParseResult leaf = parseResult;
        while (leaf != null && leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        if (leaf == null) {
            return null;
        }
        for (CommandSpec mixin : leaf.commandSpec().mixins().values()) {
            if (mixin.userObject() instanceof ConnectionOptions options) {
                return options.role();
            }
        }
        return null;
    }
}
