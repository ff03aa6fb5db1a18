package io.colshift.it.diff;

import net.ttddyy.dsproxy.proxy.ParameterSetOperation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * One statement a library generated, with the parameter calls it made, that can be sent again on any
 * connection exactly as the library sent it.
 *
 * @param source which library and query shape produced it (for the report)
 * @param sql    the SQL text as the library sent it
 * @param binds  the {@code setXxx} calls on its PreparedStatement, in order
 */
public record Replayable(String source, String sql, List<ParameterSetOperation> binds) {

    public Replayable {
        binds = List.copyOf(binds);
    }

    /** Runs the statement inside a transaction that is rolled back, so every run sees the same data. */
    public Outcome runAndRollBack(Connection c) throws Exception {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (ParameterSetOperation op : binds) {
                op.getMethod().invoke(ps, op.getArgs());
            }
            if (ps.execute()) {
                try (ResultSet rs = ps.getResultSet()) {
                    return Outcome.rows(rs, !sql.toLowerCase(Locale.ROOT).contains("order by"));
                }
            }
            return Outcome.count(ps.getUpdateCount());
        } catch (SQLException e) {
            return Outcome.error(e);
        } finally {
            c.rollback();
        }
    }

    /** Whether the statement writes the computed column itself (not comparable: the reference computes it). */
    public boolean writesStatus() {
        String s = sql.toLowerCase(Locale.ROOT);
        return (s.startsWith("insert") || s.startsWith("update") || s.startsWith("merge"))
                && s.replaceAll("where.*", "").contains("status");
    }
}
