package io.colshift.phase;

import io.colshift.state.Phase;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * {@code colshift contract}: makes the column final while traffic flows: SET DEFAULT first (so rows inserted from
 * now on by any writer get a value), then sweep the NULLs writers left since the backfill, then NOT NULL without a
 * scan under an exclusive lock ({@link NotNullRecipe}), then the index with CREATE INDEX CONCURRENTLY. Every
 * statement is guarded by an existence check, so a run killed between any two of them converges when re-run.
 */
public final class Contractor {

    /** VALIDATE fails when a writer stored NULL between the sweep and the NOT VALID constraint; sweep and retry. */
    private static final int VALIDATE_ATTEMPTS = 3;

    private final PhaseRun run;
    private final BackfillOptions sweepOptions;

    public Contractor(PhaseRun run, BackfillOptions sweepOptions) {
        this.run = run;
        this.sweepOptions = sweepOptions;
    }

    public MigrationRecord run() throws SQLException, PhaseException {
        MigrationRecord m = run.migration();
        if (m.archived() || m.phase() == Phase.CONTRACTED || m.phase() == Phase.COMPLETE) {
            run.say("migration '" + m.id() + "' is already " + m.phase().label() + "; contract has nothing to do");
            run.awaitBarrier();
            return m;
        }
        if (m.phase() != Phase.BACKFILLED) {
            throw new PreconditionFailed("contract needs migration '" + m.id() + "' backfilled, but it is "
                    + m.phase().label() + "; run `colshift " + (m.phase() == Phase.DECLARED ? "expand" : "backfill")
                    + " " + m.id() + "` first");
        }
        if (!m.writesEnabled()) {
            throw new PreconditionFailed("the write flag of '" + m.id() + "' is off: after contract, drivers pass"
                    + " statements unchanged, so it must be on first (`colshift flag " + m.id() + " --writes on`)");
        }
        ExpressionProbe.Result probe = ExpressionProbe.probe(run.control(), m.type(), m.defaultExpr());
        ColumnState column = run.catalog().column(m.schema(), m.table(), m.column());
        DriftCheck.verify(m, column, probe.type());
        LockSafeDdl ddl = run.ddl();

        setDefault(m, probe, column, ddl);
        sweep(m);
        if (m.notNull()) {
            notNull(m, ddl);
        }
        if (m.index() != null) {
            index(m, ddl);
        }
        long v = run.writer().transition(m.id(), Phase.BACKFILLED, Phase.CONTRACTED, "default, NOT NULL and index in"
                + " place; drivers pass statements unchanged");
        if (v < 0) {
            throw new PreconditionFailed("migration '" + m.id() + "' left backfilled while contract ran;"
                    + " run status to see where it stands");
        }
        run.say("contracted: " + m.describe() + " is final (state version " + v + "); next: colshift complete "
                + m.id());
        run.awaitBarrier();
        return m.withPhase(Phase.CONTRACTED);
    }

    private void setDefault(MigrationRecord m, ExpressionProbe.Result probe, ColumnState column, LockSafeDdl ddl)
            throws SQLException, PhaseException {
        if (m.defaultExpr() == null) {
            return;
        }
        if (probe.defaultExpr().equals(column.defaultExpr())) {
            run.say("contract: default already set (" + column.defaultExpr() + ")");
        } else {
            String sql = "ALTER TABLE " + m.quotedTable() + " ALTER COLUMN " + m.quotedColumn() + " SET DEFAULT ("
                    + m.defaultExpr() + ")";
            run.say("contract: " + sql);
            ddl.execute("SET DEFAULT on " + m.describe(), sql);
        }
        Failpoint.reached("contract.after-set-default");
    }

    private void sweep(MigrationRecord m) throws SQLException, PhaseException {
        String fill = m.fillExpression();
        try (Connection work = run.openConnection("sweep")) {
            work.setAutoCommit(false);
            try (Statement st = work.createStatement()) {
                st.execute("SET lock_timeout = " + sweepOptions.lockTimeout().toMillis());
            }
            work.commit();
            NullSweeper sweeper = new NullSweeper(m, fill == null ? "NULL" : fill);
            if (fill == null) {
                long nulls = sweeper.countNulls(work);
                if (m.notNull() && nulls > 0) {
                    throw new PreconditionFailed(nulls + " rows of " + m.describe() + " are NULL and the spec has"
                            + " neither default nor backfill expression to fill them; NOT NULL cannot be added");
                }
                return;
            }
            NullSweeper.Outcome outcome = sweeper.sweepUntilClean(work, sweepOptions.maxBatch(),
                    sweepOptions.maxSweeps(), NullSweeper.Verification.ALL_ROWS, rows -> { }, run::say);
            run.say("contract: swept " + outcome.filled() + " rows written NULL since the backfill; a count finds none");
        }
        Failpoint.reached("contract.after-sweep");
    }

