package io.colshift.demo.workload;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The new application version, deployed while the migration runs: it reads {@code status}, filters
 * and orders by it, and always writes it (upserts with {@code ON CONFLICT}, {@code RETURNING}),
 * relying on colshift to hold those writes back until the migration allows them.
 *
 * <p>Whether a write of {@code status} was held back is read from {@code RETURNING status}: the
 * database's own answer is what the application records as acknowledged. A write must come back
 * either as written or, when held back, as the value the row already had; anything else, and any
 * {@code NULL} read of the column, is a wrong result.
 */
public final class V2Client implements AppClient {

    /** Values the application writes; none equals a value the spec derives, so a held-back write is visible. */
    private static final String[] STATUSES = {"vip", "suspended", "trial"};
    private static final int OWN_ROWS_KEPT = 100;
    private static final int WINDOW = 20;
    private static final int FILTER_ROWS = 5;

    private final DataSource pool;
    private final OwnedRows rows;
    private final Random random;
    private final WorkloadStats stats;
    private final String selectOne;
    private final String upsert;
    private final String updateStatus;
    private final String insertReturning;
    private final String filterByStatus;
    private final String orderByStatus;
    private final String countNulls;
    private final String delete;
    private long nameCounter;
    private String operation = "";

    public V2Client(DataSource pool, UsersTable table, Ledger ledger, long seededRows, int slice, int slices, long seed,
                    WorkloadStats stats) {
        this.pool = pool;
        this.random = new Random(seed);
        this.stats = stats;
        this.rows = new OwnedRows(ledger, seededRows, slice, slices, "v2-" + Long.toString(System.nanoTime(), 36), random);
        String t = table.ref();
        selectOne = "SELECT id, email, name, status FROM " + t + " WHERE id = ?";
        upsert = "INSERT INTO " + t + " (email, name, status) VALUES (?, ?, ?) "
                + "ON CONFLICT (email) DO UPDATE SET name = EXCLUDED.name, status = EXCLUDED.status "
                + "RETURNING id, status";
        updateStatus = "UPDATE " + t + " SET status = ?, name = ? WHERE id = ? RETURNING status";
        insertReturning = "INSERT INTO " + t + " (email, name, status) VALUES (?, ?, ?) RETURNING id, status";
        filterByStatus = "SELECT id FROM " + t + " WHERE status = ? AND id IN ("
                + String.join(", ", java.util.Collections.nCopies(FILTER_ROWS, "?")) + ")";
        orderByStatus = "SELECT id, status FROM " + t + " WHERE id BETWEEN ? AND ? ORDER BY status DESC, id";
        countNulls = "SELECT count(*) FROM " + t + " WHERE id BETWEEN ? AND ? AND status IS NULL";
        delete = "DELETE FROM " + t + " WHERE id = ?";
    }

    @Override
    public String lastOperation() {
        return operation;
    }

    @Override
    public void next() throws SQLException, ResultMismatch {
        int dice = random.nextInt(100);
        if (dice < 15) {
            operation = "readOne";
            readOne();
        } else if (dice < 30) {
            operation = "upsert";
            upsert();
        } else if (dice < 45) {
            operation = "updateStatus";
            updateStatus();
        } else if (dice < 60) {
            operation = "filterByStatus";
            filterByStatus();
        } else if (dice < 70) {
            operation = "orderByStatus";
            orderByStatus();
        } else if (dice < 80) {
            operation = "insertReturning";
            insertReturning();
        } else if (dice < 90) {
            operation = "countNulls";
            countNulls();
        } else {
            operation = "deleteOne";
            deleteOne();
        }
    }

