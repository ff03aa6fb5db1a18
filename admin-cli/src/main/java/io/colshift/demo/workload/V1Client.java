package io.colshift.demo.workload;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * The application as it was before the migration: it has never heard of {@code status}. It selects
 * with {@code *} and with explicit column lists, inserts (one by one and in batches), updates,
 * deletes, and reads-then-writes inside a transaction, and checks that every row it reads is the
 * row it last wrote.
 */
public final class V1Client implements AppClient {

    private static final int OWN_ROWS_KEPT = 100;
    private static final int BATCH = 5;
    private static final int WINDOW = 20;

    private final DataSource pool;
    private final OwnedRows rows;
    private final Random random;
    private final String selectStar;
    private final String selectColumns;
    private final String insert;
    private final String updateName;
    private final String delete;
    private final String selectForUpdate;
    private final String scan;
    private long nameCounter;
    private String operation = "";

    /**
     * @param slice  this client's index among all clients of all applications
     * @param slices how many clients there are in all
     */
    public V1Client(DataSource pool, UsersTable table, Ledger ledger, long seededRows, int slice, int slices, long seed) {
        this.pool = pool;
        this.random = new Random(seed);
        this.rows = new OwnedRows(ledger, seededRows, slice, slices, "v1-" + Long.toString(System.nanoTime(), 36), random);
        String t = table.ref();
        selectStar = "SELECT * FROM " + t + " WHERE id = ?";
        selectColumns = "SELECT id, email, name FROM " + t + " WHERE email = ?";
        insert = "INSERT INTO " + t + " (email, name) VALUES (?, ?)";
        updateName = "UPDATE " + t + " SET name = ? WHERE id = ?";
        delete = "DELETE FROM " + t + " WHERE id = ?";
        selectForUpdate = "SELECT * FROM " + t + " WHERE id = ? FOR UPDATE";
        scan = "SELECT * FROM " + t + " WHERE id BETWEEN ? AND ? ORDER BY id";
    }

    @Override
    public String lastOperation() {
        return operation;
    }

    @Override
    public void next() throws SQLException, ResultMismatch {
        int dice = random.nextInt(100);
        if (dice < 20) {
            operation = "readWithStar";
            readWithStar();
        } else if (dice < 35) {
            operation = "readWithColumnList";
            readWithColumnList();
        } else if (dice < 50) {
            operation = "insertOne";
            insertOne();
        } else if (dice < 65) {
            operation = "renameOne";
            renameOne();
        } else if (dice < 72) {
            operation = "deleteOne";
            deleteOne();
        } else if (dice < 80) {
            operation = "insertBatch";
            insertBatch();
        } else if (dice < 90) {
            operation = "renameInTransaction";
            renameInTransaction();
        } else {
            operation = "scanWindow";
            scanWindow();
        }
    }

