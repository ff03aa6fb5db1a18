package io.colshift.phase;

import io.colshift.state.SafeText;
import io.colshift.state.ControlSchema;
import io.colshift.state.ControlSchemaReader;
import io.colshift.state.StateCommit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The barrier every step that changes state waits for before it returns (design rule 5), built only on what
 * PostgreSQL guarantees, never on what a client row says. Drivers keep a staleness lease: no statement runs under a
 * snapshot of its server's state read longer than the lease ago. So once a change has committed on the primary and
 * the lease has passed, every driver on the primary runs it; once a streaming standby has replayed past the change's
 * commit and the lease has passed again, every driver on that standby runs it (the control schema replicates in WAL
 * order with the DDL).
 *
 * <p>Heartbeats in {@code clients} are printed for information only: the application role may write that table, so
 * a row claiming a version proves nothing, and a driver without heartbeats is just as safe.
 *
 * <p>Physical replication slots that no standby uses stand for standbys that are disconnected right now. Before a
 * destructive action the barrier waits for them to come back (up to the timeout) and refuses otherwise; after other
 * steps it names them. A role that cannot see standbys' replay positions (they read NULL without pg_read_all_stats)
 * gets a refusal before a destructive action and a warning otherwise; the barrier never guesses.
 */
public final class StateBarrier {

    private static final Duration PROBE_INTERVAL = Duration.ofMillis(100);
    private static final Duration LEASE_RECHECK = Duration.ofMillis(500);
    private static final Duration REPORT_EVERY = Duration.ofSeconds(2);

    private final Connection connection;
    private final ControlSchema schema;
    private final Duration timeout;
    private final String rerun;
    private final Consumer<String> say;

    /**
     * @param connection a connection to the primary (the one the change was committed on is fine)
     * @param timeout    how long to wait for standbys to replay, or disconnected ones to come back; the lease itself
     *                   is always waited out
     * @param rerun      the command to run again after a timeout, e.g. {@code colshift expand users-status}
     * @param say        where progress lines go
     */
    public StateBarrier(Connection connection, ControlSchema schema, Duration timeout, String rerun,
                        Consumer<String> say) {
        this.connection = connection;
        this.schema = schema;
        this.timeout = timeout;
        this.rerun = rerun;
        this.say = say;
    }

    /**
     * Refuses {@code action} before anything changes when this role could not see whether every standby replayed
     * it, so that a destructive step stops while nothing is done yet.
     */
    public void requireVisibleStandbys(String action) throws SQLException, PhaseException {
        ReplicationProbe probe = new ReplicationProbe(connection);
        List<ReplicationProbe.Standby> hidden = hidden(probe.standbys(probe.currentLsn()));
        if (!hidden.isEmpty()) {
            throw new PreconditionFailed(hiddenProblem(probe, hidden) + "; " + action + " needs them, so it is refused"
                    + " and nothing was changed");
        }
    }

    /** Waits after a step; {@code commit} empty means the step found its change made already (see {@link #await(Optional, String)}). */
    public void await(Optional<StateCommit> commit) throws SQLException, PhaseException {
        await(commit, null);
    }

