package io.colshift.rewrite;

import io.colshift.rewrite.Corpus.Entry;
import io.colshift.rewrite.Corpus.Variant;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentRewriteTest {

    @Test
    void manyThreadsRewritingTheCorpusAtOnceGetWhatOneThreadGets() throws Exception {
        List<Entry> corpus = Corpus.load();
        List<String> expected = new ArrayList<>();
        try (RewriteEngine single = Rewrites.engine(10_000)) {
            for (Variant v : Variant.values()) {
                for (Entry e : corpus) {
                    expected.add(single.rewrite(e.sql, v.snapshot()).toString());
                }
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        // a cache smaller than the corpus: threads share evictions and recomputations, not just hits
        try (RewriteEngine shared = Rewrites.engine(500)) {
            List<Future<List<String>>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                Callable<List<String>> run = () -> {
                    List<String> got = new ArrayList<>();
                    for (Variant v : Variant.values()) {
                        for (Entry e : corpus) {
                            got.add(shared.rewrite(e.sql, v.snapshot()).toString());
                        }
                    }
                    return got;
                };
                runs.add(pool.submit(run));
            }
            for (Future<List<String>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
            assertThat(shared.stats().failedOpen()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }
}
