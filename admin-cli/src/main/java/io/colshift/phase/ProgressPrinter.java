package io.colshift.phase;

import io.colshift.state.SafeText;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * The backfill progress line: rows done / estimated, rows/s, ETA, batch size, and why it is throttled.
 * On a terminal it redraws one line in place a few times a second; otherwise (logs, CI) it prints a plain line
 * every few seconds and whenever the throttle reason changes.
 */
public final class ProgressPrinter {

    private static final long TTY_INTERVAL_NANOS = 200_000_000L;
    private static final long PLAIN_INTERVAL_NANOS = 5_000_000_000L;

    private final PrintWriter out;
    private final boolean tty;
    private final String label;
    private final long startNanos = System.nanoTime();
    private final long doneAtStart;
    private long estimate;
    private long lastPrintNanos;
    private String lastReason = "";
    private int lastWidth;

    public ProgressPrinter(PrintWriter out, boolean tty, String label, long doneAtStart, long estimate) {
        this.out = out;
        this.tty = tty;
        this.label = label;
        this.doneAtStart = doneAtStart;
        this.estimate = estimate;
    }

    /**
     * @param reason why the backfill is slowed down or waiting, or null
     */
    public void update(long done, int batchSize, String reason, boolean force) {
        long now = System.nanoTime();
        String r = reason == null ? "" : reason;
        boolean reasonChanged = !r.equals(lastReason);
        long interval = tty ? TTY_INTERVAL_NANOS : PLAIN_INTERVAL_NANOS;
        if (!force && !reasonChanged && now - lastPrintNanos < interval) {
            return;
        }
        lastPrintNanos = now;
        lastReason = r;
        String line = SafeText.of(line(done, batchSize, r, now));
        if (tty) {
            String padded = line.length() < lastWidth ? line + " ".repeat(lastWidth - line.length()) : line;
            lastWidth = line.length();
            out.print("\r" + padded);
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Ends the redrawn line so that later output starts on a fresh one. */
    public void finish() {
        if (tty && lastWidth > 0) {
            out.println();
            out.flush();
            lastWidth = 0;
        }
    }

    String line(long done, int batchSize, String reason, long now) {
        double seconds = Math.max(1e-3, (now - startNanos) / 1e9);
        double rate = (done - doneAtStart) / seconds;
        if (estimate > 0 && done > estimate) {
            estimate = done;
        }
        StringBuilder sb = new StringBuilder(label).append(": ").append(group(done));
        if (estimate > 0) {
            sb.append(" / ~").append(group(estimate)).append(" rows (")
                    .append(Math.min(100, done * 100 / estimate)).append("%)");
            sb.append(" ").append(bar(done, estimate));
        } else {
            sb.append(" rows");
        }
        sb.append(" | ").append(group((long) rate)).append(" rows/s");
        if (estimate > 0 && rate > 0) {
            long remaining = Math.max(0, estimate - done);
            sb.append(" | ETA ").append(Durations.human(Duration.ofMillis((long) (remaining / rate * 1000))));
        }
        sb.append(" | batch ").append(group(batchSize));
        if (!reason.isEmpty()) {
            sb.append(" | throttled: ").append(reason);
        }
        return sb.toString();
    }

    private static String bar(long done, long estimate) {
        int width = 20;
        int filled = (int) Math.min(width, done * width / estimate);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "]";
    }

    static String group(long n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
    }
}
