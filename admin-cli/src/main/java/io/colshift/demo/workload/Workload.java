package io.colshift.demo.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Runs client threads of one simulated application at a steady rate until stopped. A thread that
 * falls behind does not try to catch up in a burst: the rate is what a steady user population
 * sends, not a benchmark's closed loop, so the database keeps headroom for the migration itself.
 */
public final class Workload implements AutoCloseable {

    private final List<Thread> threads = new ArrayList<>();
    private final WorkloadStats stats;
    private volatile boolean running = true;

    private Workload(WorkloadStats stats) {
        this.stats = stats;
    }

    /**
     * @param name                 thread name prefix
     * @param threadCount          client threads
     * @param opsPerSecondPerThread target rate of each thread
     * @param clients              creates the client for thread {@code i}
     */
    public static Workload start(String name, int threadCount, double opsPerSecondPerThread,
                                 IntFunction<AppClient> clients, WorkloadStats stats) {
        Workload workload = new Workload(stats);
        long intervalNanos = (long) (1e9 / opsPerSecondPerThread);
        for (int i = 0; i < threadCount; i++) {
            AppClient client = clients.apply(i);
            Thread t = new Thread(() -> workload.loop(client, intervalNanos), name + "-client-" + i);
            t.setDaemon(true);
            workload.threads.add(t);
        }
        workload.threads.forEach(Thread::start);
        return workload;
    }

    public WorkloadStats stats() {
        return stats;
    }

    private void loop(AppClient client, long intervalNanos) {
        long next = System.nanoTime();
        while (running) {
            long start = System.nanoTime();
            try {
                client.next();
                stats.success(System.nanoTime() - start);
            } catch (ResultMismatch m) {
                stats.mismatch(client.lastOperation(), m);
            } catch (Exception e) {
                stats.failure(client.lastOperation(), e);
            }
            next += intervalNanos;
            long now = System.nanoTime();
            if (next - now > 0) {
                LockSupport.parkNanos(next - now);
            } else if (now - next > TimeUnit.SECONDS.toNanos(1)) {
                next = now;
            }
        }
    }

    /** Stops the clients after their current operation and waits for them. */
    @Override
    public void close() {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
