package io.colshift.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Tells whether colshift really rewrites during {@link Stage#MIGRATING}: no row of {@code bench_users}
 * has a {@code status} yet, so raw pgjdbc reads NULL while a rewriting colshift driver reads the
 * fallback. A "rewriting" figure is only reported when this holds; otherwise it would be a
 * pass-through figure under a false name.
 */
public final class RewriteProbe {

    private static final String QUERY = "SELECT status FROM bench_users WHERE id = 1";

    private RewriteProbe() {
    }

    /** Polls through fresh colshift connections until the fallback is read or {@code patience} runs out. */
    public static boolean colshiftRewrites(BenchTarget target, Duration patience) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        do {
            if (BackfillingMigration.FALLBACK_VALUE.equals(read(target.colshiftUrl(), target))) {
                return true;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        return false;
    }

    /** What raw pgjdbc reads: NULL as long as nothing was backfilled. */
    public static String rawValue(BenchTarget target) throws SQLException {
        return read(target.rawUrl(), target);
    }

    private static String read(String url, BenchTarget target) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, target.user(), target.password());
             PreparedStatement ps = c.prepareStatement(QUERY);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
