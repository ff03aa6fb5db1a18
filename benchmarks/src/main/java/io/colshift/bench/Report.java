package io.colshift.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a run's figures into the Markdown that goes into BENCHMARKS.md: one table per stage with
 * every client as a ratio of raw pgjdbc paired round by round, then every budget: met, missed, or not
 * settled when the budget lies within the round-to-round range.
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
            md.append("| workload | threads | client | ops/s median | min – max (spread) | vs raw | vs raw, rounds min – max "
                    + "| p50 µs | p99 µs | alloc B/op |\n");
            md.append("|---|---:|---|---:|---|---:|---|---:|---:|---:|\n");
            for (Measurement m : rows) {
                Optional<LatencyRow> lat = latency(m.stage(), m.client(), m.workload(), m.threads());
                Optional<PairedRatio> ratio = ratio(m);
                md.append(String.format(Locale.ROOT, "| %s | %d | %s | %,.0f | %,.0f – %,.0f (%.1f %%) | %s | %s | %s | %s | %s |%n",
                        m.workload().description(), m.threads(), m.client().label(), m.median(), m.min(), m.max(),
                        100 * m.relativeSpread(), ratio.map(r -> percent(r.median())).orElse("–"),
                        ratio.map(Report::range).orElse("–"),
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
                + "Verdicts use ratios paired round by round: in each round a client's median is divided by raw "
                + "pgjdbc's median of the same round, which ran right next to it; shown is the median of those "
                + "ratios and their range over the rounds. A budget is met when every round reaches it, missed "
                + "when no round does, and not settled when it lies within the round-to-round range. colshift is "
                + "ahead of a peer when its median beats the peer's in every round of the same stage; peers run "
                + "the same SQL as raw pgjdbc in both stages.\n\n"
                + "| budget | workload | threads | measured | verdict |\n|---|---|---:|---|---|\n");
        for (Measurement m : sorted(Stage.IDLE, Client.COLSHIFT)) {
            ratio(m).ifPresent(r -> md.append(row("colshift pass-through ≥ 98 % of raw", m, withRange(r),
                    r.against(PASS_THROUGH_BUDGET))));
        }
        for (Measurement m : sorted(Stage.MIGRATING, Client.COLSHIFT)) {
            ratio(m).ifPresent(r -> md.append(row("colshift rewriting ≥ 95 % of raw", m, withRange(r),
                    r.against(REWRITING_BUDGET))));
        }
        for (Stage stage : Stage.values()) {
            for (Measurement m : sorted(stage, Client.COLSHIFT)) {
                ratio(m).flatMap(own -> aheadOfPeers(m, own)).ifPresent(md::append);
            }
        }
        return md.append('\n').toString();
    }

    /**
     * The row comparing colshift ({@code m}, {@code own} its ratio to raw) with every peer measured in the same
     * stage, workload and thread count; empty when no peer was.
     */
    private Optional<String> aheadOfPeers(Measurement m, PairedRatio own) {
        Map<Verdict, List<String>> byVerdict = new EnumMap<>(Verdict.class);
        for (Client peer : PEERS) {
            Optional<Measurement> peerMeasurement = find(m.stage(), peer, m.workload(), m.threads());
            Optional<PairedRatio> peerRatio = peerMeasurement.flatMap(this::ratio);
            Optional<PairedRatio> versusPeer = peerMeasurement.flatMap(p -> PairedRatio.of(m, p));
            if (peerRatio.isEmpty() || versusPeer.isEmpty()) {
                continue;
            }
            Verdict ahead = versusPeer.get().against(1.0);
            String figure = peer.label() + " " + percent(peerRatio.get().median());
            if (ahead == Verdict.NOT_SETTLED) {
                long won = versusPeer.get().perRound().stream().filter(r -> r >= 1.0).count();
                figure += " (colshift ahead in " + won + " of " + versusPeer.get().perRound().size() + " rounds)";
            }
            byVerdict.computeIfAbsent(ahead, v -> new ArrayList<>()).add(figure);
        }
        if (byVerdict.isEmpty()) {
            return Optional.empty();
        }
        // an EnumMap iterates in verdict order: peers colshift is ahead of first, then unsettled, then behind
        List<String> figures = byVerdict.values().stream().flatMap(List::stream).toList();
        String what = "colshift " + (m.stage() == Stage.IDLE ? "pass-through" : "rewriting") + " ahead of every peer";
        String measured = percent(own.median()) + " vs " + String.join(", ", figures);
        return Optional.of(row(what, m, measured, Verdict.allOf(byVerdict.keySet())));
    }

    private static String row(String budget, Measurement m, String measured, Verdict verdict) {
        return "| " + budget + " | " + m.workload().description() + " | " + m.threads() + " | " + measured + " | "
                + verdict.text() + " |\n";
    }

    private List<Measurement> sorted(Stage stage, Client client) {
        return measurements.stream().filter(m -> m.stage() == stage && m.client() == client)
                .sorted(Comparator.comparing(Measurement::workload).thenComparingInt(Measurement::threads)).toList();
    }

    /** Throughput as a fraction of raw pgjdbc's, paired round by round, in the same stage, workload and thread count. */
    Optional<PairedRatio> ratio(Measurement m) {
        return find(m.stage(), Client.RAW, m.workload(), m.threads()).flatMap(raw -> PairedRatio.of(m, raw));
    }

    private Optional<Measurement> find(Stage stage, Client client, Workload workload, int threads) {
        return measurements.stream().filter(m -> m.stage() == stage && m.client() == client
                && m.workload() == workload && m.threads() == threads).findFirst();
    }

    private Optional<LatencyRow> latency(Stage stage, Client client, Workload workload, int threads) {
        return latencies.stream().filter(l -> l.stage() == stage && l.client() == client && l.workload() == workload
                && l.threads() == threads).findFirst();
    }

    private static String withRange(PairedRatio r) {
        return percent(r.median()) + " (rounds " + range(r) + ")";
    }

    private static String range(PairedRatio r) {
        return String.format(Locale.ROOT, "%.1f – %.1f %%", 100 * r.min(), 100 * r.max());
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * ratio);
    }
}
