package io.colshift.rewrite;

import io.colshift.rewrite.Corpus.Entry;
import io.colshift.rewrite.Corpus.Expected;
import io.colshift.rewrite.Corpus.Variant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every corpus statement rewrites, in every phase, to exactly the text checked in next to it.
 *
 * <p>To record rewrites for new statements (then review them before committing):
 * {@code ./mvnw -pl proxy-driver test -Dtest=RewriteCorpusTest -Dcolshift.corpus.record=src/test/resources/rewrite/corpus}
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RewriteCorpusTest {

    private final RewriteEngine engine = Rewrites.engine(10_000);

    static List<Entry> corpus() {
        return Corpus.load();
    }

    @BeforeAll
    void recordWhenAsked() throws Exception {
        String dir = System.getProperty("colshift.corpus.record");
        if (dir == null) {
            return;
        }
        Map<String, List<Entry>> byFile = corpus().stream()
                .collect(Collectors.groupingBy(e -> e.file, LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<Entry>> f : byFile.entrySet()) {
            Map<Entry, Map<Variant, Expected>> observed = new LinkedHashMap<>();
            for (Entry e : f.getValue()) {
                Map<Variant, Expected> perVariant = new LinkedHashMap<>();
                for (Variant v : Variant.values()) {
                    perVariant.put(v, Corpus.observed(engine.rewrite(e.sql, v.snapshot()), e, e.bindValues().size()));
                }
                observed.put(e, perVariant);
            }
            Corpus.write(Path.of(dir, f.getKey()), f.getValue(), observed);
        }
    }

    @AfterAll
    void close() {
        engine.close();
    }

    @Test
    void corpusHoldsAtLeastThreeHundredStatements() {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(300);
        assertThat(corpus().stream().map(e -> e.file + e.name).distinct().count()).isEqualTo(corpus().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void rewritesAsRecorded(Entry e) {
        List<String> problems = new ArrayList<>();
        for (Variant v : List.of(Variant.DECLARED, Variant.EXPANDED, Variant.BACKFILLING)) {
            Expected want = e.expected.get(v);
            assertThat(want).as("%s has no expectation for %s", e, v.label).isNotNull();
            Expected got = Corpus.observed(engine.rewrite(e.sql, v.snapshot()), e, e.bindValues().size());
            if (!String.valueOf(want.sql()).equals(String.valueOf(got.sql()))
                    || !java.util.Arrays.equals(want.map(), got.map()) || want.count() != got.count()) {
                problems.add(v.label + ":\n  want " + want.sql() + " " + java.util.Arrays.toString(want.map())
                        + (want.count() ? " count" : "") + "\n  got  " + got.sql() + " "
                        + java.util.Arrays.toString(got.map()) + (got.count() ? " count" : ""));
            }
        }
        assertThat(problems).as(e.toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void contractedPassesEverythingUnchanged(Entry e) {
        assertThat(engine.rewrite(e.sql, Variant.CONTRACTED.snapshot())).isSameAs(Rewrite.UNCHANGED);
    }
}