    /**
     * Returns once every server follows the change. A step that changed nothing still waits, from now and the current
     * WAL position: the run that made the change may have been killed before its own barrier.
     *
     * @param destructiveAction what runs right after the barrier and cannot be undone (e.g. {@code DROP COLUMN
     *                          public.users.status}), or {@code null} for a step that only changed state
     * @throws PreconditionFailed (exit 3) when a standby has not replayed, or a destructive action is blocked,
     *                            within the timeout; the state change stays committed
     */
    public void await(Optional<StateCommit> commit, String destructiveAction) throws SQLException, PhaseException {
        ReplicationProbe probe = new ReplicationProbe(connection);
        StateCommit c = commit.isPresent() ? commit.get() : new StateCommit(new ControlSchemaReader(connection, schema)
                .version(), probe.currentLsn(), System.nanoTime());
        Lease lease = Lease.read(connection, schema);
        BarrierSchedule schedule = new BarrierSchedule(c.committedAtNanos(), lease.waited());
        boolean destructive = destructiveAction != null;
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextReport = System.nanoTime();
        boolean warnedHidden = false;
        Set<String> namedSlots = new LinkedHashSet<>();
        while (true) {
            long now = System.nanoTime();
            List<ReplicationProbe.Standby> standbys = probe.standbys(c.walLsn());
            List<ReplicationProbe.Standby> hidden = hidden(standbys);
            List<ReplicationProbe.Standby> pending = new ArrayList<>();
            for (ReplicationProbe.Standby s : standbys) {
                if (!s.detailsVisible()) {
                    continue;
                }
                if (s.replayed()) {
                    if (!schedule.seenReplayed(s.pid())) {
                        say.accept("barrier: standby " + s.label() + " replayed " + c.walLsn() + " (at " + s.replayLsn()
                                + "); its drivers follow once the lease has passed");
                    }
                    schedule.replayed(s.pid(), now);
                } else {
                    pending.add(s);
                }
            }
            if (!hidden.isEmpty() && destructive) {
                throw new PreconditionFailed(hiddenProblem(probe, hidden) + "; " + destructiveAction + " was not run."
                        + kept(c) + " Once the role may see them, run `" + rerun + "` again.");
            }
            if (!hidden.isEmpty() && !warnedHidden) {
                say.accept("barrier: warning: " + hiddenProblem(probe, hidden) + "; waiting the lease only, so drivers"
                        + " on standbys may still run an older state");
                warnedHidden = true;
            }
            List<String> slots = probe.inactivePhysicalSlots();
            if (!destructive) {
                for (String slot : slots) {
                    if (namedSlots.add(slot)) {
                        say.accept("barrier: physical replication slot " + SafeText.of(slot)
                                + " is inactive: its standby is disconnected and follows state version " + c.version()
                                + " only once it reconnects and replays it");
                    }
                }
            }
            boolean blocked = !pending.isEmpty() || (destructive && !slots.isEmpty());
            if (!blocked) {
                Duration rest = schedule.remaining(now);
                if (rest.isZero()) {
                    passed(c, lease, hidden, slots, destructive);
                    return;
                }
                // probe again before passing: a standby that connects meanwhile must replay too
                Pause.sleep(rest.compareTo(LEASE_RECHECK) < 0 ? rest : LEASE_RECHECK);
                continue;
            }
            if (now - deadline > 0) {
                throw new PreconditionFailed(timedOut(c, pending, destructive ? slots : List.of(), destructiveAction));
            }
            if (now - nextReport >= 0) {
                for (ReplicationProbe.Standby s : pending) {
                    say.accept("barrier: waiting for standby " + s.label() + " to replay " + c.walLsn() + " ("
                            + position(s) + ")");
                }
                if (destructive) {
                    for (String slot : slots) {
                        say.accept("barrier: waiting for the standby of inactive physical replication slot "
                                + SafeText.of(slot) + " to reconnect and replay " + c.walLsn()
                                + " before " + destructiveAction);
                    }
                }
                nextReport = now + REPORT_EVERY.toNanos();
            }
            Pause.sleep(PROBE_INTERVAL);
        }
    }

    private void passed(StateCommit c, Lease lease, List<ReplicationProbe.Standby> hidden, List<String> slots,
                        boolean destructive) throws SQLException {
        String servers = !hidden.isEmpty() ? "the primary and every standby it could check follow"
                : !slots.isEmpty() && !destructive ? "every connected server follows" : "every server follows";
        say.accept("barrier: " + servers + " state version " + c.version() + " (lease " + lease.describe() + ")");
        HeartbeatSummary.line(new ControlSchemaReader(connection, schema).clients(), c.version()).ifPresent(say);
    }

    private static List<ReplicationProbe.Standby> hidden(List<ReplicationProbe.Standby> standbys) {
        return standbys.stream().filter(s -> !s.detailsVisible()).toList();
    }

    private static String hiddenProblem(ReplicationProbe probe, List<ReplicationProbe.Standby> hidden)
            throws SQLException {
        String role = probe.role();
        return "role " + role + " cannot see the replay position of " + hidden.size() + " streaming standby(s):"
                + " pg_stat_replication shows positions only to members of pg_read_all_stats (or pg_monitor);"
                + " grant it with GRANT pg_monitor TO " + role;
    }

    private static String position(ReplicationProbe.Standby s) {
        if (s.replayLsn() == null) {
            return "no replay position reported yet";
        }
        String behind = s.replayLagMillis() != null ? Durations.human(Duration.ofMillis(s.replayLagMillis()))
                : s.bytesBehind() != null ? s.bytesBehind() + " bytes" : "unknown";
        return "at " + s.replayLsn() + ", " + behind + " behind";
    }

    private static String kept(StateCommit c) {
        return " The state change is committed and stays (state version " + c.version() + ").";
    }

    private String timedOut(StateCommit c, List<ReplicationProbe.Standby> pending, List<String> slots,
                            String destructiveAction) {
        List<String> reasons = new ArrayList<>();
        for (ReplicationProbe.Standby s : pending) {
            reasons.add("standby " + s.label() + " has not replayed " + c.walLsn() + " (" + position(s) + ")");
        }
        for (String slot : slots) {
            String name = SafeText.of(slot);
            reasons.add("physical replication slot " + name + " is inactive, so its standby is disconnected and has"
                    + " not replayed the change (if that standby is gone for good, drop the slot:"
                    + " SELECT pg_drop_replication_slot('" + name + "'))");
        }
        return "barrier: gave up after " + Durations.human(timeout) + ": " + String.join("; ", reasons) + "."
                + kept(c) + (destructiveAction == null ? " Drivers on that standby may still run the previous state."
                : " " + destructiveAction + " was not run.")
                + " Once it caught up, run `" + rerun + "` again: it finds the change made and waits the barrier again.";
    }
}
