package io.colshift.demo.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The rows one client thread may change: those it inserted, and its own slice of the seeded rows.
 * Because no other client writes them, every read of them has exactly one right answer.
 */
final class OwnedRows {

    private final Ledger ledger;
    private final long seededRows;
    private final int slice;
    private final int slices;
    private final String emailPrefix;
    private final Random random;
    private final List<String> inserted = new ArrayList<>();
    private long nextEmail;

    /**
     * @param slice  this client's index among all clients of all applications
     * @param slices how many clients there are in all
     */
    OwnedRows(Ledger ledger, long seededRows, int slice, int slices, String emailPrefix, Random random) {
        if (seededRows < slices) {
            throw new IllegalArgumentException("need at least one seeded row per client: " + seededRows + " < " + slices);
        }
        this.ledger = ledger;
        this.seededRows = seededRows;
        this.slice = slice;
        this.slices = slices;
        this.emailPrefix = emailPrefix;
        this.random = random;
    }

    /** A unique email no other client will use. */
    String newEmail() {
        return emailPrefix + "-" + slice + "-" + (nextEmail++) + "@demo.test";
    }

    /** One of this client's seeded rows, as last acknowledged. */
    ExpectedRow seeded() {
        long count = (seededRows - 1 - slice) / slices + 1;
        long id = 1 + slice + (long) slices * (long) (random.nextDouble() * count);
        ExpectedRow known = ledger.get(UsersTable.seededEmail(id));
        return known != null ? known : ExpectedRow.seeded(id);
    }

    /** A row this client inserted and has not deleted, or null when there is none. */
    ExpectedRow inserted() {
        if (inserted.isEmpty()) {
            return null;
        }
        return ledger.get(inserted.get(random.nextInt(inserted.size())));
    }

    /** A row this client inserted or one of its seeded rows, about evenly. */
    ExpectedRow any() {
        ExpectedRow own = random.nextBoolean() ? inserted() : null;
        return own != null ? own : seeded();
    }

    /** {@code n} distinct rows this client owns (fewer when it owns fewer). */
    List<ExpectedRow> several(int n) {
        List<ExpectedRow> rows = new ArrayList<>(n);
        for (int attempt = 0; attempt < n * 3 && rows.size() < n; attempt++) {
            ExpectedRow row = any();
            if (rows.stream().noneMatch(r -> r.email().equals(row.email()))) {
                rows.add(row);
            }
        }
        return rows;
    }

    /** The first seeded id of a window of {@code width} consecutive seeded rows (all of which always exist). */
    long seededWindow(int width) {
        return 1 + (long) (random.nextDouble() * Math.max(1, seededRows - width));
    }

    int insertedCount() {
        return inserted.size();
    }

    void acknowledge(ExpectedRow row) {
        ledger.acknowledge(row);
        if (row.deleted()) {
            inserted.remove(row.email());
        } else if (row.id() > 0 && !row.email().endsWith("@example.com") && !inserted.contains(row.email())) {
            inserted.add(row.email());
        }
    }

    /** Records a row whose id the writer did not ask for: checked at the end, never picked for changes. */
    void acknowledgeWithoutId(ExpectedRow row) {
        ledger.acknowledge(row);
    }
}
