package io.colshift.bench;

import java.util.Locale;

/** One line of a latency run's output: the latency driver's figures for one client, workload and thread count. */
public record LatencyRow(Stage stage, Client client, Workload workload, int threads, long operations, long errors,
                         double opsPerSecond, double p50Micros, double p99Micros, double p999Micros) {

    public static final String HEADER = "stage,client,workload,threads,operations,errors,ops_per_s,p50_us,p99_us,p999_us";

    public static LatencyRow of(Stage stage, Client client, Workload workload, int threads, LatencyResult r) {
        return new LatencyRow(stage, client, workload, threads, r.operations(), r.errors(), r.opsPerSecond(),
                r.p50Micros(), r.p99Micros(), r.p999Micros());
    }

    public String csv() {
        return String.format(Locale.ROOT, "%s,%s,%s,%d,%d,%d,%.1f,%.1f,%.1f,%.1f", stage, client, workload, threads,
                operations, errors, opsPerSecond, p50Micros, p99Micros, p999Micros);
    }

    public static LatencyRow parse(String line) {
        String[] f = line.split(",");
        if (f.length != 10) {
            throw new IllegalArgumentException("not a latency row: " + line);
        }
        return new LatencyRow(Stage.valueOf(f[0]), Client.valueOf(f[1]), Workload.valueOf(f[2]), Integer.parseInt(f[3]),
                Long.parseLong(f[4]), Long.parseLong(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7]),
                Double.parseDouble(f[8]), Double.parseDouble(f[9]));
    }
}
