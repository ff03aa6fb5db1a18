package io.colshift.demo;

import io.colshift.demo.workload.PhaseSummary;

import java.io.PrintStream;
import java.util.List;

/** The table the demo ends with: per phase, how long it took and what each application saw. */
final class SummaryTable {

    private SummaryTable() {
    }

    static void print(PrintStream out, List<PhaseSummary> phases) {
        String header = String.format("  %-13s %7s  %9s %8s  %9s %8s  %7s  %9s",
                "phase", "time", "v1 ops/s", "v1 p99", "v2 ops/s", "v2 p99", "errors", "held back");
        out.println(header);
        out.println("  " + "-".repeat(header.length() - 2));
        for (PhaseSummary phase : phases) {
            PhaseSummary.App v1 = phase.app("v1");
            PhaseSummary.App v2 = phase.app("v2");
            long errors = v1.errors() + v1.mismatches() + v2.errors() + v2.mismatches();
            out.println(String.format("  %-13s %7s  %9s %8s  %9s %8s  %7d  %9s", phase.label(),
                    Format.seconds(phase.duration()),
                    ops(v1), p99(v1), ops(v2), p99(v2), errors,
                    v2.ops() == 0 && v2.gatedWrites() == 0 ? "-" : Long.toString(v2.gatedWrites())));
        }
        out.println("  held back: v2's writes of the new column that colshift kept from the database");
        out.println("             because the phase did not allow them yet (v2 read them back as the spec's value)");
    }

    private static String ops(PhaseSummary.App app) {
        return app.ops() == 0 && app.errors() == 0 ? "-" : Format.rate(app.opsPerSecond());
    }

    private static String p99(PhaseSummary.App app) {
        return app.ops() == 0 ? "-" : Format.millis(app.p99Millis()) + " ms";
    }
}
