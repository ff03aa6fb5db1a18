package io.colshift.bench;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The whole client comparison in one command: starts one embedded PostgreSQL, measures every client
 * with JMH ({@link ClientBenchmark}, {@code -prof gc}) and with the latency driver (one JVM per client),
 * first with no migration, then with a migration in {@code backfilling}, and writes the JMH JSON, the
 * latency CSVs and {@code results.md} into a directory of its own.
 *
 * <p>JMH runs in interleaved rounds: each round forks every client once per workload, the clients of
 * one workload right after each other, in reversed order every other round. A client is then compared
 * with raw pgjdbc round by round ({@link PairedRatio}), so that drift of a noisy machine over the run
 * shows up as round-to-round range instead of biasing whichever client happened to run last.
 */
@Command(name = "colshift-benchmarks", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compares raw pgjdbc, colshift and its peers on one embedded PostgreSQL in one run.",
                "Two stages: no migration, then a migration in backfilling; every client runs in both, the peers "
                        + "and raw pgjdbc with the same SQL colshift gets.",
                "JMH runs in rounds: each round forks every client of every workload once, side by side, the "
                        + "client order reversed every other round. 'vs raw' is the median over rounds of "
                        + "(client's round median / raw pgjdbc's round median in the same round), with the "
                        + "range of those per-round ratios; budgets are met, missed, or not settled when the "
                        + "budget lies within that range."})
public final class SuiteRunner implements Callable<Integer> {

    private static final String LOG_LEVEL = "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn";

    @Option(names = "--out", defaultValue = "benchmarks/target/bench-results",
            description = "directory under which this run's results directory is created (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--rows", defaultValue = "100000", description = "rows in bench_users (default: ${DEFAULT-VALUE})")
    int rows;

    @Option(names = "--threads", split = ",", defaultValue = "1,4", description = "client thread counts (default: ${DEFAULT-VALUE})")
    List<Integer> threads;

    @Option(names = "--clients", split = ",", description = "clients to measure (default: all of ${COMPLETION-CANDIDATES})")
    Set<Client> clients = EnumSet.allOf(Client.class);

    @Option(names = "--workloads", split = ",", description = "workloads (default: all of ${COMPLETION-CANDIDATES})")
    Set<Workload> workloads = EnumSet.allOf(Workload.class);

    @Option(names = "--stages", split = ",", description = "stages (default: all of ${COMPLETION-CANDIDATES})")
    Set<Stage> stages = EnumSet.allOf(Stage.class);

    @Option(names = "--rounds", defaultValue = "3",
            description = "interleaved rounds; each runs one JMH fork of every client, workload and thread count "
                    + "(default: ${DEFAULT-VALUE})")
    int rounds;

    @Option(names = "--warmup-iterations", defaultValue = "5",
            description = "JMH warm-up iterations in each fork (default: ${DEFAULT-VALUE})")
    int warmupIterations;

    @Option(names = "--iterations", defaultValue = "3", description = "measured JMH iterations per round (default: ${DEFAULT-VALUE})")
    int iterations;

    @Option(names = "--iteration-ms", defaultValue = "1000", description = "length of one JMH iteration (default: ${DEFAULT-VALUE})")
    int iterationMs;

    @Option(names = "--latency-warmup-ms", defaultValue = "1000",
            description = "latency driver warm-up per workload and thread count (default: ${DEFAULT-VALUE})")
    int latencyWarmupMs;

    @Option(names = "--latency-ms", defaultValue = "2000",
            description = "latency driver measuring time per workload and thread count (default: ${DEFAULT-VALUE})")
    int latencyMs;

    @Option(names = "--rewrite-wait-ms", defaultValue = "10000",
            description = "how long to wait for colshift to show the migration before giving up on that stage (default: ${DEFAULT-VALUE})")
    int rewriteWaitMs;

    @Spec
    CommandSpec spec;

    private String commandLine = "";

