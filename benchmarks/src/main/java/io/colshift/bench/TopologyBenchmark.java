package io.colshift.bench;

import io.colshift.embedded.LocalPostgres;
import io.colshift.embedded.PgBouncer;
import io.colshift.embedded.PrimaryStandby;
import io.colshift.state.StateWatchers;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Propagation and control-plane cost per topology, on servers of its own: a primary, a hot standby streaming
 * from it with no replay delay, and PgBouncer in transaction mode in front of the primary (all on 127.0.0.1).
 *
 * <ol>
 *   <li>Propagation ({@link PropagationProbe}): p50/p99 from the commit of a flag change on the primary until a
 *       driver connection's next statement runs under it, for a driver on the primary with {@code LISTEN}, on the
 *       primary polling only ({@code colshift.listen=false}), on the standby, through PgBouncer (with and
 *       without a direct {@code colshift.watchUrl}), and on the primary with {@code colshift.watch=false}.</li>
 *   <li>colshift's own connections per instance and control-plane transactions per second per 100 instances
 *       ({@link ControlPlaneCost}), for {@code colshift.watch=true} and {@code false}.</li>
 * </ol>
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar io.colshift.bench.TopologyBenchmark [flips] [pollMs]
 * [instances] [windowMs]} (defaults 50, 1000, 100, 15000). It prints a Markdown report.
 */
public final class TopologyBenchmark {

    private TopologyBenchmark() {
    }

    /** What one run measured. */
    record Report(List<PropagationProbe.Result> propagation, List<ControlPlaneCost.Result> cost, String loadBefore,
                  String loadAfter, MachineInfo machine, int flips, long pollMs) {
    }

    public static void main(String[] args) throws Exception {
        int flips = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        long pollMs = args.length > 1 ? Long.parseLong(args[1]) : 1000;
        int instances = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        long windowMs = args.length > 3 ? Long.parseLong(args[3]) : 15_000;
        System.out.println(markdown(run(flips, pollMs, instances, windowMs)));
    }

    static Report run(int flips, long pollMs, int instances, long windowMs) throws Exception {
        String loadBefore = MachineInfo.currentLoadAverage();
        try (PrimaryStandby pair = PrimaryStandby.start(Duration.ZERO)) {
            LocalPostgres primary = pair.primary();
            LocalPostgres standby = pair.standby();
            try (PgBouncer bouncer = PgBouncer.transactionPool(primary.jdbcUrl("postgres"), primary.user(),
                    primary.password(), 4);
                 Connection writer = primary.connect("postgres")) {
                try (Statement st = writer.createStatement()) {
                    st.execute("CREATE TABLE bench_users (id bigint PRIMARY KEY, name text NOT NULL)");
                }
                List<PropagationProbe> probes = List.of(
                        probe("primary, LISTEN + poll", colshift(primary.jdbcUrl("postgres")), primary, pollMs,
                                "bench_listen", "colshift.listen", "true"),
                        probe("primary, poll only (colshift.listen=false)", colshift(primary.jdbcUrl("postgres")),
                                primary, pollMs, "bench_poll", "colshift.listen", "false"),
                        probe("hot standby (replay delay 0), poll", colshift(standby.jdbcUrl("postgres")), primary,
                                pollMs, "bench_standby", null, null),
                        probe("PgBouncer transaction mode, watcher through it", colshift(bouncer.jdbcUrl("postgres")),
                                primary, pollMs, "bench_bouncer", null, null),
                        probe("PgBouncer transaction mode, colshift.watchUrl direct", colshift(bouncer.jdbcUrl("postgres")),
                                primary, pollMs, "bench_bouncer_direct", "colshift.watchUrl", primary.jdbcUrl("postgres")),
                        probe("primary, colshift.watch=false", colshift(primary.jdbcUrl("postgres")), primary, pollMs,
                                "bench_nowatch", "colshift.watch", "false"));
                for (PropagationProbe p : probes) {
                    PropagationProbe.prepare(writer, p.schema());
                }
                pair.awaitReplay(Duration.ofSeconds(30));
                List<PropagationProbe.Result> propagation = new ArrayList<>();
                try {
                    for (PropagationProbe p : probes) {
                        boolean listens = "true".equals(p.driverProps().getProperty("colshift.listen"))
                                || p.driverProps().getProperty("colshift.watchUrl") != null;
                        PropagationProbe.Result r = p.measure(writer, flips, listens ? 50 : pollMs);
                        System.err.printf(Locale.ROOT, "%s: p50 %.1f ms, p99 %.1f ms (%d runs)%n", r.topology(),
                                r.p50(), r.p99(), r.runs());
                        propagation.add(r);
                    }
                } finally {
                    StateWatchers.closeAll();
                }
                ControlPlaneCost cost = new ControlPlaneCost("jdbc:postgresql://127.0.0.1:" + primary.port(),
                        primary.user(), primary.password());
                cost.prepare("bench_fleet", instances);
                List<ControlPlaneCost.Result> costs = new ArrayList<>();
                for (boolean watch : new boolean[]{true, false}) {
                    ControlPlaneCost.Result r = cost.measure("colshift.watch=" + watch, "bench_fleet", instances,
                            watch, pollMs, 3_000, windowMs, 20);
                    System.err.printf(Locale.ROOT, "%s: %d own connections for %d instances, %.1f tx/s%n", r.mode(),
                            r.colshiftConnections(), r.instances(), r.serverTxPerSecond());
                    costs.add(r);
                }
                String version = primary.queryString("postgres", "SELECT version()");
                return new Report(propagation, costs, loadBefore, MachineInfo.currentLoadAverage(),
                        MachineInfo.collect(version), flips, pollMs);
            }
        }
    }

