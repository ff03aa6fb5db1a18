package io.colshift.demo;

import io.colshift.demo.workload.AppVersion;
import io.colshift.demo.workload.DriverBarrier;
import io.colshift.demo.workload.FinalSchema;
import io.colshift.demo.workload.Ledger;
import io.colshift.demo.workload.LedgerReport;
import io.colshift.demo.workload.LedgerVerifier;
import io.colshift.demo.workload.PhaseSummary;
import io.colshift.demo.workload.SimulatedApp;
import io.colshift.demo.workload.Timeline;
import io.colshift.demo.workload.Traffic;
import io.colshift.demo.workload.UsersTable;
import io.colshift.demo.workload.WorkloadStats;
import io.colshift.state.SafeText;
import io.colshift.state.ControlSchema;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's story: a table under load from the old application, the new application deployed
 * after {@code colshift declare}, and the migration advanced step by step with the real commands,
 * then every acknowledged write and the final schema checked.
 */
public final class DemoRun {

    /**
     * How long the demo gives the driver to act on a step once the step's command returned. The command returns
     * after its barrier (commit + staleness lease), so the driver already acts on it; the allowance only covers
     * opening the checking connection on a loaded machine. Waiting longer would hide a broken barrier.
     */
    private static final Duration DRIVER_CHECK = Duration.ofSeconds(1);
    private static final int STEPS = 7;

    private final DemoSettings settings;
    private final PrintStream out;
    private final DemoView view;
    private final List<String> failures = new ArrayList<>();
    /** What the drivers reported, per version, at the end of the story (empty when it did not get that far). */
    private List<ReportedAdoption.Version> adoption = List.of();
    private int step;

    public DemoRun(DemoSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
        this.view = settings.color() ? new AnsiView(out) : new PlainView(out);
    }

    /** Runs the story; returns 0 only when no statement failed and no acknowledged write was lost. */
    public int run() throws Exception {
        long started = System.nanoTime();
        view.message("colshift demo: adding users.status (text NOT NULL DEFAULT 'active', backfilled, indexed) "
                + "to a live table");
        view.message(settings.url() == null ? "starting an embedded PostgreSQL ..." : "connecting to " + settings.url());
        try (DemoDatabase database = settings.url() == null ? DemoDatabase.embedded()
                : DemoDatabase.existing(settings.url(), settings.user(), settings.password())) {
            view.message("using " + database.description());
            return runOn(database, started);
        } finally {
            view.close();
        }
    }

    private int runOn(DemoDatabase database, long started) throws Exception {
        UsersTable table = database.table();
        long seedStart = System.nanoTime();
        try (Connection c = database.connectPlain()) {
            table.createAndSeed(c, settings.rows());
        }
        view.message("created " + table.qualifiedName() + " with " + Format.count(settings.rows()) + " rows in "
                + Format.seconds(Duration.ofNanos(System.nanoTime() - seedStart)));
        Path spec = Files.createTempFile("users-status-", ".yaml");
        Files.writeString(spec, table.specYaml());
        ColshiftCli cli = new ColshiftCli(database.target());
        Ledger ledger = new Ledger();
        List<WorkloadStats> apps = List.of(new WorkloadStats(AppVersion.V1.label()),
                new WorkloadStats(AppVersion.V2.label()));
        try {
            if (!command(cli, "init")) {
                return finish(List.of(), apps, ledger, database, false, started);
            }
            List<PhaseSummary> phases = underTraffic(database, cli, spec, ledger, apps);
            return finish(phases, apps, ledger, database, failures.isEmpty(), started);
        } finally {
            Files.deleteIfExists(spec);
        }
    }

    /** v1 runs from the start; v2 is deployed once the migration is declared; both run until the end. */
    private List<PhaseSummary> underTraffic(DemoDatabase database, ColshiftCli cli, Path spec, Ledger ledger,
                                            List<WorkloadStats> apps) throws Exception {
        Traffic traffic = Traffic.of(settings.threads(), settings.opsPerSecond());
        int slices = 2 * settings.threads();
        try (MigrationProbe probe = new MigrationProbe(database.connectPlain(), database.target().controlSchema(),
                UsersTable.MIGRATION_ID);
             SimulatedApp v1 = SimulatedApp.start(AppVersion.V1, database.target(), database.table(), ledger,
                     settings.rows(), traffic, 0, slices, apps.get(0))) {
            Timeline timeline = new Timeline(apps, "before");
            try (Ticker ignored = new Ticker(view, timeline, probe)) {
                view.message("v1 (the application as it is) runs " + Format.rate(settings.opsPerSecond())
                        + " ops/s through jdbc:colshift: on " + settings.threads() + " connections");
                hold();
                timeline.enter("declared");
                if (!command(cli, "declare", spec.toString())) {
                    return timeline.finish();
                }
                DriverBarrier barrier = new DriverBarrier(database.target(), database.table());
                if (!barrier.awaitColumnReadable(DRIVER_CHECK)) {
                    failures.add("the driver did not serve users.status once `colshift declare` had returned"
                            + " (checked for " + DRIVER_CHECK.toSeconds() + " s), so v2 was not deployed");
                    view.message("  -> the driver does not serve the declared column; the demo stops here");
                    return timeline.finish();
                }
                try (SimulatedApp v2 = SimulatedApp.start(AppVersion.V2, database.target(), database.table(), ledger,
                        settings.rows(), traffic, settings.threads(), slices, apps.get(1))) {
                    view.message("v2 (the new version, which reads and writes status) deployed next to v1");
                    hold();
                    advance(cli, barrier, timeline);
                    // while both still run: their drivers' last heartbeat holds the whole story's counts
                    adoption = reportedAdoption(database);
                }
            }
            return timeline.finish();
        }
    }

