package io.colshift.demo;

import java.io.Writer;
import java.util.function.Consumer;

/**
 * Collects what a command prints while it runs, line by line, so a live view can show its latest
 * line (e.g. the backfill's progress) and a log can keep all of it. Thread-safe.
 */
final class CapturedOutput extends Writer {

    private final StringBuilder all = new StringBuilder();
    private final StringBuilder line = new StringBuilder();
    private final Consumer<String> onLine;
    private volatile String lastLine = "";

    CapturedOutput(Consumer<String> onLine) {
        this.onLine = onLine;
    }

    @Override
    public synchronized void write(char[] buffer, int offset, int length) {
        all.append(buffer, offset, length);
        for (int i = offset; i < offset + length; i++) {
            char c = buffer[i];
            if (c == '\n' || c == '\r') {
                endLine();
            } else {
                line.append(c);
            }
        }
    }

    private void endLine() {
        if (line.length() > 0) {
            String text = line.toString();
            line.setLength(0);
            lastLine = text;
            onLine.accept(text);
        }
    }

    /** The last complete, non-empty line. */
    String lastLine() {
        return lastLine;
    }

    synchronized String text() {
        return all.toString();
    }

    @Override
    public synchronized void flush() {
        // lines are handed on as they end; a partial line waits for its end
    }

    @Override
    public synchronized void close() {
        endLine();
    }
}
