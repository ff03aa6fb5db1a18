package io.colshift.cli;

import io.colshift.embedded.junit.TestDatabase;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs {@code colshift} in-process against a test database, capturing what an operator would see. */
final class Cli {

    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private final TestDatabase db;
    private final Map<String, String> environment = new HashMap<>();

    Cli(TestDatabase db) {
        this.db = db;
        environment.put("COLSHIFT_PASSWORD", db.password());
    }

    Cli withEnvironment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Runs {@code colshift <command> --url … --user … <args>}. */
    Result run(String command, String... args) {
        List<String> argv = new ArrayList<>(List.of(command, "--url", db.jdbcUrl(), "--user", db.user()));
        argv.addAll(List.of(args));
        return raw(argv.toArray(String[]::new));
    }

    /** Runs {@code colshift <argv>} exactly as given. */
    Result raw(String... argv) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = ColshiftCommand.commandLine(environment)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .execute(argv);
        return new Result(exit, out.toString(), err.toString());
    }
}
