package io.colshift.bench;

import io.colshift.rewrite.RewriteEngine;
import io.colshift.state.Phase;
import io.colshift.state.StateSnapshot;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;

/**
 * Heap held by a full rewrite cache: fills an engine with {@code colshift.cacheSize} (default 10 000)
 * distinct rewritten corpus statements and reports the retained heap growth (budget ≤ 50 MB).
 * The SQL strings themselves are counted: in an application the cache is what keeps them alive.
 *
 * <p>Run from the repository root: {@code java -cp benchmarks/target/benchmarks.jar io.colshift.bench.RewriteCacheFootprint}
 */
public final class RewriteCacheFootprint {

    private RewriteCacheFootprint() {
    }

    public static void main(String[] args) throws InterruptedException {
        int entries = Integer.getInteger("colshift.cacheSize", 10_000);
        List<String> corpus = RewriteBenchmark.Corpus.statements();
        StateSnapshot snapshot = RewriteBenchmark.snapshot(Phase.DECLARED, 7);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

        long before = settledHeap(memory);
        RewriteEngine engine = new RewriteEngine(entries);
        int rewritten = 0;
        for (int i = 0; engine.cachedEntries() < entries && i < entries * 4; i++) {
            String base = corpus.get(i % corpus.size());
            // distinct texts of corpus shape: the same statement with a different trailing comment
            String sql = base + " /* q" + i + " */";
            if (!engine.rewrite(sql, snapshot).isUnchanged()) {
                rewritten++;
            }
        }
        engine.cleanUp();
        long after = settledHeap(memory);
        long bytes = after - before;
        System.out.printf("cached entries: %d (rewritten %d)%n", engine.cachedEntries(), rewritten);
        System.out.printf("retained heap: %.1f MB (%.0f bytes per entry)%n", bytes / 1048576.0,
                (double) bytes / Math.max(1, engine.cachedEntries()));
        System.out.println(engine.stats());
        engine.close();
    }

    private static long settledHeap(MemoryMXBean memory) throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