    private void readOne() throws SQLException, ResultMismatch {
        ExpectedRow row = rows.any();
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(selectOne)) {
            ps.setLong(1, row.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new ResultMismatch("SELECT found no row for id " + row.id() + " (" + row.email() + ")");
                }
                String status = rs.getString("status");
                if (!Objects.equals(row.name(), rs.getString("name")) || !row.expectedStatus().equals(status)) {
                    throw new ResultMismatch("SELECT for id " + row.id() + " returned (name " + rs.getString("name")
                            + ", status " + status + "), last acknowledged (" + row.name() + ", "
                            + row.expectedStatus() + ")");
                }
            }
        }
    }

    private void upsert() throws SQLException, ResultMismatch {
        ExpectedRow existing = random.nextBoolean() ? rows.inserted() : null;
        if (existing == null && rows.insertedCount() >= OWN_ROWS_KEPT) {
            deleteOne();
            return;
        }
        ExpectedRow before = existing != null ? existing
                : new ExpectedRow(0, rows.newEmail(), null, null, false, false);
        String name = nextName();
        String status = nextStatus();
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(upsert)) {
            ps.setString(1, before.email());
            ps.setString(2, name);
            ps.setString(3, status);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new ResultMismatch("upsert of " + before.email() + " returned no row");
                }
                long id = rs.getLong("id");
                if (existing != null && id != existing.id()) {
                    throw new ResultMismatch("upsert of existing " + before.email() + " returned id " + id
                            + ", expected " + existing.id());
                }
                String acknowledged = acknowledgedStatus(rs.getString("status"), status, before, "upsert");
                rows.acknowledge(new ExpectedRow(id, before.email(), name, acknowledged, false, false));
            }
        }
    }

    private void updateStatus() throws SQLException, ResultMismatch {
        ExpectedRow row = rows.any();
        String name = nextName();
        String status = nextStatus();
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(updateStatus)) {
            ps.setString(1, status);
            ps.setString(2, name);
            ps.setLong(3, row.id());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new ResultMismatch("UPDATE ... RETURNING of id " + row.id() + " returned no row");
                }
                String acknowledged = acknowledgedStatus(rs.getString(1), status, row, "UPDATE of id " + row.id());
                if (rs.next()) {
                    throw new ResultMismatch("UPDATE ... RETURNING of id " + row.id() + " returned several rows");
                }
                rows.acknowledge(row.withNameAndStatus(name, acknowledged));
            }
        }
    }

    private void insertReturning() throws SQLException, ResultMismatch {
        if (rows.insertedCount() >= OWN_ROWS_KEPT) {
            deleteOne();
            return;
        }
        ExpectedRow before = new ExpectedRow(0, rows.newEmail(), null, null, false, false);
        String name = nextName();
        String status = nextStatus();
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(insertReturning)) {
            ps.setString(1, before.email());
            ps.setString(2, name);
            ps.setString(3, status);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new ResultMismatch("INSERT ... RETURNING of " + before.email() + " returned no row");
                }
                String acknowledged = acknowledgedStatus(rs.getString("status"), status, before, "INSERT");
                rows.acknowledge(new ExpectedRow(rs.getLong("id"), before.email(), name, acknowledged, false, false));
            }
        }
    }

    private void filterByStatus() throws SQLException, ResultMismatch {
        List<ExpectedRow> sample = rows.several(FILTER_ROWS);
        String status = random.nextInt(3) == 0 ? UsersTable.derivedStatus(random.nextBoolean()) : nextStatus();
        Set<Long> expected = sample.stream().filter(r -> r.expectedStatus().equals(status))
                .map(ExpectedRow::id).collect(Collectors.toSet());
        Set<Long> actual = new HashSet<>();
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(filterByStatus)) {
            ps.setString(1, status);
            for (int i = 0; i < FILTER_ROWS; i++) {
                ps.setLong(i + 2, sample.get(i % sample.size()).id());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    actual.add(rs.getLong(1));
                }
            }
        }
        if (!actual.equals(expected)) {
            throw new ResultMismatch("WHERE status = '" + status + "' over ids "
                    + sample.stream().map(r -> r.id() + ":" + r.expectedStatus()).toList()
                    + " returned " + actual + ", expected " + expected);
        }
    }

    private void orderByStatus() throws SQLException, ResultMismatch {
        long first = rows.seededWindow(WINDOW);
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(orderByStatus)) {
            ps.setLong(1, first);
            ps.setLong(2, first + WINDOW - 1);
            try (ResultSet rs = ps.executeQuery()) {
                int count = 0;
                String previousStatus = null;
                long previousId = 0;
                while (rs.next()) {
                    count++;
                    String status = rs.getString(2);
                    long id = rs.getLong(1);
                    if (status == null) {
                        throw new ResultMismatch("ORDER BY status returned NULL status for id " + id);
                    }
                    if (previousStatus != null && (status.compareTo(previousStatus) > 0
                            || status.equals(previousStatus) && id < previousId)) {
                        throw new ResultMismatch("ORDER BY status DESC, id returned (" + status + ", " + id
                                + ") after (" + previousStatus + ", " + previousId + ")");
                    }
                    previousStatus = status;
                    previousId = id;
                }
                if (count != WINDOW) {
                    throw new ResultMismatch("ids " + first + ".." + (first + WINDOW - 1) + " returned " + count
                            + " rows, expected " + WINDOW);
                }
            }
        }
    }

    private void countNulls() throws SQLException, ResultMismatch {
        long first = rows.seededWindow(WINDOW);
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(countNulls)) {
            ps.setLong(1, first);
            ps.setLong(2, first + WINDOW - 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) != 0) {
                    throw new ResultMismatch("WHERE status IS NULL found " + rs.getLong(1) + " rows among ids "
                            + first + ".." + (first + WINDOW - 1) + "; the spec promises a value for every row");
                }
            }
        }
    }

    private void deleteOne() throws SQLException, ResultMismatch {
        ExpectedRow row = rows.inserted();
        if (row == null) {
            readOne();
            return;
        }
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(delete)) {
            ps.setLong(1, row.id());
            V1Client.expectCount(ps.executeUpdate(), 1, "DELETE of id " + row.id());
        }
        rows.acknowledge(row.asDeleted());
    }

    /**
     * The status the database acknowledged: the one written, or — when the driver held the write back —
     * the one the row already had. Counts held-back writes.
     */
    private String acknowledgedStatus(String returned, String written, ExpectedRow before, String what)
            throws ResultMismatch {
        if (written.equals(returned)) {
            return returned;
        }
        if (before.expectedStatus().equals(returned)) {
            stats.gatedWrite();
            return returned;
        }
        throw new ResultMismatch(what + " of status '" + written + "' for " + before.email() + " returned status '"
                + returned + "'; expected it, or '" + before.expectedStatus() + "' if the write was held back");
    }

    private String nextStatus() {
        return STATUSES[random.nextInt(STATUSES.length)];
    }

    private String nextName() {
        return "v2 name " + (nameCounter++);
    }
}
