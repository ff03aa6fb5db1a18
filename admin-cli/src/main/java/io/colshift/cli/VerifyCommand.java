package io.colshift.cli;

import io.colshift.phase.MigrationRecord;
import io.colshift.phase.MigrationStore;
import io.colshift.phase.PhaseException;
import io.colshift.state.SafeText;
import io.colshift.phase.SampleResult;
import io.colshift.phase.Verifier;
import io.colshift.phase.VerifyCheck;
import io.colshift.state.ControlSchemaReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code colshift verify ID}: does the table hold what the spec asked for? */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {
                "Checks, at any phase and after complete (archived migrations included), that the table holds what "
                        + "the spec asked for, one line per check (ok, FAILED, or skipped with the reason):",
                "  column           the column exists with the spec's type",
                "  default          the spec's default is set (from contracted on)",
                "  not-null         NOT NULL is enforced (from contracted on, when the spec says not_null)",
                "  no-null          no row is NULL (after the backfill; for a nullable column: none where the "
                        + "backfill gives a value, within --max-mismatch-ratio)",
                "  backfill-sample  the backfill expression, recomputed on --sample random rows, equals the stored "
                        + "value",
                "  index            the spec's index exists and is valid (from contracted on)",
                "  no-fail-open     no driver reports statements passed unchanged for this migration",
                "",
                "Rows the application wrote after the backfill legitimately differ from the backfill expression, and "
                        + "which rows those are cannot be told apart: the sample check reports the mismatch count and "
                        + "ratio and fails only above --max-mismatch-ratio (default 0: any mismatch fails). The "
                        + "fail-open check reads the counters drivers report with their heartbeat, written by the "
                        + "application role: it is advisory. Reads the table (a full scan for no-null), changes "
                        + "nothing.",
                "",
                "Exit code 0 when every check holds, 3 when one fails, 2 for an unknown migration id."})
final class VerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "ID", description = "Migration id.")
    String id;

    @Option(names = "--sample", paramLabel = "N", defaultValue = "1000",
            description = "Rows to recompute the backfill expression on (default: ${DEFAULT-VALUE}).")
    int sample;

    @Option(names = "--max-mismatch-ratio", paramLabel = "RATIO", defaultValue = "0",
            description = "Fail the sample check only when more than this share of the sampled rows differ, "
                    + "0 to 1 (default: ${DEFAULT-VALUE}).")
    double maxMismatchRatio;

    @Option(names = "--json", description = "Print JSON (snake_case keys) instead of lines.")
    boolean json;

    /** What {@code --json} prints. */
    record Report(String migrationId, String column, String phase, boolean archived, boolean passed,
                  List<VerifyCheck> checks, SampleResult sample) {
    }

    @Override
    public Integer call() throws Exception {
        if (sample < 1 || sample > 1_000_000) {
            throw CommandFailure.badInput("--sample must be between 1 and 1000000");
        }
        if (!(maxMismatchRatio >= 0 && maxMismatchRatio <= 1)) {
            throw CommandFailure.badInput("--max-mismatch-ratio must be between 0 and 1");
        }
        Report report;
        try (ControlSession session = connection.openSession()) {
            MigrationRecord m;
            try {
                m = new MigrationStore(session.connection(), session.schema()).load(id);
            } catch (PhaseException e) {
                throw PhaseCommands.failure(e);
            }
            Verifier.Result result = new Verifier(session.connection(), m,
                    new ControlSchemaReader(session.connection(), session.schema()).clientCounters(), sample,
                    maxMismatchRatio).run();
            report = new Report(m.id(), m.describe(), m.phase().label(), m.archived(), result.passed(),
                    result.checks(), result.sample());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.MAPPER.writeValueAsString(report));
        } else {
            out.printf("verify %s (%s, %s%s)%n", SafeText.of(report.migrationId()), SafeText.of(report.column()),
                    report.phase(), report.archived() ? ", archived" : "");
            for (VerifyCheck c : report.checks()) {
                out.printf("  %-8s %-16s %s%n", c.status(), c.name(), SafeText.of(c.detail()));
            }
            out.println(report.passed() ? "verified: every check holds" : "verification FAILED");
        }
        out.flush();
        return report.passed() ? ExitCodes.DONE : ExitCodes.PRECONDITION_NOT_MET;
    }
}
