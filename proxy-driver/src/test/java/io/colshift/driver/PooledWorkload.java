package io.colshift.driver;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An application's statements on {@code accounts}, run by several client connections at once until stopped:
 * prepared statements executed far more often than any {@code prepareThreshold}, batches, transactions,
 * inserts and deletes, each checked against what it must return. Every client works on rows of its own, so
 * every update count is known in advance; a count that differs is a wrong result, not a race.
 *
 * <p>The statements are the old application's (they never name {@code status}); {@link #newVersionStatements}
 * adds the new version's, which write and read {@code status} and need the colshift driver.
 */
final class PooledWorkload implements AutoCloseable {

    static final int ROWS_PER_CLIENT = 5;
    private static final int MISSING = 1_000_000;
    private static final long STOP_SECONDS = 10;

    /** Failures (by SQLState) and wrong results seen by all clients together. */
    record Outcome(Map<String, Integer> failures, int wrongResults, long operations, List<String> examples) {
        int failureCount() {
            return failures.values().stream().mapToInt(Integer::intValue).sum();
        }

        @Override
        public String toString() {
            return operations + " operations, failures " + failures + ", wrong results " + wrongResults
                    + (examples.isEmpty() ? "" : ", e.g. " + examples);
        }
    }

    private final String url;
    private final Properties properties;
    private final int clients;
    private final List<Thread> threads = new ArrayList<>();
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private final AtomicInteger wrongResults = new AtomicInteger();
    private final AtomicLong operations = new AtomicLong();
    private final List<String> examples = new CopyOnWriteArrayList<>();
    private volatile boolean stopping;
    private volatile boolean newVersion;

    PooledWorkload(String url, Properties properties, int clients) {
        this.url = url;
        this.properties = properties;
        this.clients = clients;
    }

    /** Creates {@code accounts} with every client's rows (directly on the server). */
    static void createTable(Connection direct, int clients) throws SQLException {
        try (Statement st = direct.createStatement()) {
            st.execute("DROP TABLE IF EXISTS accounts");
            st.execute("CREATE TABLE accounts (id int PRIMARY KEY, balance int NOT NULL, note text)");
            st.execute("INSERT INTO accounts SELECT c * 100 + r, 0, 'n' FROM generate_series(0, " + (clients - 1)
                    + ") c, generate_series(1, " + ROWS_PER_CLIENT + ") r");
        }
    }

