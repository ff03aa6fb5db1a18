package io.colshift.cli;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

@WithPostgres
class CliSmokeIT {

    @Test
    void helpListsTheCommand(TestDatabase db) throws Exception {
        StringWriter out = new StringWriter();
        int exit = ColshiftCommand.commandLine().setOut(new PrintWriter(out)).execute("--help");
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("colshift");
        try (Connection c = db.connect()) {
            assertThat(c.isValid(2)).isTrue();
        }
    }
}
