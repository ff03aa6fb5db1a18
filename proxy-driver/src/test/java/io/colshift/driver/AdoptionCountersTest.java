package io.colshift.driver;

import io.colshift.rewrite.Rewrite;
import io.colshift.rewrite.Touch;
import io.colshift.rewrite.Unrewritable;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AdoptionCountersTest {

    @Test
    void statementsTouchingNoMigrationLeaveNoTrace() {
        AdoptionCounters counters = new AdoptionCounters();
        counters.count(Rewrite.UNCHANGED);
        counters.count(Rewrite.rewritten("SELECT 1", null));
        assertThat(counters.heartbeatJson()).isEqualTo("{}");
        Map<String, Long> jmx = new LinkedHashMap<>();
        counters.addTo(jmx);
        assertThat(jmx).isEmpty();
    }

    @Test
    void heartbeatJsonHasOneObjectPerMigrationWithCumulativeCountsAndIntervalPercentiles() {
        AdoptionCounters counters = new AdoptionCounters();
        Rewrite heldBack = Rewrite.countInsteadOfUpdate("SELECT count(*) FROM users", null)
                .withTouches(List.of(new Touch("users-status", false, true, true)));
        counters.count(heldBack);
        counters.recordLatency(heldBack, 3_000_000); // the middle of its bucket, 2 560–3 072 µs
        counters.countUnrewritable(new Unrewritable("parse failed", "x", List.of("users-\"q\""), false), false);

        assertThat(counters.heartbeatJson()).isEqualTo("{"
                + "\"users-\\\"q\\\"\":{\"reads\":0,\"writes\":0,\"heldBack\":0,\"rewritten\":0,\"passedUnchanged\":1,"
                + "\"refused\":0},"
                + "\"users-status\":{\"reads\":0,\"writes\":1,\"heldBack\":1,\"rewritten\":1,\"passedUnchanged\":0,"
                + "\"refused\":0,\"p50Ms\":2.816,\"p99Ms\":2.816}}");
        // the next interval had no statement: counts stay, percentiles go
        assertThat(counters.heartbeatJson()).contains("\"writes\":1").doesNotContain("p99Ms");

        Map<String, Long> jmx = new LinkedHashMap<>();
        counters.addTo(jmx);
        assertThat(jmx).containsEntry("adoption.users-status.heldBack", 1L)
                .containsEntry("adoption.users-\"q\".passedUnchanged.parse_failed", 1L);
    }
}
