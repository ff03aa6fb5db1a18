package io.colshift.cli;

import io.colshift.state.ControlSchema;
import io.colshift.state.ControlSchemaWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
                        + "--grant-to ROLE grants exactly these privileges."})
final class InitCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Option(names = "--grant-to", paramLabel = "ROLE",
            description = "Application role to grant read access (and heartbeat writes) to.")
    String grantTo;

    @Override
    public Integer call() throws Exception {
        ControlSchema schema = connection.controlSchema();
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
            writer.init();
            spec.commandLine().getOut().println(existing == 0
                    ? "created control schema '" + schema.name() + "' (version " + ControlSchema.CURRENT_VERSION + ")"
                    : "control schema '" + schema.name() + "' is up to date (version " + ControlSchema.CURRENT_VERSION + ")");
            if (grantTo != null) {
                writer.grantDriverAccess(grantTo);
                spec.commandLine().getOut().println("granted '" + grantTo + "' USAGE on schema " + schema.name()
                        + ", SELECT on its tables, INSERT and UPDATE on " + schema.table("clients"));
            }
        }
        return ExitCodes.DONE;
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
