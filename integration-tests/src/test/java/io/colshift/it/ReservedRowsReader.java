package io.colshift.it;

import io.colshift.demo.workload.AppClient;
import io.colshift.demo.workload.ResultMismatch;
import io.colshift.demo.workload.UsersTable;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * A read-only client for servers that may lag behind the primary (a standby, or whichever host a multi-host URL
 * picked). It reads only the {@link ReservedRows reserved rows}, which no application ever writes, so every read
 * has one right answer however late the server replays: the seeded email and name, and — for the new version,
 * which reads {@code status} — the value the spec derives for the row, never {@code NULL}. A driver that rewrote
 * for a state the server it talks to has not replayed yet fails here (the column is missing) or reads wrong values
 * (rows not yet backfilled read as {@code NULL} once reads pass unchanged).
 */
final class ReservedRowsReader implements AppClient {

    private static final int WINDOW = 20;

    private final DataSource pool;
    private final boolean readsStatus;
    private final Random random;
    private final String selectStar;
    private final String scan;
    private final String selectStatus;
    private final String countNulls;
    private final String filterGone;
    private String operation = "";

    /** @param readsStatus true for the new version (reads, filters by and counts {@code status}) */
    ReservedRowsReader(DataSource pool, UsersTable table, boolean readsStatus, long seed) {
        this.pool = pool;
        this.readsStatus = readsStatus;
        this.random = new Random(seed);
        String t = table.ref();
        selectStar = "SELECT * FROM " + t + " WHERE id = ?";
        scan = "SELECT id, email, name FROM " + t + " WHERE id BETWEEN ? AND ? ORDER BY id";
        selectStatus = "SELECT id, name, status FROM " + t + " WHERE id = ?";
        countNulls = "SELECT count(*) FROM " + t + " WHERE id BETWEEN ? AND ? AND status IS NULL";
        filterGone = "SELECT id FROM " + t + " WHERE status = 'gone' AND id BETWEEN ? AND ?";
    }

    @Override
    public String lastOperation() {
        return operation;
    }

    @Override
    public void next() throws SQLException, ResultMismatch {
        int dice = random.nextInt(readsStatus ? 100 : 50);
        if (dice < 25) {
            operation = "readWithStar";
            readWithStar();
        } else if (dice < 50) {
            operation = "scanWindow";
            scanWindow();
        } else if (dice < 75) {
            operation = "readStatus";
            readStatus();
        } else if (dice < 88) {
            operation = "countNulls";
            countNulls();
        } else {
            operation = "filterByStatus";
            filterGone();
        }
    }

    private void readWithStar() throws SQLException, ResultMismatch {
        long id = ReservedRows.any(random);
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(selectStar)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                expectSeeded(rs, id, "SELECT *");
                if (readsStatus) {
                    expectStatus(rs, id, "SELECT *");
                }
                if (rs.next()) {
                    throw new ResultMismatch("SELECT * returned more than one row for id " + id);
                }
            }
        }
    }

    private void scanWindow() throws SQLException, ResultMismatch {
        long first = ReservedRows.window(random, WINDOW);
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(scan)) {
            ps.setLong(1, first);
            ps.setLong(2, first + WINDOW - 1);
            try (ResultSet rs = ps.executeQuery()) {
                for (long id = first; id < first + WINDOW; id++) {
                    expectSeeded(rs, id, "scan from id " + first);
                }
                if (rs.next()) {
                    throw new ResultMismatch("scan of " + WINDOW + " reserved ids returned more rows");
                }
            }
        }
    }

    private void readStatus() throws SQLException, ResultMismatch {
        long id = ReservedRows.any(random);
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(selectStatus)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new ResultMismatch("SELECT status found no row for reserved id " + id);
                }
                expectStatus(rs, id, "SELECT status");
            }
        }
    }

    private void countNulls() throws SQLException, ResultMismatch {
        long first = ReservedRows.window(random, WINDOW);
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(countNulls)) {
            ps.setLong(1, first);
            ps.setLong(2, first + WINDOW - 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) != 0) {
                    throw new ResultMismatch("WHERE status IS NULL found " + rs.getLong(1) + " of reserved ids "
                            + first + ".." + (first + WINDOW - 1) + "; the spec promises a value for every row");
                }
            }
        }
    }

    private void filterGone() throws SQLException, ResultMismatch {
        long first = ReservedRows.window(random, WINDOW);
        Set<Long> expected = new HashSet<>();
        for (long id = first; id < first + WINDOW; id++) {
            if (UsersTable.seededDeleted(id)) {
                expected.add(id);
            }
        }
        Set<Long> actual = new HashSet<>();
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(filterGone)) {
            ps.setLong(1, first);
            ps.setLong(2, first + WINDOW - 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    actual.add(rs.getLong(1));
                }
            }
        }
        if (!actual.equals(expected)) {
            throw new ResultMismatch("WHERE status = 'gone' over reserved ids " + first + ".." + (first + WINDOW - 1)
                    + " returned " + actual + ", expected " + expected);
        }
    }

    private static void expectSeeded(ResultSet rs, long id, String what) throws SQLException, ResultMismatch {
        if (!rs.next()) {
            throw new ResultMismatch(what + " found no row for reserved id " + id);
        }
        if (rs.getLong("id") != id || !UsersTable.seededEmail(id).equals(rs.getString("email"))
                || !UsersTable.seededName(id).equals(rs.getString("name"))) {
            throw new ResultMismatch(what + " returned (" + rs.getLong("id") + ", " + rs.getString("email") + ", "
                    + rs.getString("name") + ") where reserved id " + id + " was seeded");
        }
    }

    private static void expectStatus(ResultSet rs, long id, String what) throws SQLException, ResultMismatch {
        String status = rs.getString(UsersTable.COLUMN);
        String expected = UsersTable.derivedStatus(UsersTable.seededDeleted(id));
        if (!expected.equals(status)) {
            throw new ResultMismatch(what + " read status " + status + " for reserved id " + id + ", expected "
                    + expected);
        }
    }
}
