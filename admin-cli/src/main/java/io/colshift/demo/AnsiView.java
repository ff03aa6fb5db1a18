package io.colshift.demo;

import io.colshift.demo.workload.LiveSample;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A live panel at the bottom of a terminal, redrawn in place, with narration scrolling above it.
 * Uses only the ANSI cursor-up and erase-line sequences every terminal emulator understands.
 */
final class AnsiView implements DemoView {

    private static final String RESET = "\u001b[0m";
    private static final String BOLD = "\u001b[1m";
    private static final String DIM = "\u001b[2m";
    private static final String GREEN = "\u001b[32m";
    private static final String RED = "\u001b[31m";
    private static final String CYAN = "\u001b[36m";
    private static final int WIDTH = 96;

    private final PrintStream out;
    private final long started = System.nanoTime();
    private List<String> panel = List.of();
    private String command = "";
    private String commandOutput = "";

    AnsiView(PrintStream out) {
        this.out = out;
    }

    @Override
    public long refreshMillis() {
        return 200;
    }

    @Override
    public synchronized void message(String text) {
        printAbovePanel(text);
    }

    @Override
    public synchronized void commandStarted(int step, int steps, String commandLine) {
        command = "step " + step + "/" + steps + "  " + commandLine;
        commandOutput = "";
        printAbovePanel(CYAN + "$ " + commandLine + RESET);
    }

    @Override
    public synchronized void commandLine(String line) {
        commandOutput = line;
    }

    @Override
    public synchronized void tick(LiveSample traffic, MigrationProbe.MigrationState migration) {
        List<String> lines = new ArrayList<>();
        long elapsed = (System.nanoTime() - started) / 1_000_000_000L;
        lines.add(BOLD + "  phase     " + RESET + BOLD + pad(migration == MigrationProbe.MigrationState.NONE ? "none yet" : migration.phase(), 12) + RESET
                + "  writes " + (migration.writes() ? GREEN + "on " + RESET : DIM + "off" + RESET)
                + DIM + "   story: " + traffic.phase() + "   elapsed " + elapsed / 60 + ":"
                + String.format("%02d", elapsed % 60) + RESET);
        double fraction = migration.fraction();
        lines.add("  backfill  " + (fraction < 0 ? DIM + "not started" + RESET
                : Format.bar(fraction, 30) + String.format(" %3.0f%%  ", fraction * 100)
                + migration.rowsText()));
        lines.add(DIM + "  app                ops/s    p99 ms    errors" + RESET);
        for (LiveSample.App app : traffic.apps()) {
            long problems = app.totalErrors() + app.totalMismatches();
            lines.add("  " + pad(app.name() + ("v1".equals(app.name()) ? " (old app)" : " (new app)"), 16)
                    + leftPad(Format.rate(app.opsPerSecond()), 9) + leftPad(Format.millis(app.p99Millis()), 10)
                    + (problems == 0 ? GREEN : RED) + leftPad(Long.toString(problems), 10) + RESET);
        }
        lines.add(DIM + "  " + Format.truncate(command.isEmpty() ? "" : command + (commandOutput.isEmpty() ? ""
                : "  | " + commandOutput), WIDTH) + RESET);
        redraw(lines);
    }

    @Override
    public synchronized void close() {
        panel = List.of();
        out.flush();
    }

    private void printAbovePanel(String text) {
        List<String> current = panel;
        erasePanel();
        out.println(text);
        drawPanel(current);
    }

    private void redraw(List<String> lines) {
        erasePanel();
        drawPanel(lines);
    }

    private void erasePanel() {
        if (!panel.isEmpty()) {
            out.print("\u001b[" + panel.size() + "A");
            for (int i = 0; i < panel.size(); i++) {
                out.print("\r\u001b[2K\n");
            }
            out.print("\u001b[" + panel.size() + "A");
        }
    }

    private void drawPanel(List<String> lines) {
        for (String line : lines) {
            out.print("\r\u001b[2K" + line + "\n");
        }
        out.flush();
        panel = List.copyOf(lines);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String leftPad(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }
}
