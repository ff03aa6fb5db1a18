package io.colshift.bench;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One benchmark operation, as an application does it: borrow a pooled connection, prepare, execute,
 * close. Each checks what the database answered and throws when it is wrong, so that no client can
 * look fast by doing nothing. The same code runs under JMH, the latency driver and the smoke test.
 */
public enum Workload {

    POINT_SELECT("point select by primary key") {
        @Override
        public long run(DataSource ds, Statements sql, Operands op) throws SQLException {
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql.pointSelect())) {
                ps.setLong(1, op.accountId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getLong(1) != op.accountId) {
                        throw new IllegalStateException("point select of id " + op.accountId + " found no such row");
                    }
                    return rs.getLong(4);
                }
            }
        }
    },

    INSERT("single-row insert") {
        @Override
        public long run(DataSource ds, Statements sql, Operands op) throws SQLException {
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql.insert())) {
                ps.setString(1, op.insertName());
                ps.setString(2, op.insertEmail());
                if (sql.insertWritesStatus()) {
                    ps.setString(3, "new");
                }
                return expectOneRow(ps.executeUpdate(), "insert");
            }
        }
    },

    UPDATE("single-row update") {
        @Override
        public long run(DataSource ds, Statements sql, Operands op) throws SQLException {
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql.update())) {
                ps.setLong(1, op.delta);
                ps.setLong(2, op.accountId);
                return expectOneRow(ps.executeUpdate(), "update");
            }
        }
    },

    /** pgbench's built-in TPC-B-like script, statement for statement, in one transaction. */
    TPCB("TPC-B-like transaction") {
        @Override
        public long run(DataSource ds, Statements sql, Operands op) throws SQLException {
            try (Connection c = ds.getConnection()) {
                c.setAutoCommit(false);
                try {
                    long balance = transaction(c, sql, op);
                    c.commit();
                    return balance;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            }
        }

        private long transaction(Connection c, Statements sql, Operands op) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(sql.accountUpdate())) {
                ps.setLong(1, op.delta);
                ps.setLong(2, op.accountId);
                expectOneRow(ps.executeUpdate(), "account update");
            }
            long balance;
            try (PreparedStatement ps = c.prepareStatement(sql.accountSelect())) {
                ps.setLong(1, op.accountId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("account " + op.accountId + " vanished inside its transaction");
                    }
                    balance = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(sql.tellerUpdate())) {
                ps.setLong(1, op.delta);
                ps.setInt(2, op.tellerId);
                expectOneRow(ps.executeUpdate(), "teller update");
            }
            try (PreparedStatement ps = c.prepareStatement(sql.branchUpdate())) {
                ps.setLong(1, op.delta);
                ps.setInt(2, op.branchId);
                expectOneRow(ps.executeUpdate(), "branch update");
            }
            try (PreparedStatement ps = c.prepareStatement(sql.historyInsert())) {
                ps.setInt(1, op.tellerId);
                ps.setInt(2, op.branchId);
                ps.setLong(3, op.accountId);
                ps.setLong(4, op.delta);
                ps.setString(5, op.tag());
                expectOneRow(ps.executeUpdate(), "history insert");
            }
            return balance;
        }
    };

    private final String description;

    Workload(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /**
     * Runs one operation with the arguments in {@code op}.
     *
     * @throws IllegalStateException when the database's answer is not what the operation must produce
     */
    public abstract long run(DataSource ds, Statements sql, Operands op) throws SQLException;

    private static long expectOneRow(int count, String what) {
        if (count != 1) {
            throw new IllegalStateException(what + " changed " + count + " rows instead of 1");
        }
        return count;
    }
}
