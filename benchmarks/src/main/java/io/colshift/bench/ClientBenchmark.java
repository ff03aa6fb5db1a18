package io.colshift.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of the four workloads through each {@link Client}. {@link SuiteRunner} runs it against one
 * database for the whole run (passed in {@value BenchTarget#FILE_PROPERTY}); run on its own
 * ({@code java -jar benchmarks.jar ClientBenchmark}) each fork starts a database of its own.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ClientBenchmark {

    static final int OWN_DATABASE_ROWS = 100_000;

    @Param({"RAW", "COLSHIFT", "P6SPY", "DATASOURCE_PROXY", "SHARDINGSPHERE"})
    public Client client;

    @Param({"IDLE"})
    public Stage stage;

    private BenchDatabase ownDatabase;
    private BenchTarget target;
    private ClientPool pool;
    private Statements sql;

    @Setup(Level.Trial)
    public void open() throws Exception {
        String file = System.getProperty(BenchTarget.FILE_PROPERTY);
        if (file != null) {
            target = BenchTarget.readFrom(Path.of(file));
        } else {
            ownDatabase = BenchDatabase.start(OWN_DATABASE_ROWS);
            ownDatabase.initControlSchema();
            target = ownDatabase.target();
            if (stage == Stage.MIGRATING) {
                BackfillingMigration.activate(target);
            }
        }
        sql = stage.statements();
        pool = client.open(target);
    }

    @TearDown(Level.Trial)
    public void close() throws Exception {
        try {
            if (pool != null) {
                pool.close();
            }
        } finally {
            if (ownDatabase != null) {
                ownDatabase.close();
            }
        }
    }

    /** The arguments of one client thread. */
    @State(Scope.Thread)
    public static class Caller {
        Operands operands;

        @Setup(Level.Trial)
        public void draw(ClientBenchmark bench) {
            operands = new Operands(bench.client.name().toLowerCase(Locale.ROOT), bench.target.rows());
        }
    }

    @Benchmark
    public long pointSelect(Caller caller) throws SQLException {
        return Workload.POINT_SELECT.run(pool.dataSource(), sql, caller.operands.next());
    }

    @Benchmark
    public long insert(Caller caller) throws SQLException {
        return Workload.INSERT.run(pool.dataSource(), sql, caller.operands.next());
    }

    @Benchmark
    public long update(Caller caller) throws SQLException {
        return Workload.UPDATE.run(pool.dataSource(), sql, caller.operands.next());
    }

    @Benchmark
    public long tpcb(Caller caller) throws SQLException {
        return Workload.TPCB.run(pool.dataSource(), sql, caller.operands.next());
    }

    /** The benchmark method that runs {@code workload}. */
    static String methodOf(Workload workload) {
        return switch (workload) {
            case POINT_SELECT -> "pointSelect";
            case INSERT -> "insert";
            case UPDATE -> "update";
            case TPCB -> "tpcb";
        };
    }

    /** The workload each benchmark method runs, for reports. */
    static Workload workloadOf(String benchmarkMethod) {
        return switch (benchmarkMethod) {
            case "pointSelect" -> Workload.POINT_SELECT;
            case "insert" -> Workload.INSERT;
            case "update" -> Workload.UPDATE;
            case "tpcb" -> Workload.TPCB;
            default -> throw new IllegalArgumentException("no workload behind benchmark method " + benchmarkMethod);
        };
    }
}
