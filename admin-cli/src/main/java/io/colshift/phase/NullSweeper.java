package io.colshift.phase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Fills every row that is still NULL, in short batches, until a count finds none: rows the key walk skipped
 * because an application transaction had them locked, rows moved by updates behind a ctid walk, and rows inserted
 * by writers that do not set the column. Unlike the walk it waits for row locks (up to {@code lock_timeout}, then
 * retries), since the rows it wants are exactly those.
 */
public final class NullSweeper {

    private final MigrationRecord migration;
    private final String sweepSql;
    private final String countSql;

    public NullSweeper(MigrationRecord m, String fillExpression) {
        this.migration = m;
        this.sweepSql = "WITH colshift_fill AS (UPDATE " + m.quotedTable() + " SET " + m.quotedColumn() + " = ("
                + fillExpression + ") WHERE ctid = ANY(ARRAY(SELECT ctid FROM " + m.quotedTable() + " WHERE "
                + m.quotedColumn() + " IS NULL LIMIT ? FOR UPDATE)) AND " + m.quotedColumn()
                + " IS NULL RETURNING 1) SELECT count(*) FROM colshift_fill";
        this.countSql = "SELECT count(*) FROM " + m.quotedTable() + " WHERE " + m.quotedColumn() + " IS NULL";
    }

    /** Called inside each sweep batch's transaction, before it commits. */
    @FunctionalInterface
    public interface BatchListener {
        void filled(long rows) throws SQLException;
    }

    /** The batch statement, for {@code plan}. */
    public String sql() {
        return sweepSql;
    }

    public String countSql() {
        return countSql;
    }

    /** How strict the final count is. */
    public enum Verification {
        /** No NULL at all: used by contract, once the DEFAULT keeps new rows from arriving NULL. */
        ALL_ROWS,
        /**
         * No NULL among rows last written before the sweep began. Writers that do not set the column (an older
         * application version, a script) keep adding NULL rows while the backfill runs; without a DEFAULT nothing
         * stops them, so "no NULL at all" may never be observed. Those rows are counted and left for contract,
         * which sets the DEFAULT first and sweeps them.
         */
        ROWS_BEFORE_SWEEP
    }

    /** The outcome of {@link #sweepUntilClean}. */
    public record Outcome(long filled, long arrivedSince) {
    }

    /**
     * Sweeps until a count finds no NULL (as {@code verification} defines it), at most {@code maxSweeps} passes.
     *
     * @param connection a connection in manual-commit mode with {@code lock_timeout} set
     * @param onBatch    called in each batch's transaction with the rows it filled (for checkpoints)
     * @throws PreconditionFailed when NULLs are still found after {@code maxSweeps} passes
     */
    public Outcome sweepUntilClean(Connection connection, int batch, int maxSweeps, Verification verification,
                                   BatchListener onBatch, Consumer<String> say) throws SQLException, PreconditionFailed {
        long total = 0;
        long remaining = -1;
        for (int pass = 1; pass <= maxSweeps; pass++) {
            long horizon = transactionHorizon(connection);
            total += pass(connection, batch, onBatch, say);
            long[] nulls = countNulls(connection, horizon);
            remaining = verification == Verification.ALL_ROWS ? nulls[0] : nulls[1];
            if (remaining == 0) {
                return new Outcome(total, nulls[0]);
            }
            say.accept("sweep " + pass + ": " + remaining + " rows are NULL again (written meanwhile by writers that"
                    + " do not set " + migration.column() + "); sweeping again");
        }
        throw new PreconditionFailed(remaining + " rows of " + migration.describe() + " were still NULL after "
                + maxSweeps + " sweeps: writers keep writing NULL into the column faster than it is filled."
                + " Find the writer that stores NULL explicitly, or raise --max-sweeps; progress is kept, run the same"
                + " command again.");
    }

    /** One pass: batches until a batch comes back short, i.e. every NULL row visible to it was filled. */
    long pass(Connection connection, int batch, BatchListener onBatch, Consumer<String> say) throws SQLException {
        long total = 0;
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));
        while (true) {
            int filled;
            try (PreparedStatement ps = connection.prepareStatement(sweepSql)) {
                ps.setInt(1, batch);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    filled = rs.getInt(1);
                }
                onBatch.filled(filled);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                if (!TransientErrors.retryable(e)) {
                    throw e;
                }
                Duration pause = backoff.next();
                say.accept("sweep batch rolled back: " + TransientErrors.reason(e) + "; retrying in "
                        + Durations.human(pause));
                Pause.sleep(pause);
                continue;
            }
            total += filled;
            if (filled < batch) {
                return total;
            }
        }
    }

    public long countNulls(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(countSql)) {
            rs.next();
            long n = rs.getLong(1);
            connection.commit();
            return n;
        }
    }

    /** Every transaction older than this had ended when it was read (the oldest xid still running, 64-bit). */
    private static long transactionHorizon(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT txid_snapshot_xmin(txid_current_snapshot())")) {
            rs.next();
            long horizon = rs.getLong(1);
            connection.commit();
            return horizon;
        }
    }

    /**
     * @return {all NULL rows, NULL rows whose current version was written by a transaction older than horizon}.
     *         {@code age(xmin)} is measured from this transaction's own xid, assigned first so that it is stable;
     *         frozen rows have the largest age and count as old.
     */
    private long[] countNulls(Connection connection, long horizon) throws SQLException {
        try (Statement st = connection.createStatement()) {
            long self;
            try (ResultSet rs = st.executeQuery("SELECT txid_current()")) {
                rs.next();
                self = rs.getLong(1);
            }
            try (PreparedStatement ps = connection.prepareStatement("SELECT count(*), count(*) FILTER (WHERE"
                    + " age(xmin) > ?) FROM " + migration.quotedTable() + " WHERE " + migration.quotedColumn()
                    + " IS NULL")) {
                ps.setLong(1, self - horizon);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long[] counts = {rs.getLong(1), rs.getLong(2)};
                    connection.commit();
                    return counts;
                }
            }
        }
    }
}
