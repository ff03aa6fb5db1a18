package io.colshift.demo.workload;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares every acknowledged write with what the database holds, over a plain connection that
 * bypasses colshift: the check must not trust the software it checks.
 */
public final class LedgerVerifier {

    private static final int CHUNK = 1_000;
    private static final int EXAMPLES = 10;

    private final UsersTable table;

    public LedgerVerifier(UsersTable table) {
        this.table = table;
    }

    /**
     * @param connection  a direct {@code jdbc:postgresql:} connection
     * @param seededRows  rows the table was seeded with (none of them is ever deleted)
     * @param withStatus  also compare {@code status}; only meaningful once the column exists with every value
     */
    public LedgerReport verify(Connection connection, Ledger ledger, long seededRows, boolean withStatus)
            throws SQLException {
        List<ExpectedRow> expected = new ArrayList<>(ledger.rows());
        long missing = 0;
        long resurrected = 0;
        long wrong = 0;
        List<String> examples = new ArrayList<>();
        String sql = "SELECT email, name, deleted_at IS NOT NULL" + (withStatus ? ", status" : "")
                + " FROM " + table.qualifiedName() + " WHERE email = ANY (?)";
        for (int from = 0; from < expected.size(); from += CHUNK) {
            List<ExpectedRow> chunk = expected.subList(from, Math.min(expected.size(), from + CHUNK));
            Map<String, Actual> actual = new HashMap<>();
            try (PreparedStatement ps = connection.prepareStatement(sql)) {
                Array emails = connection.createArrayOf("text", chunk.stream().map(ExpectedRow::email).toArray());
                ps.setArray(1, emails);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        actual.put(rs.getString(1), new Actual(rs.getString(2), rs.getBoolean(3),
                                withStatus ? rs.getString(4) : null));
                    }
                }
            }
            for (ExpectedRow row : chunk) {
                Actual found = actual.get(row.email());
                String problem = null;
                if (row.deleted()) {
                    if (found != null) {
                        resurrected++;
                        problem = row.email() + " was deleted but is present";
                    }
                } else if (found == null) {
                    missing++;
                    problem = row.email() + " was written (name '" + row.name() + "') but is missing";
                } else if (!Objects.equals(found.name, row.name())
                        || withStatus && !row.expectedStatus().equals(found.status)) {
                    wrong++;
                    problem = row.email() + " holds (" + found.name + (withStatus ? ", " + found.status : "")
                            + "), acknowledged (" + row.name() + (withStatus ? ", " + row.expectedStatus() : "") + ")";
                }
                if (problem != null && examples.size() < EXAMPLES) {
                    examples.add(problem);
                }
            }
        }
        long seededPresent;
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM " + table.qualifiedName()
                + " WHERE id BETWEEN 1 AND ? AND email = 'user' || id || '@example.com'")) {
            ps.setLong(1, seededRows);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                seededPresent = rs.getLong(1);
            }
        }
        long seededMissing = seededRows - seededPresent;
        if (seededMissing != 0 && examples.size() < EXAMPLES) {
            examples.add(seededMissing + " seeded rows are missing");
        }
        return new LedgerReport(expected.size(), missing, resurrected, wrong, seededMissing, examples);
    }

    private record Actual(String name, boolean softDeleted, String status) {
    }
}
