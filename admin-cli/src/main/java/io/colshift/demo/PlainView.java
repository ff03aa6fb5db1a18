package io.colshift.demo;

import io.colshift.demo.workload.LiveSample;

import java.io.PrintStream;
import java.util.Locale;

/** Plain progress lines, for logs, pipes and {@code --no-color}: every line is final, nothing is redrawn. */
final class PlainView implements DemoView {

    private final PrintStream out;
    private final long started = System.nanoTime();

    PlainView(PrintStream out) {
        this.out = out;
    }

    @Override
    public long refreshMillis() {
        return 2_000;
    }

    @Override
    public synchronized void message(String text) {
        out.println(stamp() + text);
        out.flush();
    }

    @Override
    public synchronized void commandStarted(int step, int steps, String commandLine) {
        out.println(stamp() + "step " + step + "/" + steps + ": $ " + commandLine);
        out.flush();
    }

    @Override
    public synchronized void commandLine(String line) {
        out.println(stamp() + "  | " + line);
        out.flush();
    }

    @Override
    public synchronized void tick(LiveSample traffic, MigrationProbe.MigrationState migration) {
        StringBuilder line = new StringBuilder(stamp()).append(migration == MigrationProbe.MigrationState.NONE
                ? "no migration yet" : migration.phase() + (migration.writes() ? " (writes on)" : " (writes off)"));
        for (LiveSample.App app : traffic.apps()) {
            line.append(" | ").append(app.name()).append(' ').append(Format.rate(app.opsPerSecond())).append(" ops/s p99 ")
                    .append(Format.millis(app.p99Millis())).append(" ms errors ").append(app.totalErrors() + app.totalMismatches());
        }
        if (migration.fraction() >= 0) {
            line.append(String.format(Locale.ROOT, " | backfill %.0f%% (%s)", migration.fraction() * 100,
                    migration.rowsText()));
        }
        out.println(line);
        out.flush();
    }

    @Override
    public void close() {
        out.flush();
    }

    private String stamp() {
        return String.format(Locale.ROOT, "[%6.1fs] ", (System.nanoTime() - started) / 1e9);
    }
}
