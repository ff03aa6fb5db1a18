package io.colshift.it;

import io.colshift.demo.workload.Ledger;
import io.colshift.demo.workload.LedgerReport;
import io.colshift.demo.workload.LedgerVerifier;
import io.colshift.demo.workload.PhaseSummary;
import io.colshift.demo.workload.Timeline;
import io.colshift.demo.workload.UsersTable;
import io.colshift.demo.workload.V1Client;
import io.colshift.demo.workload.V2Client;
import io.colshift.demo.workload.Workload;
import io.colshift.demo.workload.WorkloadStats;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One JVM of the fleet {@link CrowdedServerIT} runs: {@value #INSTANCES} application instances, each with its own
 * isolated copy of the driver ({@link IsolatedDriver}), its own role and one pooled connection; the first half run
 * v1, the second half v2 once told to. It takes commands on standard input, one a line, and answers each on
 * standard output with a line starting with {@code @}:
 *
 * <pre>
 * v1 | v2 | stop-v2         start or stop the writers of a version        → @ok
 * enter LABEL               open a phase of the timeline                   → @ok
 * probe read|held|pass      ask every instance once how it treats status  → @ok | @failed WHAT
 * finish                    stop, report phases and the ledger check       → @phase ..., @problem ..., @ledger ..., @done
 * </pre>
 */
public final class FleetJvm {

    static final int INSTANCES = 10;
    private static final double OPS_PER_SECOND = 2;

    private final int jvm;
    private final int slices;
    private final List<IsolatedDriver> instances = new ArrayList<>();
    private final Ledger ledger = new Ledger();
    private final WorkloadStats v1Stats = new WorkloadStats("v1");
    private final WorkloadStats v2Stats = new WorkloadStats("v2");
    private final List<Workload> v1 = new ArrayList<>();
    private final List<Workload> v2 = new ArrayList<>();
    private final UsersTable table = new UsersTable("public");
    private final PrintStream out;
    private Timeline timeline;

    private FleetJvm(int jvm, int slices, PrintStream out) {
        this.jvm = jvm;
        this.slices = slices;
        this.out = out;
    }

    /**
     * Arguments: JVM index, number of JVMs, plain URL, role name prefix, superuser, then the jars of
     * {@link IsolatedDriver#open}.
     */
    public static void main(String[] args) throws Exception {
        int jvm = Integer.parseInt(args[0]);
        int jvms = Integer.parseInt(args[1]);
        String plainUrl = args[2];
        String rolePrefix = args[3];
        String superuser = args[4];
        List<Path> jars = Arrays.stream(args, 5, args.length).map(Path::of).toList();
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        FleetJvm fleet = new FleetJvm(jvm, jvms * INSTANCES, out);
        fleet.open(jars, plainUrl, rolePrefix);
        out.println("@started");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            try {
                if (fleet.handle(line.trim(), plainUrl, superuser)) {
                    break;
                }
            } catch (Exception e) {
                out.println("@failed " + line + ": " + e);
            }
        }
        fleet.closeInstances();
        System.exit(0);
    }

    private void open(List<Path> jars, String plainUrl, String rolePrefix) throws Exception {
        String colshiftUrl = "jdbc:colshift:" + plainUrl.substring("jdbc:".length());
        ExecutorService starters = Executors.newFixedThreadPool(INSTANCES);
        try {
            List<Future<IsolatedDriver>> started = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                int instance = jvm * INSTANCES + i;
                started.add(starters.submit(() -> {
                    Properties props = new Properties();
                    props.setProperty("user", rolePrefix + instance);
                    props.setProperty("password", "");
                    props.setProperty("ApplicationName", CrowdedServerIT.APPLICATION_NAME);
                    props.setProperty("prepareThreshold", "1");
                    TopologyDeploy.DRIVER_SETTINGS.forEach(props::setProperty);
                    return IsolatedDriver.open(jars, colshiftUrl, props, "instance-" + instance);
                }));
            }
            for (Future<IsolatedDriver> f : started) {
                instances.add(f.get());
            }
        } finally {
            starters.shutdown();
        }
        timeline = new Timeline(List.of(v1Stats, v2Stats), "before");
    }

    /** @return whether this was the last command */
    private boolean handle(String command, String plainUrl, String superuser) throws Exception {
        String[] words = command.split(" ", 2);
        switch (words[0]) {
            case "v1" -> {
                for (int i = 0; i < INSTANCES / 2; i++) {
                    v1.add(start(i, true));
                }
                out.println("@ok");
            }
            case "v2" -> {
                for (int i = INSTANCES / 2; i < INSTANCES; i++) {
                    v2.add(start(i, false));
                }
                out.println("@ok");
            }
            case "stop-v2" -> {
                v2.forEach(Workload::close);
                v2.clear();
                out.println("@ok");
            }
            case "enter" -> {
                timeline.enter(words[1]);
                out.println("@ok");
            }
            case "probe" -> {
                List<String> problems = probeEveryInstance(words[1]);
                out.println(problems.isEmpty() ? "@ok" : "@failed " + String.join(" | ", problems).replace('\n', ' '));
            }
            case "finish" -> {
                finish(plainUrl, superuser);
                return true;
            }
            default -> out.println("@failed unknown command " + command);
        }
        return false;
    }

    /** One look at every instance at once (each waits for its own pooled connection), problems in instance order. */
    private List<String> probeEveryInstance(String kind) throws Exception {
        ExecutorService probes = Executors.newFixedThreadPool(INSTANCES);
        try {
            List<Future<Optional<String>>> answers = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                IsolatedDriver instance = instances.get(i);
                String name = "instance " + (jvm * INSTANCES + i) + ": ";
                answers.add(probes.submit(() -> {
                    try (Connection c = instance.pool().getConnection()) {
                        Optional<String> problem = switch (kind) {
                            case "read" -> StepProbe.statusReadable(c);
                            case "held" -> StepProbe.write(c, false);
                            case "pass" -> StepProbe.write(c, true);
                            default -> throw new IllegalArgumentException("no probe " + kind);
                        };
                        return problem.map(p -> name + p);
                    }
                }));
            }
            List<String> problems = new ArrayList<>();
            for (Future<Optional<String>> answer : answers) {
                answer.get().ifPresent(problems::add);
            }
            return problems;
        } finally {
            probes.shutdown();
        }
    }

    private Workload start(int i, boolean oldVersion) {
        int slice = jvm * INSTANCES + i;
        WorkloadStats stats = oldVersion ? v1Stats : v2Stats;
        var pool = instances.get(i).pool();
        return Workload.start("instance-" + slice, 1, OPS_PER_SECOND, k -> oldVersion
                ? new V1Client(pool, table, ledger, ReservedRows.WRITERS_ROWS, slice, slices, slice)
                : new V2Client(pool, table, ledger, ReservedRows.WRITERS_ROWS, slice, slices, slice, stats), stats);
    }

    private void finish(String plainUrl, String superuser) throws Exception {
        v1.forEach(Workload::close);
        v2.forEach(Workload::close);
        for (PhaseSummary phase : timeline.finish()) {
            for (PhaseSummary.App app : phase.apps()) {
                out.println("@phase " + app.name() + " " + app.ops() + " " + app.errors() + " " + app.mismatches() + " "
                        + app.gatedWrites() + " " + phase.label());
            }
        }
        for (WorkloadStats stats : List.of(v1Stats, v2Stats)) {
            stats.firstProblems().forEach(p -> out.println("@problem " + stats.name() + ": " + p.replace('\n', ' ')));
        }
        closeInstances();
        Properties props = new Properties();
        props.setProperty("user", superuser);
        props.setProperty("password", "");
        try (Connection c = DriverManager.getConnection(plainUrl, props)) {
            LedgerReport report = new LedgerVerifier(table).verify(c, ledger, ReservedRows.WRITERS_ROWS, true);
            out.println("@ledger " + report.checked() + " " + report.lostWrites() + " "
                    + String.join(" | ", report.examples()).replace('\n', ' '));
        }
        out.println("@done");
    }

    private void closeInstances() {
        for (IsolatedDriver instance : instances) {
            try {
                instance.close();
            } catch (Exception ignored) {
                // the JVM ends right after
            }
        }
        instances.clear();
    }
}