    /** Opens every client's connection and starts them. */
    void start() throws SQLException {
        for (int client = 0; client < clients; client++) {
            Connection c = DriverManager.getConnection(url, properties);
            connections.add(c);
            int base = client * 100;
            Thread thread = new Thread(() -> run(c, base), "pooled-client-" + client);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
    }

    /** From now on every round also runs the new version's statements on {@code status}. */
    void newVersionStatements() {
        newVersion = true;
    }

    /** Stops the clients, closes their connections and returns what they saw. */
    Outcome stop() throws InterruptedException {
        stopping = true;
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(STOP_SECONDS);
        for (int i = 0; i < threads.size(); i++) {
            Thread thread = threads.get(i);
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            if (thread.isAlive()) {
                // an operation that never returns (a client whose protocol state a pooler confused) is a failure too
                failures.computeIfAbsent("hung", k -> new AtomicInteger()).incrementAndGet();
                abort(connections.get(i));
                thread.join(5_000);
            }
        }
        close();
        Map<String, Integer> byState = new TreeMap<>();
        failures.forEach((state, n) -> byState.put(state, n.get()));
        return new Outcome(byState, wrongResults.get(), operations.get(), List.copyOf(examples));
    }

    private static void abort(Connection c) {
        try {
            c.abort(Runnable::run);
        } catch (SQLException ignored) {
            // the connection is gone either way
        }
    }

    @Override
    public void close() {
        stopping = true;
        for (Connection c : connections) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing is all that is left to do
            }
        }
    }

    private interface Operation {
        void run(Connection c, int base) throws SQLException;
    }

    private void run(Connection c, int base) {
        List<Operation> round = List.of(
                PooledWorkload::updateOne, PooledWorkload::updateNone, PooledWorkload::selectStar,
                PooledWorkload::batch, PooledWorkload::transaction, PooledWorkload::insertAndDelete);
        while (!stopping) {
            for (Operation operation : round) {
                attempt(c, base, operation);
            }
            if (newVersion) {
                attempt(c, base, PooledWorkload::writeStatus);
                attempt(c, base, PooledWorkload::readStatus);
            }
        }
    }

    private void attempt(Connection c, int base, Operation operation) {
        if (stopping) {
            return;
        }
        operations.incrementAndGet();
        try {
            operation.run(c, base);
        } catch (WrongResult e) {
            if (wrongResults.incrementAndGet() <= 3) {
                examples.add(e.getMessage());
            }
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "none" : e.getSQLState();
            failures.computeIfAbsent(state, k -> new AtomicInteger()).incrementAndGet();
            example(state + " " + e.getMessage());
            try {
                if (!c.getAutoCommit()) {
                    c.rollback();
                    c.setAutoCommit(true);
                }
            } catch (SQLException ignored) {
                // the next operation reports what is still wrong
            }
        }
    }

    private void example(String text) {
        if (examples.size() < 3) {
            examples.add(text.length() > 160 ? text.substring(0, 160) : text);
        }
    }

    /** A result other than the one the statement must return. */
    private static final class WrongResult extends SQLException {
        WrongResult(String what, Object expected, Object actual) {
            super(what + ": expected " + expected + ", got " + actual);
        }
    }

    private static void expect(String what, Object expected, Object actual) throws WrongResult {
        if (!expected.equals(actual)) {
            throw new WrongResult(what, expected, actual);
        }
    }

    private static void updateOne(Connection c, int base) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE accounts SET balance = balance + 1 WHERE id = ?")) {
            ps.setInt(1, base + 1);
            expect("update of one row", 1, ps.executeUpdate());
        }
    }

    private static void updateNone(Connection c, int base) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE accounts SET note = ? WHERE id = ?")) {
            ps.setString(1, "none");
            ps.setInt(2, base + MISSING);
            expect("update of no row", 0, ps.executeUpdate());
        }
    }

    private static void selectStar(Connection c, int base) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM accounts WHERE id = ?")) {
            ps.setInt(1, base + 2);
            try (ResultSet rs = ps.executeQuery()) {
                expect("row read by id", true, rs.next());
                expect("id of the row read", base + 2, rs.getInt("id"));
            }
        }
    }

    private static void batch(Connection c, int base) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE accounts SET balance = balance - 1 WHERE id = ?")) {
            for (int id : new int[] {base + 1, base + 2, base + MISSING, base + 3}) {
                ps.setInt(1, id);
                ps.addBatch();
            }
            try {
                expect("batch update counts", "[1, 1, 0, 1]", Arrays.toString(ps.executeBatch()));
            } catch (BatchUpdateException e) {
                throw e.getNextException() != null ? e.getNextException() : e;
            }
        }
    }

    private static void transaction(Connection c, int base) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement read = c.prepareStatement("SELECT * FROM accounts WHERE id = ?");
             PreparedStatement write = c.prepareStatement("UPDATE accounts SET note = ? WHERE id BETWEEN ? AND ?")) {
            read.setInt(1, base + 3);
            try (ResultSet rs = read.executeQuery()) {
                expect("row read in a transaction", true, rs.next());
            }
            write.setString(1, "t");
            write.setInt(2, base + 1);
            write.setInt(3, base + ROWS_PER_CLIENT);
            expect("update of a client's rows in a transaction", ROWS_PER_CLIENT, write.executeUpdate());
            c.commit();
        } finally {
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    private static void insertAndDelete(Connection c, int base) throws SQLException {
        int id = base + 50;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO accounts (id, balance, note) VALUES (?, 0, ?)");
             PreparedStatement delete = c.prepareStatement("DELETE FROM accounts WHERE id = ?")) {
            insert.setInt(1, id);
            insert.setString(2, "i");
            expect("insert", 1, insert.executeUpdate());
            delete.setInt(1, id);
            expect("delete", 1, delete.executeUpdate());
        }
    }

    /** The new version's write of {@code status}: counted instead of written while colshift holds it back. */
    private static void writeStatus(Connection c, int base) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE accounts SET status = ? WHERE id = ?")) {
            ps.setString(1, "busy");
            ps.setInt(2, base + 4);
            expect("update of status", 1, ps.executeUpdate());
            ps.setInt(2, base + MISSING);
            expect("update of status of no row", 0, ps.executeUpdate());
        }
    }

    private static void readStatus(Connection c, int base) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, status FROM accounts WHERE id = ?")) {
            ps.setInt(1, base + 4);
            try (ResultSet rs = ps.executeQuery()) {
                expect("row read with status", true, rs.next());
                expect("id of the row read with status", base + 4, rs.getInt(1));
            }
        }
    }
}
