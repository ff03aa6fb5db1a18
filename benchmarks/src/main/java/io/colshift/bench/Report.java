package io.colshift.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a run's figures into the Markdown that goes into BENCHMARKS.md: one table per stage with
 * every client as a ratio of raw pgjdbc measured in the same run, then every budget, met or missed.
 */
public final class Report {

    static final double PASS_THROUGH_BUDGET = 0.98;
    static final double REWRITING_BUDGET = 0.95;
    private static final List<Client> PEERS = List.of(Client.P6SPY, Client.DATASOURCE_PROXY, Client.SHARDINGSPHERE);

    private final MachineInfo machine;
    private final String loadAfter;
    private final String command;
    private final String settings;
    private final List<Measurement> measurements;
    private final List<LatencyRow> latencies;
    private final Map<Stage, String> notMeasured;

    public Report(MachineInfo machine, String loadAfter, String command, String settings,
                  List<Measurement> measurements, List<LatencyRow> latencies, Map<Stage, String> notMeasured) {
        this.machine = machine;
        this.loadAfter = loadAfter;
        this.command = command;
        this.settings = settings;
        this.measurements = measurements;
        this.latencies = latencies;
        this.notMeasured = notMeasured;
    }

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("Command: `").append(command).append("`  \n");
        md.append("Settings: ").append(settings).append("  \n");
        md.append("Date: ").append(machine.date()).append(" · revision ").append(machine.revision()).append("  \n");
        md.append("Machine: ").append(machine.cores()).append(" cores (nproc), ").append(machine.memory())
                .append(", ").append(machine.cpuModel()).append(" · ").append(machine.os()).append("  \n");
        md.append("Load average (1, 5, 15 min): ").append(machine.loadAverage()).append(" before, ")
                .append(loadAfter).append(" after  \n");
        md.append("JDK: ").append(machine.jdk()).append("  \n");
        md.append("PostgreSQL: ").append(machine.postgres()).append("\n\n");
        for (Stage stage : Stage.values()) {
            md.append("#### ").append(stage.description()).append("\n\n");
            if (notMeasured.containsKey(stage)) {
                md.append("Not measured: ").append(notMeasured.get(stage)).append("\n\n");
                continue;
            }
            List<Measurement> rows = measurements.stream().filter(m -> m.stage() == stage)
                    .sorted(Comparator.comparing(Measurement::workload).thenComparingInt(Measurement::threads)
                            .thenComparing(Measurement::client))
                    .toList();
            if (rows.isEmpty()) {
                md.append("Not run.\n\n");
                continue;
            }
            md.append("| workload | threads | client | ops/s median | min – max (spread) | vs raw | p50 µs | p99 µs | alloc B/op |\n");
            md.append("|---|---:|---|---:|---|---:|---:|---:|---:|\n");
            for (Measurement m : rows) {
                Optional<LatencyRow> lat = latency(m.stage(), m.client(), m.workload(), m.threads());
                md.append(String.format(Locale.ROOT, "| %s | %d | %s | %,.0f | %,.0f – %,.0f (%.1f %%) | %s | %s | %s | %s |%n",
                        m.workload().description(), m.threads(), m.client().label(), m.median(), m.min(), m.max(),
                        100 * m.relativeSpread(), ratio(m).map(Report::percent).orElse("–"),
                        lat.map(l -> String.format(Locale.ROOT, "%.0f", l.p50Micros())).orElse("–"),
                        lat.map(l -> String.format(Locale.ROOT, "%.0f", l.p99Micros())).orElse("–"),
                        Double.isNaN(m.allocatedBytesPerOp()) ? "–"
                                : String.format(Locale.ROOT, "%,.0f", m.allocatedBytesPerOp())));
            }
            md.append('\n');
        }
        md.append(budgets());
        return md.toString();
    }

    private String budgets() {
        StringBuilder md = new StringBuilder("#### Budgets\n\n"
                + "Verdicts compare medians. Peers are measured without a migration only (they know none), so "
                + "colshift rewriting is held against their ratio to raw from that stage.\n\n| budget | workload | threads | measured | verdict |\n|---|---|---:|---|---|\n");
        for (Measurement m : sorted(Stage.IDLE, Client.COLSHIFT)) {
            ratio(m).ifPresent(r -> md.append(row("colshift pass-through ≥ 98 % of raw", m, percent(r),
                    r >= PASS_THROUGH_BUDGET)));
        }
        for (Measurement m : sorted(Stage.MIGRATING, Client.COLSHIFT)) {
            ratio(m).ifPresent(r -> md.append(row("colshift rewriting ≥ 95 % of raw", m, percent(r), r >= REWRITING_BUDGET)));
        }
        for (Stage stage : Stage.values()) {
            for (Measurement m : sorted(stage, Client.COLSHIFT)) {
                Optional<Double> own = ratio(m);
                if (own.isEmpty()) {
                    continue;
                }
                List<String> ahead = new ArrayList<>();
                List<String> behind = new ArrayList<>();
                for (Client peer : PEERS) {
                    find(Stage.IDLE, peer, m.workload(), m.threads()).flatMap(this::ratio).ifPresent(p ->
                            (own.get() > p ? ahead : behind).add(peer.label() + " " + percent(p)));
                }
                if (ahead.isEmpty() && behind.isEmpty()) {
                    continue;
                }
                String what = "colshift " + (stage == Stage.IDLE ? "pass-through" : "rewriting") + " ahead of every peer";
                String measured = percent(own.get()) + " vs " + String.join(", ", concat(ahead, behind));
                md.append(row(what, m, measured, behind.isEmpty()));
            }
        }
        return md.append('\n').toString();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static String row(String budget, Measurement m, String measured, boolean met) {
        return "| " + budget + " | " + m.workload().description() + " | " + m.threads() + " | " + measured + " | "
                + (met ? "met" : "**missed**") + " |\n";
    }

    private List<Measurement> sorted(Stage stage, Client client) {
        return measurements.stream().filter(m -> m.stage() == stage && m.client() == client)
                .sorted(Comparator.comparing(Measurement::workload).thenComparingInt(Measurement::threads)).toList();
    }

    /** Median throughput as a fraction of raw pgjdbc's median in the same stage, workload and thread count. */
    Optional<Double> ratio(Measurement m) {
        return find(m.stage(), Client.RAW, m.workload(), m.threads()).map(raw -> m.median() / raw.median());
    }

    private Optional<Measurement> find(Stage stage, Client client, Workload workload, int threads) {
        return measurements.stream().filter(m -> m.stage() == stage && m.client() == client
                && m.workload() == workload && m.threads() == threads).findFirst();
    }

    private Optional<LatencyRow> latency(Stage stage, Client client, Workload workload, int threads) {
        return latencies.stream().filter(l -> l.stage() == stage && l.client() == client && l.workload() == workload
                && l.threads() == threads).findFirst();
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * ratio);
    }
}
