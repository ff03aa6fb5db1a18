package io.colshift.phase;

import io.colshift.state.SafeText;
import io.colshift.state.ControlSchema;
import io.colshift.state.ControlSchemaWriter;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Everything one CLI command needs while it works on one migration: the control connection (which also holds the
 * runner lock), the state writer, catalog access, the server version and, on first use, the pinned DDL connection.
 * Closing it releases the runner lock and every connection it opened. Every one of its connections has its
 * {@code search_path} pinned ({@link SearchPathPin}).
 *
 * <p>Every step ends with {@link #awaitBarrier()}, also when it found its work already done: the run that did it
 * may have been killed before its own barrier.
 */
public final class PhaseRun implements AutoCloseable {

    /** How long a barrier waits for standbys unless told otherwise. */
    public static final Duration DEFAULT_BARRIER_TIMEOUT = Duration.ofMinutes(5);

    private final ConnectionFactory factory;
    private final ControlSchema schema;
    private final Connection control;
    private final ControlSchemaWriter writer;
    private final ServerVersion server;
    private final DdlOptions ddlOptions;
    private final PrintWriter out;
    private final String migrationId;
    private final String command;
    private final Duration barrierTimeout;
    private RunnerLock lock;
    private LockSafeDdl ddl;

    private PhaseRun(ConnectionFactory factory, ControlSchema schema, Connection control, String actor,
                     DdlOptions ddlOptions, PrintWriter out, String migrationId, String command,
                     Duration barrierTimeout) throws SQLException {
        this.factory = factory;
        this.schema = schema;
        this.control = control;
        this.writer = new ControlSchemaWriter(control, schema, actor);
        this.server = ServerVersion.of(control);
        this.ddlOptions = ddlOptions;
        this.out = out;
        this.migrationId = migrationId;
        this.command = command;
        this.barrierTimeout = barrierTimeout;
    }

    /**
     * Connects and takes the runner lock for {@code migrationId}.
     *
     * @throws PreconditionFailed when another runner works on the same migration
     */
    public static PhaseRun open(ConnectionFactory factory, ControlSchema schema, String actor, DdlOptions ddlOptions,
                                PrintWriter out, String migrationId, String command)
            throws SQLException, PreconditionFailed {
        return open(factory, schema, actor, ddlOptions, out, migrationId, command, DEFAULT_BARRIER_TIMEOUT);
    }

    /** As {@link #open(ConnectionFactory, ControlSchema, String, DdlOptions, PrintWriter, String, String)}, with the barrier's timeout. */
    public static PhaseRun open(ConnectionFactory factory, ControlSchema schema, String actor, DdlOptions ddlOptions,
                                PrintWriter out, String migrationId, String command, Duration barrierTimeout)
            throws SQLException, PreconditionFailed {
        // every connection of the run, whoever made the factory, runs with the pinned search_path
        ConnectionFactory pinned = SearchPathPin.pinning(factory);
        Connection control = pinned.open();
        PhaseRun run = null;
        try {
            run = new PhaseRun(pinned, schema, control, actor, ddlOptions, out, migrationId, command, barrierTimeout);
            run.lock = RunnerLock.acquire(control, schema, migrationId, command);
            return run;
        } catch (SQLException | PreconditionFailed | RuntimeException e) {
            if (run != null) {
                run.close();
            } else {
                control.close();
            }
            throw e;
        }
    }

    private PhaseException noted;

    public MigrationRecord migration() throws SQLException, PhaseException {
        return new MigrationStore(control, schema).load(migrationId);
    }

    public String migrationId() {
        return migrationId;
    }

    public ControlSchema schema() {
        return schema;
    }

    public ControlSchemaWriter writer() {
        return writer;
    }

    public Connection control() {
        return control;
    }

    public Catalog catalog() {
        return new Catalog(control);
    }

    public ServerVersion server() {
        return server;
    }

    public DdlOptions ddlOptions() {
        return ddlOptions;
    }

    public PrintWriter out() {
        return out;
    }

    /** The barrier of this run's steps, on the control connection. */
    public StateBarrier barrier() {
        return new StateBarrier(control, schema, barrierTimeout, "colshift " + command + " " + migrationId, this::say);
    }

    /** Waits for the barrier of the last state change this run committed (or of the current state, if none). */
    public void awaitBarrier() throws SQLException, PhaseException {
        try {
            barrier().await(writer.lastCommit());
        } catch (PreconditionFailed e) {
            // the change stays committed; the audit trail says the barrier gave up on it
            note("barrier-wait", e);
            throw e;
        }
    }

    /**
     * Records {@code failure} as a note in the audit trail ({@code events}, no state version), once. Best effort:
     * a failure to record it must not hide the failure itself.
     */
    public void note(String kind, PhaseException failure) {
        if (noted == failure) {
            return;
        }
        noted = failure;
        writer.noteQuietly(migrationId, kind, failure.getMessage());
    }

    /** The pinned DDL connection and its lock-safe runner, opened on first use. */
    public LockSafeDdl ddl() throws SQLException {
        if (ddl == null) {
            Connection c = openConnection("ddl");
            try {
                ddl = new LockSafeDdl(c, () -> openConnection("monitor"), ddlOptions, out);
            } catch (SQLException e) {
                c.close();
                throw e;
            }
        }
        return ddl;
    }

    /** A new connection labelled for {@code pg_stat_activity}; the caller closes it. */
    public Connection openConnection(String role) throws SQLException {
        Connection c = factory.open();
        c.setClientInfo("ApplicationName", "colshift " + command + " " + migrationId + " (" + role + ")");
        return c;
    }

    /** Prints one line for the operator, at once, {@link SafeText escaped}: it quotes names and values from the database. */
    public void say(String line) {
        out.println(SafeText.of(line));
        out.flush();
    }

    @Override
    public void close() {
        if (ddl != null) {
            ddl.close();
            closeQuietly(ddl.connection());
        }
        try {
            if (lock != null) {
                lock.close();
            }
        } catch (SQLException ignored) {
            // the lock is released with the session below anyway
        }
        closeQuietly(control);
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing to recover on close
        }
    }
}