    private void notNull(MigrationRecord m, LockSafeDdl ddl) throws SQLException, PhaseException {
        NotNullRecipe recipe = new NotNullRecipe(run.server(), m);
        Constraints constraints = new Constraints(ddl.connection());
        if (run.server().nativeNotNullNotValid()) {
            Constraints.Found existing = constraints.nativeNotNull(m);
            if (existing.exists() && existing.valid()) {
                run.say("contract: NOT NULL already in place");
                return;
            }
        } else if (run.catalog().column(m.schema(), m.table(), m.column()).notNull()) {
            // killed after SET NOT NULL: only the helper CHECK may be left to drop
            dropHelperCheck(m, recipe, constraints, ddl);
            Failpoint.reached("contract.after-drop-check");
            run.say("contract: NOT NULL already in place");
            return;
        }
        for (NotNullRecipe.Statement step : recipe.statements()) {
            switch (step.name()) {
                case "add-check", "add-not-null" -> {
                    if (run.server().nativeNotNullNotValid() ? constraints.nativeNotNull(m).exists()
                            : constraints.constraint(m, recipe.constraintName()).exists()) {
                        continue;
                    }
                    run.say("contract: " + step.sql());
                    ddl.execute(step.name() + " on " + m.describe(), step.sql());
                }
                case "validate" -> validate(m, recipe, constraints, ddl, step);
                case "set-not-null" -> {
                    if (run.catalog().column(m.schema(), m.table(), m.column()).notNull()) {
                        continue;
                    }
                    run.say("contract: " + step.sql() + "  -- no scan: the validated CHECK proves there is no NULL");
                    ddl.execute("SET NOT NULL on " + m.describe(), step.sql());
                }
                case "drop-check" -> dropHelperCheck(m, recipe, constraints, ddl);
                default -> throw new IllegalStateException("unknown NOT NULL step " + step.name());
            }
            Failpoint.reached("contract.after-" + step.name());
        }
        if (!run.server().notNullProvenByCheck()) {
            run.say("contract: " + run.server() + " would scan the whole table under ACCESS EXCLUSIVE for SET NOT NULL;"
                    + " the validated CHECK " + recipe.constraintName() + " stays as the NOT NULL guarantee");
        }
    }

    private void validate(MigrationRecord m, NotNullRecipe recipe, Constraints constraints, LockSafeDdl ddl,
                          NotNullRecipe.Statement step) throws SQLException, PhaseException {
        for (int attempt = 1; ; attempt++) {
            Constraints.Found found = run.server().nativeNotNullNotValid() ? constraints.nativeNotNull(m)
                    : constraints.constraint(m, recipe.constraintName());
            if (found.valid()) {
                return;
            }
            run.say("contract: " + step.sql() + "  -- scans the table; reads and writes go on");
            try {
                ddl.run("VALIDATE on " + m.describe(), true, st -> st.execute(step.sql()));
                return;
            } catch (SQLException e) {
                boolean nullFound = "23514".equals(e.getSQLState()) || "23502".equals(e.getSQLState());
                if (!nullFound || attempt >= VALIDATE_ATTEMPTS) {
                    throw e;
                }
                // a writer stored NULL after the sweep but before the NOT VALID constraint began refusing it
                run.say("contract: VALIDATE found a NULL written just before the constraint existed; sweeping again");
                sweep(m);
            }
        }
    }

    private void dropHelperCheck(MigrationRecord m, NotNullRecipe recipe, Constraints constraints, LockSafeDdl ddl)
            throws SQLException, PhaseException {
        if (run.server().nativeNotNullNotValid() || !run.server().notNullProvenByCheck()
                || !constraints.constraint(m, recipe.constraintName()).exists()) {
            return;
        }
        String sql = "ALTER TABLE " + m.quotedTable() + " DROP CONSTRAINT IF EXISTS " + Sql.ident(recipe.constraintName());
        run.say("contract: " + sql + "  -- SET NOT NULL now enforces it");
        ddl.execute("DROP CONSTRAINT on " + m.describe(), sql);
    }

    private void index(MigrationRecord m, LockSafeDdl ddl) throws SQLException, PhaseException {
        IndexSpec spec = m.index();
        Constraints lookups = new Constraints(ddl.connection());
        Constraints.Found found = lookups.index(m, spec.name());
        if (found.exists() && !found.onTable()) {
            throw new DriftDetected("an index named " + spec.name() + " already exists in schema " + m.schema()
                    + " on another table; name the index in the spec (index: {name: ...})");
        }
        if (found.exists() && found.valid()) {
            run.say("contract: index " + spec.name() + " already built");
            return;
        }
        String create = IndexRecipe.create(m, spec);
        String dropInvalid = IndexRecipe.dropInvalid(m, spec);
        run.say("contract: " + create);
        ddl.run("CREATE INDEX " + spec.name(), true, st -> {
            Constraints.Found now = lookups.index(m, spec.name());
            if (now.exists() && !now.valid()) {
                // an earlier build failed (lock timeout, kill, duplicate) and left an INVALID index: IF NOT EXISTS
                // would keep it, so drop it and build again
                run.say("contract: dropping INVALID index " + spec.name() + " left by an earlier try: " + dropInvalid);
                st.execute(dropInvalid);
            }
            st.execute(create);
        });
        Failpoint.reached("contract.after-index");
        Constraints.Found built = lookups.index(m, spec.name());
        if (!built.valid()) {
            throw new PreconditionFailed("index " + spec.name() + " was built but is not valid; run contract again");
        }
    }
}
