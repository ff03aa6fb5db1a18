package io.colshift.bench;

import io.colshift.driver.ColshiftConnection;
import io.colshift.state.ControlSchema;
import io.colshift.state.ControlSchemaWriter;
import io.colshift.state.SpecParser;
import io.colshift.state.SpecValidator;
import io.colshift.state.ValidatedSpec;
import org.HdrHistogram.Histogram;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Propagation through one topology: the write flag of a migration is flipped on the primary through the CLI's
 * writer ({@link ControlSchemaWriter}, the same SQL {@code colshift flag} runs), the clock starts right after
 * the commit, and stops when a driver connection's next statement runs under the new state version. The
 * connection runs {@code SELECT 1} every {@value #STATEMENT_GAP_MICROS} µs and reads
 * {@link ColshiftConnection#stateVersion()} after each one, so the figure includes the statement that first
 * sees the change (an inline refresh, where the lease ran out, included).
 *
 * @param name       how the report names the topology
 * @param colshiftUrl the driver's URL ({@code jdbc:colshift:postgresql://…}) to the server the driver follows
 * @param driverProps properties of the driver connection (credentials, {@code colshift.*})
 * @param schema     the control schema of this topology alone, so that every topology has a watcher of its own
 *                   with its own settings (the first connection to a server key decides them)
 */
record PropagationProbe(String name, String colshiftUrl, Properties driverProps, String schema) {

    private static final long STATEMENT_GAP_MICROS = 500;
    private static final int WARM_UP_FLIPS = 3;
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(30);

    /** p50/p99/min/max in milliseconds over {@code runs} flips; {@code timeouts} flips never seen within 30 s. */
    record Result(String topology, int runs, int timeouts, double p50, double p99, double min, double max,
                  String followedServer, String stateOrigin) {
    }

    /**
     * Creates this topology's control schema with one declared migration of {@code bench_users.status} on the
     * primary (the caller waits for it to reach a standby), through the CLI's writer.
     */
    static void prepare(Connection primary, String schema) throws Exception {
        ControlSchemaWriter writer = new ControlSchemaWriter(primary, ControlSchema.named(schema), "bench");
        writer.init();
        ValidatedSpec spec = SpecValidator.validate(primary, "bench", SpecParser.parse("bench", Map.of(
                "id", "bench-status", "table", "bench_users", "column", "status", "type", "text",
                "default", "'active'")), schema);
        writer.declare(spec, "{\"id\": \"bench-status\"}", "benchmark");
    }

    /**
     * Flips the flag {@code flips} times (after a few unrecorded ones) with a random pause of up to
     * {@code spreadMs} between flips, so that changes land anywhere in the poll cycle.
     */
    Result measure(Connection primary, int flips, long spreadMs) throws SQLException {
        ControlSchemaWriter writer = new ControlSchemaWriter(primary, ControlSchema.named(schema), "bench");
        Histogram h = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        int timeouts = 0;
        try (Connection c = DriverManager.getConnection(colshiftUrl, driverProps);
             Statement st = c.createStatement()) {
            ColshiftConnection cs = c.unwrap(ColshiftConnection.class);
            st.execute("SELECT 1");
            boolean writes = false;
            for (int i = 0; i < flips + WARM_UP_FLIPS; i++) {
                writes = !writes;
                long version = writer.setWriteFlag("bench-status", writes, "benchmark");
                long committed = System.nanoTime();
                long seen = -1;
                while (System.nanoTime() - committed < GIVE_UP_NANOS) {
                    st.execute("SELECT 1");
                    if (cs.stateVersion() >= version) {
                        seen = System.nanoTime();
                        break;
                    }
                    // a pause, not a spin: on a small machine spinning would starve the watcher it waits for
                    LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(STATEMENT_GAP_MICROS));
                }
                if (i >= WARM_UP_FLIPS) {
                    if (seen < 0) {
                        timeouts++;
                    } else {
                        h.recordValue(seen - committed);
                    }
                }
                sleep(ThreadLocalRandom.current().nextLong(5, Math.max(6, spreadMs)));
            }
            return new Result(name, (int) h.getTotalCount(), timeouts, ms(h.getValueAtPercentile(50)),
                    ms(h.getValueAtPercentile(99)), ms(h.getMinValue()), ms(h.getMaxValue()),
                    cs.followedServer(), cs.stateOrigin());
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
