package io.colshift.driver;

import io.colshift.state.Pgjdbc;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Drops a pgjdbc connection's server-prepared statements when the migration state moves, so that none of
 * them runs a plan cached before the table changed.
 *
 * <p>Why: after {@code ALTER TABLE … ADD COLUMN}, a server-prepared {@code SELECT *} fails with "cached plan
 * must not change result type" (SQLState 0A000). Outside a transaction pgjdbc already executes such a
 * statement once more by itself (its {@code willHealOnRetry}), which is safe because the failed attempt
 * changed nothing; inside a transaction the failure aborts the application's transaction. pgjdbc
 * re-prepares every statement after it sees a {@code DEALLOCATE ALL} go through it, so sending one when a
 * new state version appears (before the connection's next statement) avoids the failure, in and out of
 * transactions. It costs one round trip per connection per state change.
 *
 * <p>Skipped for connections that are not pgjdbc's and while the transaction has already failed (the
 * statement could not run; the next statement after the rollback tries again). Never used on a connection
 * through a transaction pooler, where it would reach another client's server connection: see
 * {@link PooledConnections} for what colshift does there.
 */
final class ServerPreparedStatements {

    private static final Logger LOG = LoggerFactory.getLogger(ServerPreparedStatements.class);

    private ServerPreparedStatements() {
    }

    /** @return true when done or not applicable, false when it must be tried again later */
    static boolean dropAll(Connection real) {
        if (!Pgjdbc.PRESENT) {
            return true;
        }
        try {
            return Pg.dropAll(real);
        } catch (SQLException e) {
            LOG.debug("colshift could not drop server-prepared statements after a state change", e);
            return true; // not worth retrying: pgjdbc's own retry still covers auto-commit statements
        }
    }

    /** Touches pgjdbc classes only when pgjdbc is on the class path (it is an optional, provided dependency). */
    private static final class Pg {
        static boolean dropAll(Connection real) throws SQLException {
            if (!real.isWrapperFor(BaseConnection.class)) {
                return true;
            }
            BaseConnection pg = real.unwrap(BaseConnection.class);
            if (pg.isClosed()) {
                return true;
            }
            TransactionState transaction = pg.getTransactionState();
            if (transaction == TransactionState.FAILED) {
                return false;
            }
            // Between transactions with auto-commit off, pgjdbc would open a transaction for this statement,
            // and the application's next statement (say SET TRANSACTION ISOLATION LEVEL) would no longer be
            // its first. Switching auto-commit on and off again while no transaction is open sends nothing.
            boolean betweenTransactions = transaction == TransactionState.IDLE && !pg.getAutoCommit();
            if (betweenTransactions) {
                pg.setAutoCommit(true);
            }
            try (Statement st = pg.createStatement()) {
                st.execute("DEALLOCATE ALL");
            } finally {
                if (betweenTransactions) {
                    pg.setAutoCommit(false);
                }
            }
            return true;
        }
    }
}
