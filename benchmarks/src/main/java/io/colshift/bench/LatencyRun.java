package io.colshift.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Latency of one client in a JVM of its own (as JMH forks each benchmark), so that no client runs on
 * code the JIT compiled for another. {@link SuiteRunner} starts it once per client and stage.
 */
@Command(name = "latency-run", description = "Measures per-operation latency of one client with the latency driver.")
public final class LatencyRun implements Callable<Integer> {

    @Option(names = "--target", required = true, description = "file written by BenchTarget.writeTo")
    Path targetFile;

    @Option(names = "--stage", required = true)
    Stage stage;

    @Option(names = "--client", required = true)
    Client client;

    @Option(names = "--workloads", split = ",", required = true)
    List<Workload> workloads;

    @Option(names = "--threads", split = ",", required = true)
    List<Integer> threads;

    @Option(names = "--warmup-ms", defaultValue = "1000")
    long warmupMs;

    @Option(names = "--measure-ms", defaultValue = "2000")
    long measureMs;

    @Option(names = "--out", required = true, description = "CSV file the rows are written to")
    Path out;

    public static void main(String[] args) {
        System.exit(new CommandLine(new LatencyRun()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        BenchTarget target = BenchTarget.readFrom(targetFile);
        List<String> lines = new ArrayList<>();
        lines.add(LatencyRow.HEADER);
        try (ClientPool pool = client.open(target)) {
            LatencyDriver driver = new LatencyDriver(pool, stage.statements(), target.rows());
            for (Workload workload : workloads) {
                for (int t : threads) {
                    LatencyResult r = driver.runFor(workload, t, Duration.ofMillis(warmupMs), Duration.ofMillis(measureMs));
                    if (r.errors() > 0) {
                        throw new IllegalStateException(client + " " + workload + " failed " + r.errors() + " times",
                                r.firstError());
                    }
                    lines.add(LatencyRow.of(stage, client, workload, t, r).csv());
                }
            }
        }
        Files.write(out, lines);
        return 0;
    }
}
