package io.colshift.bench;

import java.util.Locale;

/** One backfill of the curve: how fast it filled, and the writers' latency idle (just before) and during it. */
record CurveRun(CurvePoint point, int rows, long nanos, WriterLatency idle, WriterLatency during, String loadAverage,
                int slowdowns) {

    double rowsPerSecond() {
        return rows / seconds();
    }

    double seconds() {
        return nanos / 1e9;
    }

    double p50Ratio() {
        return during.percentileMs(50) / idle.percentileMs(50);
    }

    double p99Ratio() {
        return during.percentileMs(99) / idle.percentileMs(99);
    }

    double correctedP99Ratio() {
        return during.correctedP99Ms() / idle.correctedP99Ms();
    }

    /** How many of the backfill's progress lines say it slowed down for the application's latency. */
    static int slowdowns(String output) {
        String said = "slowing: app p99";
        int n = 0;
        for (int i = output.indexOf(said); i >= 0; i = output.indexOf(said, i + 1)) {
            n++;
        }
        return n;
    }

    String line(int repeat) {
        return String.format(Locale.ROOT, "#%d %-36s %9.0f rows/s %6.1f s | idle p50 %.3f p99 %.3f ms | during p50"
                        + " %.3f p99 %.3f co-p99 %.3f max %.1f ms | p99 %.2f x, co %.2f x | slowed %d | load %s",
                repeat, point.label(), rowsPerSecond(), seconds(), idle.percentileMs(50), idle.percentileMs(99),
                during.percentileMs(50), during.percentileMs(99), during.correctedP99Ms(), during.maxMs(), p99Ratio(),
                correctedP99Ratio(), slowdowns, loadAverage);
    }
}
