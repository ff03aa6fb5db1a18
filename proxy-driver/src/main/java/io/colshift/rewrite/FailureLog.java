package io.colshift.rewrite;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Logs each statement that had to pass unchanged once, with a global rate limit, in bounded memory.
 * String literals are masked in the logged text: SQL sent to a table can carry values nobody should
 * find in a log file.
 */
final class FailureLog {

    private static final Logger LOG = LoggerFactory.getLogger(RewriteEngine.class);
    private static final int MAX_REMEMBERED = 4096;
    private static final int MAX_PER_MINUTE = 20;
    private static final int MAX_LOGGED_CHARS = 300;

    /** Fingerprints, not texts: a statement can be megabytes long. A collision only skips one log line. */
    private final Cache<Long, Boolean> seen = Caffeine.newBuilder().maximumSize(MAX_REMEMBERED).build();
    private final AtomicLong windowStart = new AtomicLong();
    private final AtomicLong inWindow = new AtomicLong();

    void failedOpen(String reason, String sql, String detail) {
        if (!LOG.isWarnEnabled() || seen.asMap().putIfAbsent(fingerprint(sql), Boolean.TRUE) != null || !withinRate()) {
            return;
        }
        LOG.warn("colshift passed a statement unchanged ({}): {} [{}]", reason, mask(sql), detail);
    }

    private static long fingerprint(String sql) {
        long h = 1125899906842597L;
        for (int i = 0; i < sql.length(); i++) {
            h = 31 * h + sql.charAt(i);
        }
        return h ^ ((long) sql.length() << 48);
    }

    private boolean withinRate() {
        long now = System.nanoTime() / 60_000_000_000L;
        long start = windowStart.get();
        if (start != now && windowStart.compareAndSet(start, now)) {
            inWindow.set(0);
        }
        return inWindow.incrementAndGet() <= MAX_PER_MINUTE;
    }

    static String mask(String sql) {
        StringBuilder sb = new StringBuilder(Math.min(sql.length(), MAX_LOGGED_CHARS) + 8);
        boolean inString = false;
        for (int i = 0; i < sql.length() && sb.length() < MAX_LOGGED_CHARS; i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                if (inString && i + 1 < sql.length() && sql.charAt(i + 1) == '\'') {
                    i++;
                    continue;
                }
                inString = !inString;
                sb.append(inString ? "'…" : "'");
            } else if (!inString) {
                sb.append(c);
            }
        }
        if (sb.length() >= MAX_LOGGED_CHARS) {
            sb.append(" …");
        }
        return sb.toString();
    }
}
