package io.colshift.bench;

import org.HdrHistogram.Histogram;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A plain closed-loop load driver for what JMH's throughput mode does not give: the latency of every
 * single operation (into an HdrHistogram), from a fixed number of client threads. Each thread runs
 * a warm-up phase first, then records until the deadline or its operation budget, whichever comes first.
 */
public final class LatencyDriver {

    private static final long HIGHEST_TRACKABLE_NANOS = Duration.ofSeconds(60).toNanos();

    private final DataSource dataSource;
    private final Statements sql;
    private final String tag;
    private final int rows;

    public LatencyDriver(ClientPool pool, Statements sql, int rows) {
        this.dataSource = pool.dataSource();
        this.sql = sql;
        this.tag = pool.client().name().toLowerCase(java.util.Locale.ROOT);
        this.rows = rows;
    }

    /** Runs for {@code warmup}, then measures for {@code measure}. */
    public LatencyResult runFor(Workload workload, int threads, Duration warmup, Duration measure)
            throws InterruptedException {
        return run(workload, threads, warmup.toNanos(), measure.toNanos(), Long.MAX_VALUE);
    }

    /** Runs exactly {@code operationsPerThread} measured operations per thread, without warm-up. */
    public LatencyResult runOperations(Workload workload, int threads, long operationsPerThread)
            throws InterruptedException {
        return run(workload, threads, 0, Long.MAX_VALUE / 4, operationsPerThread);
    }

    private LatencyResult run(Workload workload, int threads, long warmupNanos, long measureNanos, long opsPerThread)
            throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Caller> callers = new ArrayList<>(threads);
        List<Thread> running = new ArrayList<>(threads);
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        for (int i = 0; i < threads; i++) {
            Caller caller = new Caller(workload, new Operands(tag, rows), firstError);
            callers.add(caller);
            Thread t = new Thread(() -> {
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                caller.loop(warmupNanos, measureNanos, opsPerThread);
            }, "load-" + workload.name().toLowerCase(java.util.Locale.ROOT) + "-" + i);
            running.add(t);
            t.start();
        }
        ready.await();
        go.countDown();
        for (Thread t : running) {
            t.join();
        }
        Histogram all = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
        long ops = 0;
        long errors = 0;
        long elapsed = 0;
        long deltaSum = 0;
        for (Caller c : callers) {
            deltaSum += c.deltaSum;
            all.add(c.histogram);
            ops += c.operations;
            errors += c.errors;
            elapsed = Math.max(elapsed, c.measuredNanos);
        }
        return new LatencyResult(ops, errors, firstError.get(), elapsed, all, deltaSum);
    }

    private final class Caller {
        private final Workload workload;
        private final Operands operands;
        private final AtomicReference<Throwable> firstError;
        private final Histogram histogram = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
        private long operations;
        private long errors;
        private long measuredNanos;
        private long deltaSum;

        Caller(Workload workload, Operands operands, AtomicReference<Throwable> firstError) {
            this.workload = workload;
            this.operands = operands;
            this.firstError = firstError;
        }

        void loop(long warmupNanos, long measureNanos, long opsBudget) {
            long warmupEnd = System.nanoTime() + warmupNanos;
            while (warmupNanos > 0 && System.nanoTime() < warmupEnd) {
                call(false);
            }
            long start = System.nanoTime();
            long end = start + measureNanos;
            while (operations + errors < opsBudget && System.nanoTime() < end) {
                call(true);
            }
            measuredNanos = System.nanoTime() - start;
        }

        private void call(boolean record) {
            operands.next();
            long t0 = System.nanoTime();
            try {
                workload.run(dataSource, sql, operands);
            } catch (Exception | AssertionError e) {
                if (record) {
                    errors++;
                }
                firstError.compareAndSet(null, e);
                return;
            }
            if (record) {
                histogram.recordValue(Math.min(System.nanoTime() - t0, HIGHEST_TRACKABLE_NANOS));
                operations++;
                deltaSum += operands.delta;
            }
        }
    }
}
