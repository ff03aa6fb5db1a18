package io.colshift.it;

import java.util.Random;

/**
 * Seeded rows of the {@code users} table that no application writes: they follow the rows the writers own
 * ({@code 1..}{@link #WRITERS_ROWS}), so a reader on a lagging server knows the one right answer for each.
 * The backfill and contract fill their {@code status} like any other row's.
 */
final class ReservedRows {

    /** Seeded rows the writing applications own and change. */
    static final long WRITERS_ROWS = 10_000;
    /** Rows after them that only readers read. */
    static final long COUNT = 2_000;
    static final long FIRST = WRITERS_ROWS + 1;
    static final long LAST = WRITERS_ROWS + COUNT;
    /** Everything the table is seeded with. */
    static final long SEEDED = LAST;

    private ReservedRows() {
    }

    static long any(Random random) {
        return FIRST + (long) (random.nextDouble() * COUNT);
    }

    /** The first id of {@code width} consecutive reserved ids. */
    static long window(Random random, int width) {
        return FIRST + (long) (random.nextDouble() * (COUNT - width + 1));
    }
}
