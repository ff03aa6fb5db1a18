package io.colshift.it.diff;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What one statement did: the labels and rows of a read, the count of a write, or the SQLState of an error.
 */
public record Outcome(List<String> labels, List<String> rows, long count, String sqlState, String message) {

    static Outcome rows(ResultSet rs, boolean unordered) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        List<String> labels = new ArrayList<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            labels.add(md.getColumnLabel(i));
        }
        List<String> rows = new ArrayList<>();
        while (rs.next()) {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                row.append(i == 1 ? "" : " | ").append(rs.getString(i));
            }
            rows.add(row.toString());
        }
        if (unordered) {
            rows.sort(null);
        }
        return new Outcome(labels, rows, rows.size(), null, null);
    }

    static Outcome count(long n) {
        return new Outcome(List.of(), List.of(), n, null, null);
    }

    static Outcome error(SQLException e) {
        return new Outcome(List.of(), List.of(), -1, e.getSQLState() == null ? "?" : e.getSQLState(), e.getMessage());
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }

    public boolean failed() {
        return sqlState != null;
    }

    /** How {@code got} differs from this (the reference's) outcome, or null when it does not. */
    public String difference(Outcome got) {
        if (failed() || got.failed()) {
            return java.util.Objects.equals(sqlState, got.sqlState) ? null
                    : (got.failed() ? "error " + got.sqlState + " " + firstLine(got.message) : "succeeded")
                    + ", reference " + (failed() ? "error " + sqlState + " " + firstLine(message) : "succeeded");
        }
        if (!labels.equals(got.labels)) {
            return "labels " + got.labels + ", reference " + labels;
        }
        if (count != got.count) {
            return got.count + " rows/updates, reference " + count;
        }
        if (!rows.equals(got.rows)) {
            for (int i = 0; i < rows.size(); i++) {
                if (!rows.get(i).equals(got.rows.get(i))) {
                    return "row " + i + ": " + got.rows.get(i) + ", reference " + rows.get(i);
                }
            }
        }
        return null;
    }
}
