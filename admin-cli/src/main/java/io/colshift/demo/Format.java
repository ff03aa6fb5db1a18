package io.colshift.demo;

import java.time.Duration;
import java.util.Locale;

/** Number formats shared by the views and the summary. */
final class Format {

    private Format() {
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%.0f", perSecond);
    }

    static String millis(double millis) {
        return millis < 10 ? String.format(Locale.ROOT, "%.1f", millis) : String.format(Locale.ROOT, "%.0f", millis);
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }

    static String bar(double fraction, int width) {
        int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * width);
        return "[" + "=".repeat(filled) + (filled < width ? ">" + " ".repeat(width - filled - 1) : "") + "]";
    }

    static String truncate(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 3) + "...";
    }
}
