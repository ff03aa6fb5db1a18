package io.colshift.bench;

/**
 * The SQL one version of the benchmarked application sends. The old version predates the
 * {@code status} column; the new version reads and writes it, so that during a migration its reads
 * are the ones colshift rewrites.
 */
public record Statements(String pointSelect, String insert, boolean insertWritesStatus, String update,
                         String accountUpdate, String accountSelect, String tellerUpdate, String branchUpdate,
                         String historyInsert) {

    private static final String UPDATE = "UPDATE bench_users SET balance = balance + ? WHERE id = ?";
    private static final String TELLER_UPDATE = "UPDATE bench_tellers SET balance = balance + ? WHERE id = ?";
    private static final String BRANCH_UPDATE = "UPDATE bench_branches SET balance = balance + ? WHERE id = ?";
    private static final String HISTORY_INSERT = "INSERT INTO bench_history (teller_id, branch_id, account_id, delta, "
            + "mtime, filler) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP, ?)";

    public static final Statements OLD_APPLICATION = new Statements(
            "SELECT id, name, email, balance FROM bench_users WHERE id = ?",
            "INSERT INTO bench_users (name, email) VALUES (?, ?)", false,
            UPDATE,
            UPDATE, "SELECT balance FROM bench_users WHERE id = ?", TELLER_UPDATE, BRANCH_UPDATE, HISTORY_INSERT);

    public static final Statements NEW_APPLICATION = new Statements(
            "SELECT id, name, email, balance, status FROM bench_users WHERE id = ?",
            "INSERT INTO bench_users (name, email, status) VALUES (?, ?, ?)", true,
            UPDATE,
            UPDATE, "SELECT balance, status FROM bench_users WHERE id = ?", TELLER_UPDATE, BRANCH_UPDATE, HISTORY_INSERT);
}
