package io.colshift.driver;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Small JDBC helpers shared by the statement proxies. */
final class Sql {

    /** pgjdbc's SQLState and wording when a query method runs a statement that returns no rows. */
    static final String NO_DATA = "02000";

    private Sql() {
    }

    static SQLException noResultsReturned() {
        return new SQLException("No results were returned by the query.", NO_DATA);
    }

    /**
     * An update count as {@code int}. JDBC has no int for more than {@code Integer.MAX_VALUE} rows; pgjdbc
     * reports {@code SUCCESS_NO_INFO} there, and so does colshift.
     */
    static int toInt(long count) {
        return count > Integer.MAX_VALUE ? java.sql.Statement.SUCCESS_NO_INFO : (int) count;
    }

    /** Update counts as {@code int}s, each as {@link #toInt(long)} reports it. */
    static int[] toInts(long[] counts) {
        int[] result = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            result[i] = toInt(counts[i]);
        }
        return result;
    }

    /** Reads the single {@code count(*)} of a count query and closes it. */
    static long count(ResultSet rs) throws SQLException {
        try (rs) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
