package io.colshift.phase;

import io.colshift.state.Phase;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code colshift complete}: checks that the table is exactly what the spec asked for (column and type, default,
 * NOT NULL, index valid), then publishes {@code complete} and archives the migration so drivers stop loading it.
 */
public final class Completer {

    private Completer() {
    }

    public static MigrationRecord run(PhaseRun run) throws SQLException, PhaseException {
        MigrationRecord m = run.migration();
        if (m.archived()) {
            run.say("migration '" + m.id() + "' is already complete and archived; nothing to do");
            run.awaitBarrier();
            return m;
        }
        if (m.phase() != Phase.CONTRACTED && m.phase() != Phase.COMPLETE) {
            throw new PreconditionFailed("complete needs migration '" + m.id() + "' contracted, but it is "
                    + m.phase().label() + "; run `colshift advance " + m.id() + " --until contracted` first");
        }
        if (m.phase() == Phase.CONTRACTED) {
            List<String> problems = finalChecks(run, m);
            if (!problems.isEmpty()) {
                throw new PreconditionFailed("the table does not match migration '" + m.id() + "' yet: "
                        + String.join("; ", problems) + ". Run `colshift contract " + m.id() + "` again, or fix the"
                        + " change made outside colshift.");
            }
            long v = run.writer().transition(m.id(), Phase.CONTRACTED, Phase.COMPLETE, "final checks passed");
            if (v < 0 && run.migration().phase() != Phase.COMPLETE) {
                throw new PreconditionFailed("migration '" + m.id() + "' changed phase while complete ran");
            }
            Failpoint.reached("complete.after-transition");
        }
        long v = run.writer().archive(m.id(), "complete: drivers stop rewriting");
        run.say("complete: " + m.describe() + " is part of the schema; migration '" + m.id() + "' archived"
                + (v > 0 ? " (state version " + v + ")" : ""));
        // one barrier for both changes (complete, then archived): the later commit's covers the earlier
        run.awaitBarrier();
        return m.withPhase(Phase.COMPLETE);
    }

    static List<String> finalChecks(PhaseRun run, MigrationRecord m) throws SQLException, PhaseException {
        List<String> problems = new ArrayList<>();
        ExpressionProbe.Result probe = ExpressionProbe.probe(run.control(), m.type(), m.defaultExpr());
        ColumnState column = run.catalog().column(m.schema(), m.table(), m.column());
        if (!column.exists()) {
            problems.add("column " + m.describe() + " is missing");
            return problems;
        }
        if (!probe.type().equals(column.type())) {
            problems.add("type is " + column.type() + ", spec says " + probe.type());
        }
        if (m.defaultExpr() != null && !probe.defaultExpr().equals(column.defaultExpr())) {
            problems.add("default is " + (column.defaultExpr() == null ? "not set" : column.defaultExpr())
                    + ", spec says " + probe.defaultExpr());
        }
        Constraints constraints = new Constraints(run.control());
        if (m.notNull()) {
            NotNullRecipe recipe = new NotNullRecipe(run.server(), m);
            boolean enforced;
            if (run.server().nativeNotNullNotValid()) {
                enforced = constraints.nativeNotNull(m).valid();
            } else if (run.server().notNullProvenByCheck()) {
                enforced = column.notNull();
            } else {
                enforced = column.notNull() || constraints.constraint(m, recipe.constraintName()).valid();
            }
            if (!enforced) {
                problems.add("NOT NULL is not enforced");
            }
        }
        if (m.index() != null) {
            Constraints.Found index = constraints.index(m, m.index().name());
            if (!index.exists() || !index.onTable()) {
                problems.add("index " + m.index().name() + " is missing");
            } else if (!index.valid()) {
                problems.add("index " + m.index().name() + " is INVALID");
            }
        }
        return problems;
    }
}
