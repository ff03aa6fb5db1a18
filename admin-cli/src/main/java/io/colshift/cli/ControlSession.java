package io.colshift.cli;

import io.colshift.phase.PhaseException;
import io.colshift.phase.StateBarrier;
import io.colshift.state.ControlSchema;
import io.colshift.state.ControlSchemaWriter;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/** One command's connection to an initialised control schema, with the writer all state changes go through. */
public final class ControlSession implements AutoCloseable {

    private final Connection connection;
    private final ControlSchemaWriter writer;

    private ControlSession(Connection connection, ControlSchemaWriter writer) {
        this.connection = connection;
        this.writer = writer;
    }

    static ControlSession open(Connection connection, ControlSchema schema, String actor) throws SQLException {
        try {
            requireInitialised(connection, schema);
            return new ControlSession(connection, new ControlSchemaWriter(connection, schema, actor));
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    static void requireInitialised(Connection connection, ControlSchema schema) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, schema.table("state"));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    throw CommandFailure.preconditionNotMet("control schema '" + schema.name()
                            + "' not found in this database: run `colshift init` first (or pass the right --schema)");
                }
            }
        }
        try (PreparedStatement ps = connection.prepareStatement("SELECT coalesce(max(version), 0) FROM "
                + schema.table("schema_version")); ResultSet rs = ps.executeQuery()) {
            rs.next();
            int installed = rs.getInt(1);
            if (installed < ControlSchema.CURRENT_VERSION) {
                throw CommandFailure.preconditionNotMet("control schema '" + schema.name() + "' is at version "
                        + installed + ", older than this colshift (" + ControlSchema.CURRENT_VERSION
                        + "): run `colshift init` to upgrade it");
            }
        }
    }

    public Connection connection() {
        return connection;
    }

    public ControlSchemaWriter writer() {
        return writer;
    }

    public ControlSchema schema() {
        return writer.schema();
    }

    /**
     * Waits for the barrier of the last change this session's writer committed (of the current state when it
     * committed none: an earlier run may have made the change and been killed before its barrier); exit 3 on timeout.
     *
     * @param rerun the command to suggest running again after a timeout
     */
    public void awaitBarrier(Duration timeout, String rerun, PrintWriter out) throws SQLException {
        awaitBarrier(connection, writer, timeout, rerun, out);
    }

    /**
     * {@link #awaitBarrier(Duration, String, PrintWriter)} for a command that holds a connection and a writer of its
     * own ({@code init}, which creates the schema a session needs): one barrier wait, one audit note when it gives up.
     */
    static void awaitBarrier(Connection connection, ControlSchemaWriter writer, Duration timeout, String rerun,
                             PrintWriter out) throws SQLException {
        try {
            new StateBarrier(connection, writer.schema(), timeout, rerun, line -> {
                out.println(line);
                out.flush();
            }).await(writer.lastCommit());
        } catch (PhaseException e) {
            writer.noteQuietly(null, "barrier-wait", e.getMessage()); // the audit trail says the barrier gave up
            throw PhaseCommands.failure(e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