    private static PropagationProbe probe(String name, String url, LocalPostgres server, long pollMs, String schema,
                                          String key, String value) {
        Properties p = new Properties();
        p.setProperty("user", server.user());
        p.setProperty("password", server.password());
        p.setProperty("colshift.controlSchema", schema);
        p.setProperty("colshift.pollMs", Long.toString(pollMs));
        if (key != null) {
            p.setProperty(key, value);
        }
        return new PropagationProbe(name, url, p, schema);
    }

    private static String colshift(String jdbcUrl) {
        return "jdbc:colshift:" + jdbcUrl.substring("jdbc:".length());
    }

    static String markdown(Report r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Propagation: commit of a flag change -> the driver connection's next "
                + "statement runs under it; %d flips per topology, colshift.pollMs=%d%n%n", r.flips(), r.pollMs()));
        out.append("| topology | p50 | p99 | min – max | runs | state origin at the end |\n");
        out.append("|---|---:|---:|---:|---:|---|\n");
        for (PropagationProbe.Result p : r.propagation()) {
            out.append(String.format(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f – %.1f ms | %d%s | %s |%n",
                    p.topology(), p.p50(), p.p99(), p.min(), p.max(), p.runs(),
                    p.timeouts() > 0 ? " (" + p.timeouts() + " not seen in 30 s)" : "", p.stateOrigin()));
        }
        out.append("\nControl-plane cost, ").append(r.cost().isEmpty() ? 0 : r.cost().get(0).instances())
                .append(" instances, statements running\n\n");
        out.append("| mode | colshift connections per instance | colshift transactions/s per 100 instances "
                + "(server, over the instances' life) | watcher counters/s per 100 instances, window only (polls + "
                + "reloads + heartbeats + inline refreshes) | life, window |\n");
        out.append("|---|---:|---:|---:|---:|\n");
        for (ControlPlaneCost.Result c : r.cost()) {
            out.append(String.format(Locale.ROOT, "| %s | %.2f (%d for %d, %d application connections) | %.1f | "
                            + "%.1f (%d + %d + %d + %d) | %.1f s, %.1f s with %d statements |%n", c.mode(),
                    c.connectionsPerInstance(), c.colshiftConnections(), c.instances(), c.applicationConnections(),
                    c.serverTxPer100(), c.driverQueriesPer100(), c.polls(), c.reloads(), c.heartbeats(),
                    c.inlineRefreshes(), c.lifetimeSeconds(), c.windowSeconds(), c.statements()));
        }
        MachineInfo m = r.machine();
        out.append(String.format(Locale.ROOT, "%nDate: %s · revision %s  %nMachine: %d cores, %s, %s · %s  %n"
                        + "Load average (1, 5, 15 min): %s before, %s after  %nJDK: %s  %nPostgreSQL: %s%n",
                m.date(), m.revision(), m.cores(), m.memory(), m.cpuModel(), m.os(), r.loadBefore(), r.loadAfter(),
                m.jdk(), m.postgres()));
        return out.toString();
    }
}
