package io.colshift.bench;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The arguments of one operation, drawn like pgbench draws them; one instance per client thread,
 * refilled in place so that drawing allocates nothing.
 */
public final class Operands {

    private final int rows;
    private final String insertName;
    private final String insertEmail;
    private final String tag;

    long accountId;
    int tellerId;
    int branchId;
    long delta;

    /** @param tag marks the rows this thread inserts, so that a test can count them per client */
    public Operands(String tag, int rows) {
        this.rows = rows;
        this.tag = tag;
        this.insertName = "bench " + tag;
        this.insertEmail = tag + "@bench.example.com";
    }

    public Operands next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        accountId = 1 + random.nextInt(rows);
        tellerId = 1 + random.nextInt(BenchDatabase.TELLERS);
        branchId = 1 + random.nextInt(BenchDatabase.BRANCHES);
        delta = random.nextInt(-5000, 5001);
        return this;
    }

    public String tag() {
        return tag;
    }

    String insertName() {
        return insertName;
    }

    String insertEmail() {
        return insertEmail;
    }
}
