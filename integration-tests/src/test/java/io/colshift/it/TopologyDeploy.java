package io.colshift.it;

import io.colshift.demo.CliResult;
import io.colshift.demo.workload.AppVersion;
import io.colshift.demo.workload.DatabaseTarget;
import io.colshift.demo.workload.DriverShutdown;
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
import io.colshift.embedded.junit.TestDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rolling deploy across servers: v1 and v2 write through the driver on the primary (or a URL that reaches it),
 * readers of both versions read through the driver wherever a scenario points them (a lagging standby, a
 * multi-host URL), and the real {@code colshift} commands run against the primary. After every step the driver is
 * asked once, at the writers' URL and at every readers' URL, whether it already follows that step
 * ({@link StepProbe}); what it answered wrong is collected and asserted at the end with everything else.
 *
 * <p>The lifecycle is the combined one: declare → expand → rollback --drop-column, then expand again → flag →
 * backfill → contract → complete, with v2's writer withdrawn for the rollback (its readers stay: reading the
 * spec's value is what they expect anyway) and deployed again afterwards.
 */
final class TopologyDeploy implements AutoCloseable {

    static final Duration HOLD = Duration.ofMillis(1_000);
    /** The lease the tests give the control schema: short, so each step's wait is short too. */
    static final int LEASE_MS = 500;
    /** The drivers' poll interval; on a standby the watcher polls, it cannot LISTEN. */
    static final Map<String, String> DRIVER_SETTINGS = Map.of("colshift.pollMs", "200");
    private static final Traffic WRITERS = Traffic.of(2, 100);
    private static final double READER_RATE = 40;
    private static final String ID = UsersTable.MIGRATION_ID;

    /** Where one pair of readers (v1 and v2) reads from, and how many connections each of them holds. */
    record ReaderSite(String name, String colshiftUrl, int connections) {

        ReaderSite(String name, String colshiftUrl) {
            this(name, colshiftUrl, 2);
        }
    }

    /** Something a scenario checks right after a step returned; answers what is wrong, or nothing. */
    @FunctionalInterface
    interface StepCheck {
        Optional<String> after(String step) throws Exception;
    }

    /** How the scenario runs the backfill (plainly, or with a restart of the primary in the middle). */
    @FunctionalInterface
    interface Backfill {
        void run(TopologyDeploy deploy) throws Exception;
    }

    final TestDatabase db;
    final UsersMigration users;
    final DatabaseTarget writers;
    final Ledger ledger = new Ledger();
    private final List<ReaderSite> sites;
    private final WorkloadStats v1Stats = new WorkloadStats(AppVersion.V1.label());
    private final WorkloadStats v2Stats = new WorkloadStats(AppVersion.V2.label());
    private final List<WorkloadStats> v1Readers = new ArrayList<>();
    private final List<WorkloadStats> v2Readers = new ArrayList<>();
    private final List<ReaderApp> runningReaders = new ArrayList<>();
    private final List<String> commands = new ArrayList<>();
    private final long startNanos = System.nanoTime();
    private final List<String> probeProblems = new ArrayList<>();
    private final StepCheck check;
    private Timeline timeline;
    private SimulatedApp v1;
    private SimulatedApp v2;

    /**
     * Creates and seeds the table on the primary ({@code db}) and installs the control schema there.
     *
     * @param writersPlainUrl {@code jdbc:postgresql:} URL the writers connect to (it must reach the primary)
     * @param sites           where readers read from
     * @param check           scenario-specific checks after every step
     */
    TopologyDeploy(TestDatabase db, String writersPlainUrl, List<ReaderSite> sites, StepCheck check) throws Exception {
        this.db = db;
        this.users = new UsersMigration(db, ReservedRows.SEEDED);
        this.writers = new DatabaseTarget(withDriverSettings(writersPlainUrl), db.user(), db.password(), "colshift");
        this.sites = List.copyOf(sites);
        this.check = check;
        colshift("init", "--lease", LEASE_MS + "ms");
        for (ReaderSite site : sites) {
            v1Readers.add(new WorkloadStats("v1@" + site.name()));
            v2Readers.add(new WorkloadStats("v2@" + site.name()));
        }
    }

