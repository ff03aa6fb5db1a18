package io.colshift.phase;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressPrinterTest {

    @Test
    void lineShowsRowsEstimateRateEtaBatchAndThrottleReason() {
        ProgressPrinter printer = new ProgressPrinter(new PrintWriter(new StringWriter()), false, "backfill users", 0,
                200_000);
        String line = printer.line(50_000, 2_000, "replica replay lag 1200 ms > --max-lag-ms 1000; waiting",
                System.nanoTime() + 10_000_000_000L);
        assertThat(line).startsWith("backfill users: 50 000 / ~200 000 rows (25%) [#####...............]")
                .containsPattern("\\| [0-9 ]+ rows/s \\| ETA ")
                .contains("| batch 2 000")
                .endsWith("| throttled: replica replay lag 1200 ms > --max-lag-ms 1000; waiting");
    }

    @Test
    void plainOutputPrintsWholeLinesAndTerminalOutputRedrawsOneLine() {
        StringWriter plain = new StringWriter();
        ProgressPrinter p = new ProgressPrinter(new PrintWriter(plain), false, "b", 0, 100);
        p.update(10, 5, null, true);
        p.update(20, 5, null, true);
        assertThat(plain.toString()).doesNotContain("\r").hasLineCount(2);

        StringWriter tty = new StringWriter();
        ProgressPrinter t = new ProgressPrinter(new PrintWriter(tty), true, "b", 0, 100);
        t.update(10, 5, null, true);
        t.update(20, 5, null, true);
        t.finish();
        assertThat(tty.toString()).startsWith("\r").contains("\rb: 20 / ~100").endsWith(System.lineSeparator());
    }

    @Test
    void aChangedThrottleReasonIsPrintedAtOnceEvenInPlainMode() {
        StringWriter plain = new StringWriter();
        ProgressPrinter p = new ProgressPrinter(new PrintWriter(plain), false, "b", 0, 100);
        p.update(10, 5, null, true);
        p.update(11, 5, null, false);
        p.update(12, 5, "paused", false);
        assertThat(plain.toString()).hasLineCount(2).contains("throttled: paused");
    }

    @Test
    void unknownEstimateShowsRowsWithoutPercentage() {
        ProgressPrinter printer = new ProgressPrinter(new PrintWriter(new StringWriter()), false, "b", 0, -1);
        assertThat(printer.line(1_234, 100, "", System.nanoTime())).startsWith("b: 1 234 rows |").doesNotContain("%");
    }
}
