package io.colshift.driver;

import io.colshift.rewrite.Rewrite;
import io.colshift.rewrite.Unrewritable;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UnrewritablePolicyTest {

    private static final Rewrite DECLARED = Rewrite.unrewritable(
            new Unrewritable("parse failed", "Encountered \"USING\"\nat line 1", List.of("users-status"), false));
    private static final Rewrite EXPANDED = Rewrite.unrewritable(
            new Unrewritable("ambiguous", "column status could belong to more than one relation",
                    List.of("users-status", "orders-note"), true));

    private final UnrewritableCounters counters = new UnrewritableCounters();

    @Test
    void byDefaultOnlyAPossibleWrongReadFails() throws SQLException {
        UnrewritablePolicy policy = UnrewritablePolicy.DEFAULT;
        policy.check(DECLARED, counters, new AdoptionCounters());
        assertThatThrownBy(() -> policy.check(EXPANDED, counters, new AdoptionCounters())).isInstanceOf(SQLException.class)
                .hasMessageStartingWith("colshift refused")
                .hasMessageContaining("migrations 'users-status', 'orders-note'")
                .hasMessageContaining("ambiguous: column status could belong to more than one relation")
                .hasMessageContaining("colshift.unrewritable=pass")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("7C001");
        assertThat(counters.get("unrewritable.users-status.passed")).isEqualTo(1);
        assertThat(counters.get("unrewritable.users-status.refused")).isEqualTo(1);
        assertThat(counters.get("unrewritable.orders-note.refused")).isEqualTo(1);
        assertThat(counters.get("unrewritable.users-status.possibleWrongReads")).isZero();
    }

    @Test
    void passSendsEverythingAndCountsPossibleWrongReads() throws SQLException {
        UnrewritablePolicy policy = new UnrewritablePolicy(false, true);
        policy.check(DECLARED, counters, new AdoptionCounters());
        policy.check(EXPANDED, counters, new AdoptionCounters());
        Map<String, Long> shown = new LinkedHashMap<>();
        counters.addTo(shown);
        assertThat(shown).containsEntry("unrewritable.users-status.passed", 2L)
                .containsEntry("unrewritable.users-status.possibleWrongReads", 1L)
                .containsEntry("unrewritable.orders-note.possibleWrongReads", 1L)
                .doesNotContainKey("unrewritable.users-status.refused");
    }

    @Test
    void strictFailsEveryUnrewritableStatementWhateverThePassSetting() {
        UnrewritablePolicy strict = new UnrewritablePolicy(true, true);
        assertThatThrownBy(() -> strict.check(DECLARED, counters, new AdoptionCounters())).isInstanceOf(SQLException.class)
                .hasMessageStartingWith("colshift (strict mode)")
                .hasMessageContaining("parse failed: Encountered \"USING\"").hasMessageNotContaining("\n")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("7C002");
        assertThatThrownBy(() -> strict.check(EXPANDED, counters, new AdoptionCounters()))
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("7C002");
    }

    @Test
    void rewrittenAndUnchangedStatementsAreNeverStopped() {
        UnrewritablePolicy strict = new UnrewritablePolicy(true, false);
        assertThatCode(() -> {
            strict.check(Rewrite.UNCHANGED, counters, new AdoptionCounters());
            strict.check(Rewrite.rewritten("SELECT 1", null), counters, new AdoptionCounters());
        }).doesNotThrowAnyException();
        Map<String, Long> shown = new LinkedHashMap<>();
        counters.addTo(shown);
        assertThat(shown).isEmpty();
    }
}