    /** Runs the whole combined lifecycle, recording what every application saw. */
    List<PhaseSummary> runLifecycle(Backfill backfill) throws Exception {
        List<WorkloadStats> all = new ArrayList<>(List.of(v1Stats, v2Stats));
        all.addAll(v1Readers);
        all.addAll(v2Readers);
        timeline = new Timeline(all, "before");
        v1 = startWriter(AppVersion.V1, v1Stats);
        for (int i = 0; i < sites.size(); i++) {
            runningReaders.add(startReader(sites.get(i), false, v1Readers.get(i)));
        }
        hold();

        step("declared", "declare", users.spec.toString());
        probeReads("declare");
        probe("declare", "writers", this::writersProbe, StepProbe::writesHeldBack);
        v2 = startWriter(AppVersion.V2, v2Stats);
        for (int i = 0; i < sites.size(); i++) {
            runningReaders.add(startReader(sites.get(i), true, v2Readers.get(i)));
        }
        hold();

        step("expanded", "expand", ID);
        probeReads("expand");
        hold();

        stopV2Writer(); // the new version goes first: after the rollback nothing may depend on its writes
        step("rolled back", "rollback", ID, "--drop-column");
        probeReads("rollback");
        probe("rollback", "writers", this::writersProbe, StepProbe::writesHeldBack);
        hold();

        v2 = startWriter(AppVersion.V2, v2Stats);
        step("expanded again", "expand", ID);
        probeReads("expand again");
        hold();

        colshift("flag", ID, "--writes", "on");
        probe("flag --writes on", "writers", this::writersProbe, StepProbe::writesPass);
        stepCheck("flag");
        timeline.enter("writes on");
        hold();

        timeline.enter("backfilling");
        backfill.run(this);
        stepCheck("backfill");
        timeline.enter("backfilled");
        hold();

        step("contracted", "contract", ID);
        probeReads("contract");
        probe("contract", "writers", this::writersProbe, StepProbe::writesPass);
        hold();

        step("complete", "complete", ID);
        probeReads("complete");
        probe("complete", "writers", this::writersProbe, StepProbe::writesPass);
        hold();
        closeApps();
        return timeline.finish();
    }

    /** The default backfill: one run of {@code colshift backfill}. */
    static void plainBackfill(TopologyDeploy deploy) {
        deploy.colshift("backfill", ID);
    }

    /** Opens phase {@code label}, in which the applications' outcomes are recorded from now on. */
    void enter(String label) {
        timeline.enter(label);
    }

    /**
     * Asserts what every scenario promises: no failed and no wrong statement in any phase (but those named in
     * {@code phasesAllowedToFail}, where only statements may fail, never read wrong), every step followed at once,
     * every acknowledged write in the table, and the final schema the spec's.
     */
    void assertPromisesKept(List<PhaseSummary> phases, List<String> phasesAllowedToFail) throws SQLException {
        String transcript = transcript();
        System.out.println(transcript); // the test's report file keeps it: when each step ran, how long it took
        assertThat(probeProblems).as("drivers that did not follow a step the moment it returned\n%s", transcript)
                .isEmpty();
        for (PhaseSummary phase : phases) {
            for (PhaseSummary.App app : phase.apps()) {
                if (!phasesAllowedToFail.contains(phase.label())) {
                    assertThat(app.errors()).as("failed statements of %s in phase %s\n%s", app.name(), phase.label(),
                            transcript).isZero();
                }
                assertThat(app.mismatches()).as("wrong results of %s in phase %s\n%s", app.name(), phase.label(),
                        transcript).isZero();
            }
            assertThat(phase.app("v1").ops()).as("v1 traffic in phase %s", phase.label()).isPositive();
            for (WorkloadStats reader : v1Readers) {
                assertThat(phase.app(reader.name()).ops()).as("%s traffic in phase %s", reader.name(), phase.label())
                        .isPositive();
            }
        }
        for (String label : List.of("backfilling", "backfilled", "contracted", "complete")) {
            PhaseSummary phase = byLabel(phases, label);
            assertThat(phase.app("v2").gatedWrites()).as("v2's writes of status held back in phase %s\n%s", label,
                    transcript).isZero();
            for (WorkloadStats reader : v2Readers) {
                assertThat(phase.app(reader.name()).ops()).as("%s traffic in phase %s", reader.name(), label)
                        .isPositive();
            }
        }
        try (Connection c = db.connect()) {
            LedgerReport report = new LedgerVerifier(users.table).verify(c, ledger, ReservedRows.WRITERS_ROWS, true);
            assertThat(report.checked()).isGreaterThan(100);
            assertThat(report.lostWrites()).as("lost or wrong acknowledged writes: %s", report.examples()).isZero();
            assertThat(FinalSchema.differencesFromSpec(c, users.table)).isEmpty();
        }
    }

    /** Runs {@code colshift <args>} against the primary and asserts it succeeded. */
    CliResult colshift(String... args) {
        long start = System.nanoTime();
        CliResult result = users.cli.run(args);
        record(result, start);
        assertThat(result.exitCode()).as("%s\n%s", result, transcript()).isZero();
        return result;
    }

