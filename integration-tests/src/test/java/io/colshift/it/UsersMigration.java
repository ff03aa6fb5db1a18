package io.colshift.it;

import io.colshift.demo.CliResult;
import io.colshift.demo.ColshiftCli;
import io.colshift.demo.workload.DatabaseTarget;
import io.colshift.demo.workload.DriverBarrier;
import io.colshift.demo.workload.DriverShutdown;
import io.colshift.demo.workload.UsersTable;
import io.colshift.embedded.junit.TestDatabase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The opening every scenario on the {@code users} table shares: the table created and seeded, the
 * {@code status} spec written to a file, and the {@code colshift} CLI pointed at the database. Closing
 * it stops this JVM's driver watching the database and deletes the spec.
 */
final class UsersMigration implements AutoCloseable {

    private static final Duration BARRIER_TIMEOUT = Duration.ofSeconds(10);

    final UsersTable table = new UsersTable("public");
    final DatabaseTarget target;
    final ColshiftCli cli;
    final Path spec;

    UsersMigration(TestDatabase db, long rows) throws Exception {
        try (Connection c = db.connect()) {
            table.createAndSeed(c, rows);
        }
        target = new DatabaseTarget(db.jdbcUrl(), db.user(), db.password(), "colshift");
        cli = new ColshiftCli(target);
        spec = Files.createTempFile("users-status-", ".yaml");
        Files.writeString(spec, table.specYaml());
    }

    /** Runs {@code colshift <args>} in this JVM and asserts it succeeded. */
    CliResult colshift(String... args) {
        CliResult result = cli.run(args);
        assertThat(result.exitCode()).as("%s", result).isZero();
        return result;
    }

    /** @return whether this JVM's driver came to run the state the control schema holds now */
    boolean driverRunsCurrentState() throws Exception {
        return new DriverBarrier(target, table).awaitCurrentState(BARRIER_TIMEOUT);
    }

    @Override
    public void close() throws Exception {
        DriverShutdown.stopWatching(target);
        Files.deleteIfExists(spec);
    }
}
