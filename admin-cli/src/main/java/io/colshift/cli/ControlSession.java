package io.colshift.cli;

import io.colshift.state.ControlSchema;
import io.colshift.state.ControlSchemaWriter;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

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

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
