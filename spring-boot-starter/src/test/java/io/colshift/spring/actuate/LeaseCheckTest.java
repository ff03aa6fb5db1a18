package io.colshift.spring.actuate;

import io.colshift.state.WatcherStats;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LeaseCheckTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void statementsRunStaleSinceTheLastCheckMakeItDownAndLaterChecksUpAgain() {
        WatcherStats before = stats(NOW, 2_000, true, 0, 0);
        WatcherStats stale = stats(NOW, 2_000, true, 3, 3);
        assertThat(LeaseCheck.of(stale, before, NOW).down()).isTrue();
        assertThat(LeaseCheck.of(stale, before, NOW).reason()).contains("3 statement(s)");
        assertThat(LeaseCheck.of(stale, stale, NOW).down()).isFalse();
    }

    @Test
    void expiredStateWithFailingRefreshesIsDownOnlyWhileTheyFail() {
        WatcherStats before = stats(NOW.minusSeconds(10), 2_000, true, 0, 0);
        WatcherStats failing = stats(NOW.minusSeconds(10), 2_000, true, 0, 1);
        assertThat(LeaseCheck.of(failing, before, NOW).down()).isTrue();
        assertThat(LeaseCheck.of(failing, failing, NOW).down()).isFalse();
        assertThat(LeaseCheck.of(stats(NOW.minusSeconds(10), 2_000, true, 0, 0), before, NOW).down())
                .as("an idle application with an expired lease only refreshes at its next statement").isFalse();
    }

    @Test
    void freshStateIsUpEvenAfterEarlierRefreshFailures() {
        WatcherStats before = stats(NOW, 2_000, true, 0, 0);
        assertThat(LeaseCheck.of(stats(NOW.minusMillis(500), 2_000, true, 0, 1), before, NOW).down()).isFalse();
    }

    @Test
    void theFirstCheckCountsEveryStaleStatementSinceTheStart() {
        assertThat(LeaseCheck.of(stats(NOW, 2_000, true, 1, 0), null, NOW).down()).isTrue();
        assertThat(LeaseCheck.of(stats(NOW.minusSeconds(10), 2_000, true, 0, 2), null, NOW).down()).isTrue();
        assertThat(LeaseCheck.of(stats(NOW, 2_000, true, 0, 0), null, NOW)).isEqualTo(LeaseCheck.UP);
    }

    @Test
    void anInstanceWithoutItsOwnWatcherIsNotDownForAnOldStateAlone() {
        WatcherStats before = stats(NOW.minusSeconds(10), 2_000, false, 0, 0);
        WatcherStats failing = stats(NOW.minusSeconds(10), 2_000, false, 0, 1);
        assertThat(LeaseCheck.of(failing, before, NOW).down())
                .as("with colshift.watch=false nothing renews the lease between statements").isFalse();
        assertThat(LeaseCheck.of(stats(NOW.minusSeconds(10), 2_000, false, 1, 1), failing, NOW).down())
                .as("a statement run under an expired lease is still down").isTrue();
    }

    private static WatcherStats stats(Instant lastRefresh, long leaseMs, boolean watching, long stale,
                                      long inlineFailures) {
        return new WatcherStats("h:5432/db", "colshift", "1-abc", 7, lastRefresh, watching, watching, true,
                List.of(), 1, 0, 1, 0, 0, 0, Map.of(), "h:5432", false, watching, leaseMs, "watcher-poll",
                0, inlineFailures, stale, false);
    }
}