    private void readWithStar() throws SQLException, ResultMismatch {
        ExpectedRow row = rows.any();
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(selectStar)) {
            ps.setLong(1, row.id());
            try (ResultSet rs = ps.executeQuery()) {
                expectRow(rs, row, "SELECT *");
            }
        }
    }

    private void readWithColumnList() throws SQLException, ResultMismatch {
        ExpectedRow row = rows.any();
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(selectColumns)) {
            ps.setString(1, row.email());
            try (ResultSet rs = ps.executeQuery()) {
                expectRow(rs, row, "SELECT id, email, name");
            }
        }
    }

    private void insertOne() throws SQLException, ResultMismatch {
        if (rows.insertedCount() >= OWN_ROWS_KEPT) {
            deleteOne();
            return;
        }
        String email = rows.newEmail();
        String name = nextName();
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement(insert, new String[] {"id"})) {
            ps.setString(1, email);
            ps.setString(2, name);
            expectCount(ps.executeUpdate(), 1, "INSERT");
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new ResultMismatch("INSERT returned no generated id for " + email);
                }
                rows.acknowledge(new ExpectedRow(keys.getLong(1), email, name, null, false, false));
            }
        }
    }

    private void renameOne() throws SQLException, ResultMismatch {
        ExpectedRow row = rows.any();
        String name = nextName();
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(updateName)) {
            ps.setString(1, name);
            ps.setLong(2, row.id());
            expectCount(ps.executeUpdate(), 1, "UPDATE of id " + row.id());
        }
        rows.acknowledge(row.withName(name));
    }

    private void deleteOne() throws SQLException, ResultMismatch {
        ExpectedRow row = rows.inserted();
        if (row == null) {
            insertOne();
            return;
        }
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(delete)) {
            ps.setLong(1, row.id());
            expectCount(ps.executeUpdate(), 1, "DELETE of id " + row.id());
        }
        rows.acknowledge(row.asDeleted());
    }

    private void insertBatch() throws SQLException, ResultMismatch {
        List<ExpectedRow> batch = new ArrayList<>(BATCH);
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(insert)) {
            for (int i = 0; i < BATCH; i++) {
                ExpectedRow row = new ExpectedRow(0, rows.newEmail(), nextName(), null, false, false);
                ps.setString(1, row.email());
                ps.setString(2, row.name());
                ps.addBatch();
                batch.add(row);
            }
            int[] counts = ps.executeBatch();
            if (counts.length != BATCH) {
                throw new ResultMismatch("batch of " + BATCH + " INSERTs returned " + counts.length + " counts");
            }
            for (int count : counts) {
                if (count != 1 && count != Statement.SUCCESS_NO_INFO) {
                    throw new ResultMismatch("batch INSERT reported " + count + " rows for one row");
                }
            }
        }
        batch.forEach(rows::acknowledgeWithoutId);
    }

    private void renameInTransaction() throws SQLException, ResultMismatch {
        ExpectedRow row = rows.any();
        String name = nextName();
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement(selectForUpdate)) {
                    ps.setLong(1, row.id());
                    try (ResultSet rs = ps.executeQuery()) {
                        expectRow(rs, row, "SELECT * ... FOR UPDATE");
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(updateName)) {
                    ps.setString(1, name);
                    ps.setLong(2, row.id());
                    expectCount(ps.executeUpdate(), 1, "UPDATE in transaction of id " + row.id());
                }
                c.commit();
            } catch (SQLException | ResultMismatch | RuntimeException e) {
                rollbackQuietly(c, e);
                throw e;
            }
            c.setAutoCommit(true);
        }
        rows.acknowledge(row.withName(name));
    }

    private void scanWindow() throws SQLException, ResultMismatch {
        long first = rows.seededWindow(WINDOW);
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(scan)) {
            ps.setLong(1, first);
            ps.setLong(2, first + WINDOW - 1);
            try (ResultSet rs = ps.executeQuery()) {
                long expected = first;
                while (rs.next()) {
                    long id = rs.getLong("id");
                    if (id != expected || !UsersTable.seededEmail(id).equals(rs.getString("email"))) {
                        throw new ResultMismatch("scan from id " + first + " returned id " + id + " ("
                                + rs.getString("email") + ") where seeded id " + expected + " belongs");
                    }
                    expected++;
                }
                if (expected != first + WINDOW) {
                    throw new ResultMismatch("scan of ids " + first + ".." + (first + WINDOW - 1) + " returned "
                            + (expected - first) + " rows, expected " + WINDOW);
                }
            }
        }
    }

    /** Rolls back after a failure without hiding it: a pool may already have closed a broken connection. */
    private static void rollbackQuietly(Connection c, Exception failure) {
        try {
            c.rollback();
            c.setAutoCommit(true);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private String nextName() {
        return "v1 name " + (nameCounter++);
    }

    private static void expectRow(ResultSet rs, ExpectedRow row, String what) throws SQLException, ResultMismatch {
        if (!rs.next()) {
            throw new ResultMismatch(what + " found no row for " + row.email() + " (id " + row.id() + ")");
        }
        if (!row.email().equals(rs.getString("email")) || !Objects.equals(row.name(), rs.getString("name"))) {
            throw new ResultMismatch(what + " for id " + row.id() + " returned (" + rs.getString("email") + ", "
                    + rs.getString("name") + "), last written (" + row.email() + ", " + row.name() + ")");
        }
        if (rs.next()) {
            throw new ResultMismatch(what + " returned more than one row for " + row.email());
        }
    }

    static void expectCount(int actual, int expected, String what) throws ResultMismatch {
        if (actual != expected) {
            throw new ResultMismatch(what + " reported " + actual + " rows, expected " + expected);
        }
    }
}
