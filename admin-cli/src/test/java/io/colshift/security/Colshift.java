package io.colshift.security;

import io.colshift.cli.ColshiftCommand;
import io.colshift.embedded.junit.TestDatabase;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs {@code colshift} in-process as one role of a test database, capturing what the operator would see. */
final class Colshift {

    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private final String url;
    private final String role;
    private final String password;

    Colshift(TestDatabase db, String role, String password) {
        this.url = db.jdbcUrl();
        this.role = role;
        this.password = password;
    }

    /** As the database's superuser. */
    static Colshift owner(TestDatabase db) {
        return new Colshift(db, db.user(), db.password());
    }

    /** Runs {@code colshift <command> --url … --user … <args>}. */
    Result run(String command, String... args) {
        List<String> argv = new ArrayList<>(List.of(command, "--url", url, "--user", role));
        argv.addAll(List.of(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = ColshiftCommand.commandLine(Map.of("COLSHIFT_PASSWORD", password))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(argv.toArray(String[]::new));
        return new Result(exit, out.toString(), err.toString());
    }
}