    public static void main(String[] args) {
        SuiteRunner runner = new SuiteRunner();
        runner.commandLine = "java -cp benchmarks/target/benchmarks.jar " + SuiteRunner.class.getName()
                + (args.length == 0 ? "" : " " + String.join(" ", args));
        System.exit(new CommandLine(runner).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        if (rounds < 1 || iterations < 1 || warmupIterations < 0 || iterationMs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--rounds, --iterations and --iteration-ms must be at least 1, --warmup-iterations at least 0");
        }
        if (rounds < 3) {
            System.err.println("note: fewer than 3 rounds; per-round ratios and their range are not comparable "
                    + "with a recorded run");
        }
        log("estimated duration: " + estimate().describe());
        Path runDir = Files.createDirectories(out.resolve(
                DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now(ZoneOffset.UTC))));
        Path privateDir = Files.createTempDirectory("colshift-bench",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        List<Measurement> measurements = new ArrayList<>();
        List<LatencyRow> latencies = new ArrayList<>();
        Map<Stage, String> notMeasured = new EnumMap<>(Stage.class);
        try (BenchDatabase db = BenchDatabase.start(rows)) {
            db.initControlSchema();
            MachineInfo machine = MachineInfo.collect(db.serverVersion());
            BenchTarget target = db.target();
            Path targetFile = target.writeTo(privateDir.resolve("target.properties"));
            log("database ready: " + rows + " rows; results go to " + runDir);
            for (Stage stage : Stage.values()) {
                if (!stages.contains(stage)) {
                    continue;
                }
                if (stage == Stage.MIGRATING) {
                    BackfillingMigration.activate(target);
                    if (!RewriteProbe.colshiftRewrites(target, Duration.ofMillis(rewriteWaitMs))) {
                        notMeasured.put(stage, "not yet measurable in this revision — after the migration of "
                                + "bench_users.status reached backfilling, colshift still read NULL for an unbackfilled "
                                + "row instead of the fallback '" + BackfillingMigration.FALLBACK_VALUE
                                + "', i.e. it does not rewrite yet; a figure here would be a pass-through figure.");
                        log("stage " + stage + " skipped: colshift does not rewrite");
                        continue;
                    }
                }
                List<Client> stageClients = stage.clients().stream().filter(clients::contains).toList();
                if (stageClients.isEmpty()) {
                    continue;
                }
                measurements.addAll(jmh(stage, stageClients, targetFile, runDir));
                for (Client client : stageClients) {
                    latencies.addAll(latency(stage, client, targetFile, runDir));
                }
            }
            Report report = new Report(machine, MachineInfo.currentLoadAverage(), commandLine, settings(), measurements,
                    latencies, notMeasured);
            String markdown = report.markdown();
            Files.writeString(runDir.resolve("results.md"), markdown);
            System.out.println();
            System.out.println(markdown);
            log("written " + runDir.resolve("results.md"));
        } finally {
            deleteQuietly(privateDir);
        }
        return 0;
    }

    RunEstimate estimate() {
        int clientStages = 0;
        for (Stage stage : stages) {
            clientStages += (int) stage.clients().stream().filter(clients::contains).count();
        }
        return RunEstimate.of(clientStages, workloads.size(), threads.size(), rounds, warmupIterations, iterations,
                iterationMs, latencyWarmupMs, latencyMs);
    }

    private String settings() {
        return String.format(Locale.ROOT, "%d rows; HikariCP pool of %d for every client; JMH throughput in %d "
                        + "interleaved round(s), each one fork per client, workload and thread count with %d iteration(s) "
                        + "of %d ms after %d warm-up iteration(s), client order reversed every other round, -prof gc; "
                        + "vs raw paired round by round; latency driver %d ms per workload and thread count after %d ms "
                        + "warm-up, one JVM per client",
                rows, PoolSettings.POOL_SIZE, rounds, iterations, iterationMs, warmupIterations, latencyMs, latencyWarmupMs);
    }

    /** One key of the figures merged across rounds. */
    private record Cell(Workload workload, int threads, Client client) {
    }

    /** What the rounds measured for one {@link Cell}, in round order. */
    private record Rounds(List<List<Double>> scores, List<Double> allocations) {
        Rounds() {
            this(new ArrayList<>(), new ArrayList<>());
        }
    }

    private List<Measurement> jmh(Stage stage, List<Client> stageClients, Path targetFile, Path runDir) throws Exception {
        Map<Cell, Rounds> merged = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            // JMH runs a benchmark's parameter values in the order given; reversing it every other round keeps
            // any client from always running first (right after another workload) or last.
            List<Client> order = new ArrayList<>(stageClients);
            if (round % 2 == 1) {
                Collections.reverse(order);
            }
            for (int t : threads) {
                for (RunResult rr : jmhRound(stage, order, t, round, targetFile, runDir)) {
                    String label = rr.getParams().getBenchmark();
                    Workload workload = ClientBenchmark.workloadOf(label.substring(label.lastIndexOf('.') + 1));
                    Client client = Client.valueOf(rr.getParams().getParam("client"));
                    List<Double> scores = new ArrayList<>();
                    for (BenchmarkResult fork : rr.getBenchmarkResults()) {
                        for (IterationResult it : fork.getIterationResults()) {
                            scores.add(it.getPrimaryResult().getScore());
                        }
                    }
                    double alloc = rr.getSecondaryResults().entrySet().stream()
                            .filter(e -> e.getKey().endsWith("gc.alloc.rate.norm"))
                            .map(Map.Entry::getValue).mapToDouble(Result::getScore).findFirst().orElse(Double.NaN);
                    Rounds cell = merged.computeIfAbsent(new Cell(workload, t, client), c -> new Rounds());
                    cell.scores().add(scores);
                    cell.allocations().add(alloc);
                }
            }
        }
        List<Measurement> measured = new ArrayList<>();
        merged.forEach((cell, r) -> measured.add(new Measurement(stage, cell.workload(), cell.threads(), cell.client(),
                r.scores(), r.allocations().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN))));
        measured.sort(Comparator.comparing(Measurement::workload).thenComparingInt(Measurement::threads)
                .thenComparing(Measurement::client));
        return measured;
    }

    private Collection<RunResult> jmhRound(Stage stage, List<Client> order, int threadCount, int round, Path targetFile,
                                           Path runDir) throws Exception {
        String methods = workloads.stream().sorted().map(ClientBenchmark::methodOf).collect(Collectors.joining("|"));
        String resultFile = runDir.resolve("jmh-" + stage.name().toLowerCase(Locale.ROOT) + "-" + threadCount + "t-round"
                + (round + 1) + ".json").toString();
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(Pattern.quote(ClientBenchmark.class.getName()) + "\\.(" + methods + ")$")
                .param("client", order.stream().map(Client::name).toArray(String[]::new))
                .param("stage", stage.name())
                .threads(threadCount)
                .forks(1)
                .warmupIterations(warmupIterations)
                .warmupTime(TimeValue.milliseconds(iterationMs))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.milliseconds(iterationMs))
                .timeUnit(TimeUnit.SECONDS)
                .addProfiler(GCProfiler.class)
                .jvmArgsAppend("-Xms1g", "-Xmx1g", "-D" + BenchTarget.FILE_PROPERTY + "=" + targetFile, LOG_LEVEL)
                .result(resultFile)
                .resultFormat(ResultFormatType.JSON);
        log("JMH round " + (round + 1) + " of " + rounds + ": " + stage + ", " + threadCount + " thread(s), clients "
                + order);
        return new Runner(options.build()).run();
    }

    private List<LatencyRow> latency(Stage stage, Client client, Path targetFile, Path runDir)
            throws IOException, InterruptedException {
        Path csv = runDir.resolve("latency-" + stage.name().toLowerCase(Locale.ROOT) + "-"
                + client.name().toLowerCase(Locale.ROOT) + ".csv");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms1g", "-Xmx1g", LOG_LEVEL,
                "-cp", System.getProperty("java.class.path"),
                LatencyRun.class.getName(),
                "--target", targetFile.toString(),
                "--stage", stage.name(),
                "--client", client.name(),
                "--workloads", workloads.stream().sorted().map(Workload::name).collect(Collectors.joining(",")),
                "--threads", threads.stream().map(String::valueOf).collect(Collectors.joining(",")),
                "--warmup-ms", Integer.toString(latencyWarmupMs),
                "--measure-ms", Integer.toString(latencyMs),
                "--out", csv.toString()));
        log("latency: " + stage + ", " + client);
        Process p = new ProcessBuilder(command).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("latency run of " + client + " in stage " + stage + " failed (exit "
                    + p.exitValue() + "); see its output above");
        }
        try (Stream<String> lines = Files.lines(csv)) {
            return lines.skip(1).map(LatencyRow::parse).toList();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }

    private static void log(String message) {
        System.out.println("[colshift-benchmarks] " + message);
    }
}
