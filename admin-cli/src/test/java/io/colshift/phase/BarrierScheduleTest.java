package io.colshift.phase;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BarrierScheduleTest {

    private static final long COMMIT = 1_000_000_000L;
    private static final Duration LEASE = Duration.ofMillis(2000);

    @Test
    void withoutStandbysTheBarrierIsExactlyTheLeaseAfterTheCommit() {
        BarrierSchedule schedule = new BarrierSchedule(COMMIT, LEASE);

        assertThat(schedule.readyAtNanos()).isEqualTo(COMMIT + LEASE.toNanos());
        assertThat(schedule.remaining(COMMIT + 500_000_000L)).isEqualTo(Duration.ofMillis(1500));
        assertThat(schedule.remaining(COMMIT + LEASE.toNanos())).isZero();
    }

    @Test
    void aStandbySeenPastTheCommitAddsTheLeaseFromThatSightingOnly() {
        BarrierSchedule schedule = new BarrierSchedule(COMMIT, LEASE);

        schedule.replayed(42, COMMIT + 300_000_000L);
        schedule.replayed(42, COMMIT + 900_000_000L); // later sightings of the same standby change nothing

        assertThat(schedule.seenReplayed(42)).isTrue();
        assertThat(schedule.seenReplayed(43)).isFalse();
        assertThat(schedule.readyAtNanos()).isEqualTo(COMMIT + 300_000_000L + LEASE.toNanos());
    }

    @Test
    void theSlowestStandbyDecides() {
        BarrierSchedule schedule = new BarrierSchedule(COMMIT, LEASE);

        schedule.replayed(1, COMMIT + 100_000_000L);
        schedule.replayed(2, COMMIT + 4_000_000_000L);
        schedule.replayed(3, COMMIT + 50_000_000L);

        assertThat(schedule.readyAtNanos()).isEqualTo(COMMIT + 4_000_000_000L + LEASE.toNanos());
    }

    @Test
    void nanoTimeValuesAroundTheirOverflowStillCompareInOrder() {
        long commit = Long.MAX_VALUE - 500_000_000L;
        BarrierSchedule schedule = new BarrierSchedule(commit, LEASE);

        schedule.replayed(1, commit + 1_000_000_000L); // wraps to a negative long

        assertThat(schedule.readyAtNanos()).isEqualTo(commit + 1_000_000_000L + LEASE.toNanos());
        assertThat(schedule.remaining(commit)).isEqualTo(Duration.ofMillis(3000));
    }
}
