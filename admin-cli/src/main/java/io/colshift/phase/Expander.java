package io.colshift.phase;

import io.colshift.state.Phase;

import java.sql.SQLException;

/** {@code colshift expand}: adds the column, nullable, then publishes {@code expanded}. */
public final class Expander {

    private Expander() {
    }

    public static MigrationRecord run(PhaseRun run) throws SQLException, PhaseException {
        MigrationRecord m = run.migration();
        if (m.archived() || m.phase() == Phase.COMPLETE) {
            throw new PreconditionFailed("migration '" + m.id() + "' is complete; there is nothing left to expand");
        }
        if (m.phase() != Phase.DECLARED) {
            run.say("migration '" + m.id() + "' is already " + m.phase().label() + "; expand has nothing to do");
            run.awaitBarrier();
            return m;
        }
        if (!run.catalog().tableExists(m.schema(), m.table())) {
            throw new PreconditionFailed("table " + m.schema() + "." + m.table() + " does not exist");
        }
        ExpressionProbe.Result probe = ExpressionProbe.probe(run.control(), m.type(), m.defaultExpr());
        ColumnState column = run.catalog().column(m.schema(), m.table(), m.column());
        DriftCheck.verify(m, column, probe.type());
        ExpandRecipe recipe = ExpandRecipe.decide(m, run.server(), probe);
        if (column.exists()) {
            run.say("column " + m.describe() + " already exists with type " + column.type()
                    + " (an earlier expand stopped before publishing); publishing expanded");
        } else {
            String sql = recipe.sql(m);
            run.say("expand: " + sql + "  -- " + recipe.reason());
            run.ddl().execute("ADD COLUMN " + m.describe(), sql);
        }
        Failpoint.reached("expand.after-add-column");
        long version = run.writer().transition(m.id(), Phase.DECLARED, Phase.EXPANDED,
                (recipe.defaultAtExpand() ? "column added with its default in the catalog" : "column added, nullable")
                        + "; " + recipe.reason());
        if (version < 0) {
            throw new PreconditionFailed("migration '" + m.id() + "' left declared while expand ran (another runner"
                    + " or a rollback); nothing was published, run status to see where it stands");
        }
        run.say("expanded: " + m.describe() + " exists (state version " + version + ")"
                + (recipe.backfillNeeded(m) ? "; next: colshift flag " + m.id() + " --writes on, then colshift backfill "
                + m.id() : "; no backfill needed"));
        run.awaitBarrier();
        return m.withPhase(Phase.EXPANDED);
    }
}