    /** Records a command that started at {@code startNanos} in the transcript, with when it ran and how long. */
    void record(CliResult result, long startNanos) {
        long now = System.nanoTime();
        commands.add(String.format("[%.1fs, took %.1fs] %s", (startNanos - this.startNanos) / 1e9,
                (now - startNanos) / 1e9, result));
    }

    /** Failed statements of every application by SQLSTATE, over the whole run. */
    Map<String, Long> errorsBySqlState() {
        Map<String, Long> all = new java.util.TreeMap<>();
        List<WorkloadStats> apps = new ArrayList<>(List.of(v1Stats, v2Stats));
        apps.addAll(v1Readers);
        apps.addAll(v2Readers);
        apps.forEach(app -> app.errorsBySqlState().forEach((state, n) -> all.merge(state, n, Long::sum)));
        return all;
    }

    /** Rows the backfill has checkpointed as done (0 before it started). */
    long backfilledRows() throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT rows_done FROM colshift.backfill_progress"
                     + " WHERE migration_id = '" + ID + "'")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** The migration's phase on the primary. */
    String phase() throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             java.sql.ResultSet rs = st.executeQuery("SELECT phase FROM colshift.migrations WHERE id = '" + ID + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    void hold() throws InterruptedException {
        Thread.sleep(HOLD.toMillis());
    }

    /** Every command run so far and the first problems every application saw. */
    String transcript() {
        StringBuilder text = new StringBuilder();
        commands.forEach(c -> text.append(c).append('\n'));
        probeProblems.forEach(p -> text.append("probe: ").append(p).append('\n'));
        List<WorkloadStats> all = new ArrayList<>(List.of(v1Stats, v2Stats));
        all.addAll(v1Readers);
        all.addAll(v2Readers);
        for (WorkloadStats stats : all) {
            text.append(stats.name()).append(" problems: ").append(stats.firstProblems()).append('\n');
        }
        return text.toString();
    }

    private void step(String phase, String... args) throws Exception {
        timeline.enter(phase);
        colshift(args);
        stepCheck(args[0]);
    }

    private void stepCheck(String step) throws Exception {
        check.after(step).ifPresent(problem -> probeProblems.add("after " + step + ": " + problem));
    }

    private void probeReads(String step) {
        for (ReaderSite site : sites) {
            probe(step, site.name(), () -> new StepProbe(site.colshiftUrl(), db.user(), db.password(), DRIVER_SETTINGS),
                    StepProbe::statusReadable);
        }
    }

    private void probe(String step, String where, Supplier<StepProbe> probe,
                       java.util.function.Function<StepProbe, Optional<String>> look) {
        look.apply(probe.get()).ifPresent(problem -> probeProblems.add("after " + step + ", at " + where + ": "
                + problem));
    }

    private StepProbe writersProbe() {
        return new StepProbe(writers.colshiftUrl(), db.user(), db.password(), Map.of());
    }

    private SimulatedApp startWriter(AppVersion version, WorkloadStats stats) {
        int first = version == AppVersion.V1 ? 0 : WRITERS.threads();
        return SimulatedApp.start(version, writers, users.table, ledger, ReservedRows.WRITERS_ROWS, WRITERS, first,
                2 * WRITERS.threads(), stats);
    }

    private ReaderApp startReader(ReaderSite site, boolean readsStatus, WorkloadStats stats) {
        return ReaderApp.start(site.colshiftUrl(), db.user(), db.password(), users.table, readsStatus,
                site.connections(), READER_RATE / site.connections(), DRIVER_SETTINGS, stats);
    }

    private void stopV2Writer() {
        if (v2 != null) {
            v2.close();
            v2 = null;
        }
    }

    private void closeApps() {
        stopV2Writer();
        if (v1 != null) {
            v1.close();
            v1 = null;
        }
        runningReaders.forEach(ReaderApp::close);
        runningReaders.clear();
    }

    /** The colshift settings the tests use, in the URL's query string where the driver finds (and strips) them. */
    private static String withDriverSettings(String plainUrl) {
        StringBuilder url = new StringBuilder(plainUrl);
        DRIVER_SETTINGS.forEach((k, v) -> url.append(url.indexOf("?") < 0 ? '?' : '&').append(k).append('=').append(v));
        return url.toString();
    }

    static PhaseSummary byLabel(List<PhaseSummary> phases, String label) {
        return phases.stream().filter(p -> p.label().equals(label)).findFirst().orElseThrow();
    }

    @Override
    public void close() throws Exception {
        closeApps();
        DriverShutdown.stopWatching(writers);
        for (ReaderSite site : sites) {
            String plain = "jdbc:" + site.colshiftUrl().substring("jdbc:colshift:".length());
            DriverShutdown.stopWatching(new DatabaseTarget(plain, db.user(), db.password(), "colshift"));
        }
        users.close();
    }
}
