package io.colshift.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Prints the backfill curve as a Markdown table: per setting, the median over repeats and the range. */
final class CurveReport {

    private CurveReport() {
    }

    static void print(List<CurvePoint> points, List<CurveRun> runs, int rows, int writers, MachineInfo machine) {
        System.out.printf(Locale.ROOT, "%n%,d rows, %d writers through colshift; median of the repeats [min–max];"
                        + " %s, %d cores (%s), %s, %s; load average at the end %s%n%n", rows, writers, machine.postgres(),
                machine.cores(), machine.cpuModel(), machine.memory(), machine.jdk(), machine.loadAverage());
        System.out.println("| backfill setting | rows/s | seconds | writer p50 / idle | writer p99 / idle"
                + " | writer p99 / idle, coordinated omission corrected | idle p99 (ms) | load average during |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---|");
        for (CurvePoint point : points) {
            List<CurveRun> of = runs.stream().filter(r -> r.point().equals(point)).toList();
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s |%n", point.label(),
                    summary(of, CurveRun::rowsPerSecond, "%,.0f"), summary(of, CurveRun::seconds, "%.1f"),
                    summary(of, CurveRun::p50Ratio, "%.2f ×"), summary(of, CurveRun::p99Ratio, "%.2f ×"),
                    summary(of, CurveRun::correctedP99Ratio, "%.2f ×"),
                    summary(of, r -> r.idle().percentileMs(99), "%.2f"),
                    String.join("; ", of.stream().map(CurveRun::loadAverage).map(l -> l.split(",")[0]).toList()));
        }
    }

    private static String summary(List<CurveRun> runs, ToDoubleFunction<CurveRun> figure, String format) {
        List<Double> values = new ArrayList<>(runs.stream().mapToDouble(figure).sorted().boxed().toList());
        if (values.isEmpty()) {
            return "—";
        }
        double median = values.size() % 2 == 1 ? values.get(values.size() / 2)
                : (values.get(values.size() / 2 - 1) + values.get(values.size() / 2)) / 2;
        String m = String.format(Locale.ROOT, format, median);
        return values.size() == 1 ? m : m + " [" + String.format(Locale.ROOT, format, values.get(0)) + "–"
                + String.format(Locale.ROOT, format, values.get(values.size() - 1)) + "]";
    }
}
