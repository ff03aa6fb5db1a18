package io.colshift.driver;

import io.colshift.state.Pgjdbc;
import io.colshift.state.PoolerProbe;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Decides, once per connection when it is opened, whether it goes through a pooler in transaction mode, and
 * if so keeps colshift from touching server state that other clients share.
 *
 * <p><b>Why it matters.</b> On a direct connection colshift drops the connection's server-prepared statements
 * with {@code DEALLOCATE ALL} when the migration state moves ({@link ServerPreparedStatements}), so that none of
 * them runs a plan cached before the table changed. Behind a transaction pooler such as PgBouncer that is
 * harmful twice over. The statement runs on whichever server connection the pooler hands out, so it destroys the
 * statements other clients prepared there (their next execution fails with 26000 "prepared statement does not
 * exist"); and pgjdbc, seeing the command go through, forgets all of this client's statements and prepares them
 * again under new names ({@code S_n} counts up per client). Named statements only "work" through such a pooler
 * while every client happens to give the same name to the same text; once the counters of clients drift apart, a
 * {@code Bind} of {@code S_4} lands on a server connection where another client's {@code S_4} is a different
 * statement: 42P05 "already exists", 08P01 "bind message supplies 2 parameters", or, when the parameters happen to
 * fit, another statement runs and the application gets a wrong update count. colshift's own rewritten texts
 * (new text per phase, reaching pgjdbc's {@code prepareThreshold} at different moments on different clients)
 * drive those counters apart further.
 *
 * <p><b>What colshift does instead.</b> On a connection that shares backends ({@link Pooler#TRANSACTION},
 * {@link Pooler#TRANSACTION_PREPARED}, or detected by {@link Pooler#AUTO}) it never sends {@code DEALLOCATE ALL}.
 * Behind a pooler that does not keep prepared statements itself ({@link Pooler#TRANSACTION}, which is also what
 * detection assumes), it sets the connection's {@code prepareThreshold} to 0 before the application sees it:
 * every statement goes as an unnamed Parse/Bind/Execute, which leaves nothing behind on the server connection and
 * is re-planned by PostgreSQL at every execution, so no plan can be stale and no name can collide, whatever the
 * application's {@code prepareThreshold} says. That is PgBouncer's own advice for pgjdbc before 1.21. Behind a
 * pooler that keeps prepared statements ({@link Pooler#TRANSACTION_PREPARED}, PgBouncer 1.21+ with
 * {@code max_prepared_statements}), the application's settings stay: the pooler maps names per client, and
 * pgjdbc re-prepares a statement by its text after "cached plan must not change result type", as it does without
 * colshift.
 *
 * <p><b>Detection</b> ({@link Pooler#AUTO}, the default) compares two facts: the backend pid PostgreSQL announced
 * when the connection started ({@code BackendKeyData}) and {@code pg_catalog.pg_backend_pid()}. A pooler announces
 * a key of its own, so they differ behind PgBouncer (in any mode) and are equal on a direct connection. It costs
 * one query per physical connection, when it is opened (while auto-commit is on, so it opens no transaction on the
 * application's behalf). A session-mode pooler is detected as well and then also gets unnamed statements; set
 * {@code colshift.pooler=none} to keep named statements there. If the query fails, the connection is treated as
 * pooled: unnamed statements cost a little speed, a wrong guess the other way costs other clients' statements.
 */
final class PooledConnections {

    private static final Logger LOG = LoggerFactory.getLogger(PooledConnections.class);

    private PooledConnections() {
    }

    /**
     * Applies the policy for {@code configured} to a freshly opened real connection.
     *
     * @return true when consecutive transactions of this connection may run on different backends, so that
     *         colshift must never send {@code DEALLOCATE ALL} on it
     */
    static boolean apply(Connection real, Pooler configured) {
        if (configured == Pooler.NONE || !Pgjdbc.PRESENT) {
            return false;
        }
        try {
            return Pg.apply(real, configured);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("colshift could not tell whether {} goes through a pooler; treating it as pooled", real, e);
            if (configured != Pooler.TRANSACTION_PREPARED) {
                Pg.sendUnnamed(real);
            }
            return true;
        }
    }

    /** Touches pgjdbc classes only when pgjdbc is on the class path (it is an optional, provided dependency). */
    private static final class Pg {

        static boolean apply(Connection real, Pooler configured) throws SQLException {
            if (!real.isWrapperFor(PGConnection.class)) {
                return false;
            }
            Pooler pooler = configured == Pooler.AUTO ? detect(real) : configured;
            if (pooler == Pooler.TRANSACTION) {
                sendUnnamed(real);
            }
            return pooler.sharesBackends();
        }

        private static Pooler detect(Connection real) throws SQLException {
            boolean autoCommit = real.getAutoCommit();
            if (!autoCommit) {
                real.setAutoCommit(true); // sends nothing on a fresh connection; the probe opens no transaction
            }
            try {
                if (!PoolerProbe.behindPooler(real)) {
                    return Pooler.NONE;
                }
                LOG.debug("colshift: {} runs on another backend than the one it connected to: a pooler is in"
                        + " between", real);
                return Pooler.TRANSACTION;
            } finally {
                if (!autoCommit) {
                    real.setAutoCommit(false);
                }
            }
        }

        static void sendUnnamed(Connection real) {
            try {
                real.unwrap(PGConnection.class).setPrepareThreshold(0);
            } catch (SQLException | RuntimeException e) {
                LOG.debug("colshift could not switch {} to unnamed statements", real, e);
            }
        }
    }
}