    /** expand → writes on → backfill → contract → complete, with traffic held in each phase. */
    private void advance(ColshiftCli cli, DriverBarrier barrier, Timeline timeline) throws InterruptedException {
        String id = UsersTable.MIGRATION_ID;
        timeline.enter("expanded");
        if (!command(cli, "expand", id)) {
            return;
        }
        hold();
        if (!command(cli, "flag", id, "--writes", "on")) {
            return;
        }
        if (!barrier.awaitWritesPass(DRIVER_CHECK)) {
            failures.add("the driver did not let writes of status through once `colshift flag --writes on` had"
                    + " returned (checked for " + DRIVER_CHECK.toSeconds() + " s)");
        }
        timeline.enter("writes on");
        hold();
        timeline.enter("backfilling");
        if (!command(cli, "backfill", id)) {
            return;
        }
        timeline.enter("backfilled");
        hold();
        timeline.enter("contracted");
        if (!command(cli, "contract", id)) {
            return;
        }
        hold();
        timeline.enter("complete");
        if (!command(cli, "complete", id)) {
            return;
        }
        hold();
    }

    private List<ReportedAdoption.Version> reportedAdoption(DemoDatabase database) {
        try (Connection c = database.connectPlain()) {
            return ReportedAdoption.read(c, ControlSchema.named(database.target().controlSchema()),
                    UsersTable.MIGRATION_ID, List.of(AppVersion.V1, AppVersion.V2));
        } catch (SQLException | RuntimeException e) {
            failures.add("the drivers' adoption counters could not be read: " + e.getMessage());
            return List.of();
        }
    }

    private boolean command(ColshiftCli cli, String... args) {
        step++;
        view.commandStarted(step, STEPS, "colshift " + String.join(" ", args));
        CliResult result = cli.run(view::commandLine, args);
        if (!result.succeeded()) {
            failures.add(result.commandLine() + " exited with " + result.exitCode() + ": "
                    + (result.err().isBlank() ? result.out() : result.err()).strip());
            view.message("  -> exit " + result.exitCode() + "; the demo stops here");
            return false;
        }
        return true;
    }

    private void hold() throws InterruptedException {
        Thread.sleep(settings.phaseHold().toMillis());
    }

    private int finish(List<PhaseSummary> phases, List<WorkloadStats> apps, Ledger ledger, DemoDatabase database,
                       boolean storyCompleted, long started) throws SQLException {
        LedgerReport report;
        List<String> schemaDifferences;
        try (Connection c = database.connectPlain()) {
            report = new LedgerVerifier(database.table()).verify(c, ledger, settings.rows(), storyCompleted);
            schemaDifferences = storyCompleted ? FinalSchema.differencesFromSpec(c, database.table()) : List.of();
        }
        view.close();
        out.println();
        if (!phases.isEmpty()) {
            SummaryTable.print(out, phases);
            out.println();
        }
        if (!adoption.isEmpty()) {
            ReportedAdoption.print(out, UsersTable.MIGRATION_ID, adoption);
            out.println();
        }
        long errors = phases.stream().flatMap(p -> p.apps().stream()).mapToLong(a -> a.errors() + a.mismatches()).sum();
        out.println("  failed or wrong statements: " + errors);
        for (WorkloadStats app : apps) {
            app.firstProblems().forEach(p -> out.println("    " + app.name() + ": " + Format.truncate(SafeText.of(p.replace('\n', ' ')), 300)));
        }
        out.println("  acknowledged writes checked: " + Format.count(report.checked()) + ", lost or wrong: "
                + report.lostWrites());
        report.examples().forEach(e -> out.println("    " + e));
        if (storyCompleted) {
            out.println("  final schema: " + (schemaDifferences.isEmpty()
                    ? "matches the spec (status text NOT NULL DEFAULT 'active', index valid, no NULL)"
                    : String.join("; ", schemaDifferences)));
        }
        failures.forEach(f -> out.println("  problem: " + f));
        boolean pass = failures.isEmpty() && errors == 0 && report.clean() && schemaDifferences.isEmpty();
        out.println();
        out.println((pass ? "  PASS: zero errors, zero lost writes, final schema as specified"
                : "  FAIL: see the problems above") + " (" + Format.seconds(Duration.ofNanos(System.nanoTime() - started))
                + ")");
        out.flush();
        return pass ? 0 : 1;
    }

    /** Redraws the view from its own thread until closed. */
    private static final class Ticker implements AutoCloseable {
        private final Thread thread;
        private volatile boolean running = true;

        Ticker(DemoView view, Timeline timeline, MigrationProbe probe) {
            thread = new Thread(() -> {
                while (running) {
                    view.tick(timeline.sample(), probe.read());
                    try {
                        Thread.sleep(view.refreshMillis());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "colshift-demo-view");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join();
        }
    }
}
