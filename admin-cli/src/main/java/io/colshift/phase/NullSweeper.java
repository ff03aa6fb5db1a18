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

    /**
     * Sweeps until a count finds no NULL, at most {@code maxSweeps} passes.
     *
     * @param connection a connection in manual-commit mode with {@code lock_timeout} set
     * @param onBatch    receives the rows filled by each committed batch (for checkpoints and progress)
     * @return rows filled
     * @throws PreconditionFailed when writers keep inserting NULL faster than the sweeps fill them
     */
    public long sweepUntilClean(Connection connection, int batch, int maxSweeps, BatchListener onBatch,
                                Consumer<String> say) throws SQLException, PreconditionFailed {
        long total = 0;
        long remaining = -1;
        for (int pass = 1; pass <= maxSweeps; pass++) {
            total += pass(connection, batch, onBatch, say);
            remaining = countNulls(connection);
            if (remaining == 0) {
                return total;
            }
            say.accept("sweep " + pass + ": " + remaining + " rows became NULL meanwhile (writers that do not set "
                    + migration.column() + "); sweeping again");
        }
        throw new PreconditionFailed(remaining + " rows of " + migration.describe() + " were still NULL after "
                + maxSweeps + " sweeps: writers keep inserting rows without the column faster than they are filled."
                + " Finish rolling out the application version that writes it (write flag on), or raise --max-sweeps;"
                + " progress is kept, run the same command again.");
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
                sleep(pause);
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

    static void sleep(Duration d) throws SQLException {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted", "57014", e);
        }
    }
}
