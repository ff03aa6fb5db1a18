package io.colshift.state;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClientCountersTest {

    @Test
    void wellFormedCountersAreReadPerMigration() {
        ClientCounters c = ClientCounters.parse("app", "{\"m-1\": {\"reads\": 3, \"writes\": 0, \"heldBack\": 2,"
                + " \"rewritten\": 5, \"passedUnchanged\": 1, \"refused\": 0, \"p50Ms\": 0.5, \"p99Ms\": 7}}");
        assertThat(c.reported()).isTrue();
        MigrationCounters m = c.of("m-1").orElseThrow();
        assertThat(m.reads()).isEqualTo(3);
        assertThat(m.heldBack()).isEqualTo(2);
        assertThat(m.passedUnchanged()).isEqualTo(1);
        assertThat(m.p99Ms()).isEqualTo(7.0);
        assertThat(m.touchedColumn()).isTrue();
        assertThat(c.of("m-2")).isEmpty();
    }

    @Test
    void hostileOrMalformedValuesReadAsNotReported() {
        ClientCounters c = ClientCounters.parse("app", "{\"m\": {\"reads\": -1, \"writes\": \"9\", \"heldBack\": 1.5,"
                + " \"rewritten\": 1e400, \"p50Ms\": -3, \"p99Ms\": null}, \"n\": 42}");
        MigrationCounters m = c.of("m").orElseThrow();
        assertThat(m.reads()).isNull();
        assertThat(m.writes()).isNull();
        assertThat(m.heldBack()).isNull();
        assertThat(m.rewritten()).isNull();
        assertThat(m.p50Ms()).isNull();
        assertThat(m.p99Ms()).isNull();
        assertThat(m.touchedColumn()).isFalse();
        assertThat(c.of("n")).isEmpty();
    }

    @Test
    void aForgedHugeLatencyReadsAsTheCapTheBackfillAlsoUses() {
        MigrationCounters m = ClientCounters.parse("app", "{\"m\": {\"p50Ms\": 1e9, \"p99Ms\": 12.5}}")
                .of("m").orElseThrow();
        assertThat(m.p50Ms()).isEqualTo(MigrationCounters.MAX_MS);
        assertThat(m.p99Ms()).isEqualTo(12.5);
    }

    @Test
    void anythingButAnObjectMeansNoAdoptionData() {
        assertThat(ClientCounters.parse("a", null).reported()).isFalse();
        assertThat(ClientCounters.parse("a", "[1, 2]").reported()).isFalse();
        assertThat(ClientCounters.parse("a", "{not json").reported()).isFalse();
        assertThat(ClientCounters.parse("a", "{\"m\": " + "{\"x\": ".repeat(20) + "1" + "}".repeat(21)).reported())
                .isFalse();
    }
}
