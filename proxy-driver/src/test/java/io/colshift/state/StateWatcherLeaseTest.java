package io.colshift.state;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class StateWatcherLeaseTest {

    private static StateWatcher holder(long pollMs) {
        WatchSettings settings = new WatchSettings("jdbc:postgresql://h/db", new Properties(), pollMs, 0, true,
                false, null);
        return new StateWatcher(new ServerKey("h", 5432, "db", "colshift"), settings, () -> { });
    }

    private static StateSnapshot snapshot(long version) {
        return new StateSnapshot(version, List.of(), Map.of(), List.of("public"));
    }

    @Test
    void aServerWhoseStateWasNeverReadIsExpiredFromTheStart() {
        StateWatcher holder = holder(1000);
        assertThat(holder.leased().loaded()).isFalse();
        assertThat(holder.leased().validAt(System.nanoTime())).isFalse();
        assertThat(holder.current()).isSameAs(StateSnapshot.EMPTY);
    }

    @Test
    void aPublishedSnapshotIsValidForTheLeaseCountedFromBeforeItsQueryWasSent() {
        StateWatcher holder = holder(1000);
        long sent = System.nanoTime();
        assertThat(holder.publish(snapshot(3), sent, 500, StateOrigin.WATCHER_POLL, true)).isTrue();
        LeasedSnapshot leased = holder.leased();
        assertThat(leased.leaseMs()).as("min(lease_ms, maxStaleness = 2 x poll; without a watcher, poll)")
                .isEqualTo(500);
        assertThat(leased.expiresAt()).isEqualTo(sent + TimeUnit.MILLISECONDS.toNanos(500));
        assertThat(leased.validAt(sent + TimeUnit.MILLISECONDS.toNanos(499))).isTrue();
        assertThat(leased.validAt(sent + TimeUnit.MILLISECONDS.toNanos(500))).isFalse();
    }

    @Test
    void renewingKeepsTheSnapshotItselfSoConnectionsSeeNoChange() {
        StateWatcher holder = holder(1000);
        StateSnapshot first = snapshot(3);
        long sent = System.nanoTime();
        holder.publish(first, sent, 2000, StateOrigin.WATCHER_POLL, true);
        assertThat(holder.renew(3, sent + 10, 2000, StateOrigin.APPLICATION_CONNECTION)).isTrue();
        assertThat(holder.current()).isSameAs(first);
        assertThat(holder.leased().readAt()).isEqualTo(sent + 10);
        assertThat(holder.getStateOrigin()).isEqualTo("application-connection");
        assertThat(holder.publish(snapshot(3), sent + 20, 2000, StateOrigin.WATCHER_POLL, false)).isFalse();
        assertThat(holder.current()).as("an equal snapshot keeps the published one").isSameAs(first);
        assertThat(holder.renew(4, sent + 30, 2000, StateOrigin.WATCHER_POLL)).as("the version moved").isFalse();
        assertThat(holder.leased().readAt()).isEqualTo(sent + 20);
    }

    @Test
    void anOlderReadNeverReplacesANewerOne() {
        StateWatcher holder = holder(1000);
        long sent = System.nanoTime();
        holder.publish(snapshot(5), sent, 2000, StateOrigin.WATCHER_POLL, true);
        assertThat(holder.publish(snapshot(4), sent - 1, 2000, StateOrigin.APPLICATION_CONNECTION, true)).isFalse();
        assertThat(holder.current().version()).isEqualTo(5);
        assertThat(holder.leased().readAt()).isEqualTo(sent);
    }

    @Test
    void aMissingControlSchemaKeepsTheLastSnapshotUnderARenewedLease() {
        StateWatcher holder = holder(1000);
        long sent = System.nanoTime();
        StateSnapshot last = snapshot(7);
        holder.publish(last, sent, 2000, StateOrigin.WATCHER_POLL, true);
        holder.schemaMissing(sent + 5, StateOrigin.WATCHER_POLL);
        assertThat(holder.current()).isSameAs(last);
        assertThat(holder.leased().readAt()).isEqualTo(sent + 5);
        assertThat(holder.isControlSchemaPresent()).isFalse();
    }
}
