package io.colshift.cli;

import io.colshift.state.ControlSchema;
import io.colshift.state.UnreadableState;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

class FailureHandlerTest {

    @Command(name = "throwing")
    static final class Throwing implements Callable<Integer> {
        private final Exception toThrow;

        Throwing(Exception toThrow) {
            this.toThrow = toThrow;
        }

        @Override
        public Integer call() throws Exception {
            throw toThrow;
        }
    }

    private static int run(Exception toThrow, StringWriter err) {
        return new CommandLine(new Throwing(toThrow))
                .setExecutionExceptionHandler(new FailureHandler(false))
                .setErr(new PrintWriter(err, true))
                .execute();
    }

    @Test
    void commandFailuresExitWithTheirOwnCodeAndPrintOnlyTheirMessage() {
        StringWriter err = new StringWriter();
        assertThat(run(CommandFailure.preconditionNotMet("migration is in phase declared"), err))
                .isEqualTo(ExitCodes.PRECONDITION_NOT_MET);
        assertThat(err.toString()).contains("colshift: migration is in phase declared").doesNotContain("at io.colshift");
        assertThat(run(CommandFailure.badInput("x"), new StringWriter())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run(CommandFailure.lockWaitTimedOut("x", null), new StringWriter())).isEqualTo(ExitCodes.LOCK_WAIT_TIMED_OUT);
    }

    @Test
    void lockNotAvailableFromTheServerMeansLockWaitTimedOut() {
        StringWriter err = new StringWriter();
        int exit = run(new SQLException("canceling statement due to lock timeout", "55P03"), err);
        assertThat(exit).isEqualTo(ExitCodes.LOCK_WAIT_TIMED_OUT);
        assertThat(err.toString()).contains("lock timeout").contains("55P03");
    }

    @Test
    void aPermissionErrorExitsThreeNamingTheObjectFromTheServerMessage() {
        StringWriter err = new StringWriter();
        int exit = run(new SQLException("ERROR: permission denied for table canary\n  Where: SQL statement", "42501"), err);
        assertThat(exit).isEqualTo(ExitCodes.PRECONDITION_NOT_MET);
        assertThat(err.toString()).contains("permission denied for table canary").contains("42501")
                .contains("Where: SQL statement");
        assertThat(err.toString().strip()).doesNotContain("\n");
    }

    @Test
    void anUnknownStoredPhaseExitsThreeNamingMigrationAndValue() {
        StringWriter err = new StringWriter();
        UnreadableState unreadable = null;
        try {
            UnreadableState.phase(ControlSchema.named("colshift"), "users-status", "half\u001b[2Jdone");
        } catch (UnreadableState e) {
            unreadable = e;
        }
        assertThat(unreadable).isNotNull();
        int exit = run(unreadable, err);
        assertThat(exit).isEqualTo(ExitCodes.PRECONDITION_NOT_MET);
        assertThat(err.toString()).contains("users-status").contains("'half\\e[2Jdone'").doesNotContain("\u001b");
    }

    @Test
    void messagesAreOneEscapedLine() {
        StringWriter err = new StringWriter();
        run(CommandFailure.preconditionNotMet("client web\u001b]2;owned\u0007\nforged line"), err);
        assertThat(err.toString()).contains("web\\e]2;owned\\u0007\\nforged line").doesNotContain("\u001b");
        assertThat(err.toString().strip().lines()).hasSize(1);
    }

    @Test
    void anyOtherErrorExitsWithOne() {
        assertThat(run(new SQLException("connection refused", "08001"), new StringWriter())).isEqualTo(ExitCodes.FAILED);
        assertThat(run(new IllegalStateException("boom"), new StringWriter())).isEqualTo(ExitCodes.FAILED);
    }

    @Test
    void helpDocumentsTheExitCodes() {
        StringWriter out = new StringWriter();
        ColshiftCommand.commandLine().setOut(new PrintWriter(out, true)).execute("--help");
        assertThat(out.toString()).contains("Exit codes:").contains("timed out waiting for a lock").contains("init");
    }
}
