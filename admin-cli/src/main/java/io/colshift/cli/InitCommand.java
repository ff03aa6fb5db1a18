package io.colshift.cli;

import io.colshift.state.ControlSchema;
import io.colshift.state.ControlSchemaReader;
import io.colshift.state.ControlSchemaWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Callable;

/** {@code colshift init}: creates or upgrades the control schema; safe to run any number of times. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {
                "Creates or upgrades the control schema (default 'colshift') in the application database. "
                        + "Idempotent: running it again changes nothing, and upgrades the schema after a colshift upgrade.",
                "",
                "The application's role needs only read access to the control schema: USAGE on the schema and "
                        + "SELECT on its tables. Heartbeats additionally need INSERT and UPDATE on <schema>.clients; "
                        + "without them drivers still work, but the CLI cannot see which state version each driver runs. "
                        + "--grant-to ROLE grants exactly these privileges.",
                "",
                "--lease sets the staleness lease (default 2s): no driver runs a statement under a snapshot of its "
                        + "server's state read longer ago than this, and every step waits this long after its change "
                        + "committed (and after every streaming standby replayed it). A shorter lease makes steps "
                        + "return sooner and drivers refresh their state more often. Changing it is a state change "
                        + "like any other: recorded in the events, announced to drivers, and followed by a barrier, "
                        + "which waits the old lease when the lease is lowered."})
final class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--grant-to", paramLabel = "ROLE",
            description = "Application role to grant read access (and heartbeat writes) to.")
    String grantTo;

    @Option(names = "--lease", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Staleness lease, between " + MIN_LEASE_TEXT + " and " + MAX_LEASE_TEXT
                    + " (a new control schema starts with 2s; without this option it stays as it is).")
    Duration lease;

    @Mixin
    BarrierOptions barrier;

    static final Duration MIN_LEASE = Duration.ofMillis(50);
    static final Duration MAX_LEASE = Duration.ofMinutes(10);
    private static final String MIN_LEASE_TEXT = "50ms";
    private static final String MAX_LEASE_TEXT = "10min";

    @Override
    public Integer call() throws Exception {
        ControlSchema schema = connection.controlSchema();
        if (lease != null && (lease.compareTo(MIN_LEASE) < 0 || lease.compareTo(MAX_LEASE) > 0)) {
            throw CommandFailure.badInput("--lease " + lease.toMillis() + "ms: the staleness lease must be between "
                    + MIN_LEASE_TEXT + " and " + MAX_LEASE_TEXT);
        }
        Duration timeout = barrier.timeout();
        try (Connection c = connection.connect()) {
            if (grantTo != null && !roleExists(c, grantTo)) {
                throw CommandFailure.badInput("--grant-to: role '" + grantTo + "' does not exist");
            }
            int existing = installedVersion(c, schema);
            if (existing > ControlSchema.CURRENT_VERSION) {
                throw CommandFailure.preconditionNotMet("control schema '" + schema.name() + "' is at version "
                        + existing + ", newer than this colshift understands (" + ControlSchema.CURRENT_VERSION
                        + "): upgrade colshift");
            }
            ControlSchemaWriter writer = new ControlSchemaWriter(c, schema, connection.actor());
            boolean created = writer.init(lease);
            spec.commandLine().getOut().println(created
                    ? "created control schema '" + schema.name() + "' (version " + ControlSchema.CURRENT_VERSION
                    + ", staleness lease " + new ControlSchemaReader(c, schema).leaseMillis() + " ms)"
                    : "control schema '" + schema.name() + "' is up to date (version " + ControlSchema.CURRENT_VERSION + ")");
            if (grantTo != null) {
                writer.grantDriverAccess(grantTo);
                spec.commandLine().getOut().println("granted '" + grantTo + "' USAGE on schema " + schema.name()
                        + ", SELECT on its tables, INSERT and UPDATE on " + schema.table("clients"));
            }
            if (lease != null && !created) {
                setLease(c, schema, writer, timeout);
            }
        }
        return ExitCodes.DONE;
    }

    private void setLease(Connection c, ControlSchema schema, ControlSchemaWriter writer, Duration timeout)
            throws SQLException {
        java.io.PrintWriter out = spec.commandLine().getOut();
        Duration old = Duration.ofMillis(new ControlSchemaReader(c, schema).leaseMillis());
        long version = writer.setLease(lease, "colshift init --lease " + lease.toMillis() + "ms");
        if (version < 0) {
            out.println("staleness lease is " + lease.toMillis() + " ms already; nothing to do");
            return;
        }
        out.println("staleness lease is now " + lease.toMillis() + " ms (was " + old.toMillis() + " ms; state version "
                + version + ")" + (lease.compareTo(old) < 0 ? "; this barrier still waits the old lease" : ""));
        ControlSession.awaitBarrier(c, writer, timeout, "colshift init --lease " + lease.toMillis() + "ms", out);
    }

    private static boolean roleExists(Connection c, String role) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** 0 when the schema has not been created yet. */
    private static int installedVersion(Connection c, ControlSchema schema) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, schema.table("schema_version"));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return 0;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(version), 0) FROM " + schema.table("schema_version"));
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
