package io.colshift.phase;

import io.colshift.state.Phase;

import java.sql.SQLException;

/**
 * {@code colshift advance}: runs the next step for the migration's phase (expand, backfill, contract, complete),
 * or every step up to a target phase, for deploy pipelines. Each step keeps its own preconditions: advancing past
 * {@code expanded} still needs the write flag on, and each step waits for its own barrier before the next starts.
 */
public final class Advancer {

    private final PhaseRun run;
    private final BackfillOptions backfill;
    private final boolean tty;

    public Advancer(PhaseRun run, BackfillOptions backfill, boolean tty) {
        this.run = run;
        this.backfill = backfill;
        this.tty = tty;
    }

    /** @param until the phase to reach, or null for exactly one step */
    public MigrationRecord run(Phase until) throws SQLException, PhaseException {
        MigrationRecord m = run.migration();
        if (until != null && m.phase().compareTo(until) >= 0) {
            run.say("migration '" + m.id() + "' is already " + m.phase().label() + "; nothing to advance");
            run.awaitBarrier();
            return m;
        }
        while (true) {
            Phase before = m.phase();
            m = step(m);
            if (m.phase() == before || until == null || m.phase().compareTo(until) >= 0) {
                return m;
            }
        }
    }

    private MigrationRecord step(MigrationRecord m) throws SQLException, PhaseException {
        if (m.archived()) {
            run.say("migration '" + m.id() + "' is complete; nothing to advance");
            run.awaitBarrier();
            return m;
        }
        return switch (m.phase()) {
            case DECLARED -> Expander.run(run);
            case EXPANDED, BACKFILLING -> new Backfiller(run, backfill, tty).run();
            case BACKFILLED -> new Contractor(run, backfill).run();
            case CONTRACTED, COMPLETE -> Completer.run(run);
        };
    }
}
