package io.colshift.phase;

import io.colshift.state.Phase;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * {@code colshift rollback}: from any phase before {@code complete}, returns drivers to {@code declared}
 * behaviour (reads get the fallback, writes of the column are stripped, write flag off), waits for the
 * {@link StateBarrier barrier} (the lease after the commit, and after every streaming standby replayed it; heartbeats
 * play no part), and only then, when asked, drops the column. A drop is destructive, so it is refused up front when
 * the barrier could not see every standby, and it waits for disconnected standbys with a physical slot.
 *
 * <p>Before publishing, constraints that would make stripped writes fail are relaxed: NOT NULL (or colshift's
 * helper CHECK) is dropped, so an INSERT without the column still succeeds. The default stays: it is what rows
 * inserted without the column should get anyway.
 */
public final class Rollback {

    private final PhaseRun run;
    private final boolean dropColumn;

    public Rollback(PhaseRun run, boolean dropColumn) {
        this.run = run;
        this.dropColumn = dropColumn;
    }

    public MigrationRecord run() throws SQLException, PhaseException {
        MigrationRecord m = run.migration();
        if (m.archived() || m.phase() == Phase.COMPLETE) {
            throw new PreconditionFailed("migration '" + m.id() + "' is complete: the column is part of the schema"
                    + " and drivers no longer track it, so it cannot be rolled back. Remove the column with a"
                    + " regular schema change if you must.");
        }
        ColumnState column = run.catalog().column(m.schema(), m.table(), m.column());
        String drop = "DROP COLUMN " + m.describe();
        boolean dropping = dropColumn && column.exists();
        if (dropping) {
            run.barrier().requireVisibleStandbys(drop);
        }
        if (column.exists()) {
            relaxConstraints(m, column);
        }
        publishDeclared(m);
        Failpoint.reached("rollback.after-publish");
        run.barrier().await(run.writer().lastCommit(), dropping ? drop : null);
        if (!dropColumn) {
            run.say("rolled back '" + m.id() + "' to declared" + (column.exists() ? "; column " + m.describe()
                    + " kept (drivers treat it as absent; `colshift expand` adopts it again, `colshift rollback "
                    + m.id() + " --drop-column` removes it)" : ""));
            return m.withPhase(Phase.DECLARED);
        }
        if (run.catalog().column(m.schema(), m.table(), m.column()).exists()) {
            String sql = "ALTER TABLE " + m.quotedTable() + " DROP COLUMN IF EXISTS " + m.quotedColumn();
            run.say("rollback: " + sql);
            run.ddl().execute("DROP COLUMN " + m.describe(), sql);
        }
        run.say("rolled back '" + m.id() + "' to declared; column " + m.describe() + " dropped");
        return m.withPhase(Phase.DECLARED);
    }

    private void relaxConstraints(MigrationRecord m, ColumnState column) throws SQLException, PhaseException {
        NotNullRecipe recipe = new NotNullRecipe(run.server(), m);
        Constraints constraints = new Constraints(run.control());
        if (!run.server().nativeNotNullNotValid() && constraints.constraint(m, recipe.constraintName()).exists()) {
            String sql = "ALTER TABLE " + m.quotedTable() + " DROP CONSTRAINT IF EXISTS "
                    + Sql.ident(recipe.constraintName());
            run.say("rollback: " + sql);
            run.ddl().execute("DROP CONSTRAINT on " + m.describe(), sql);
        }
        if (column.notNull() || constraints.nativeNotNull(m).exists()) {
            String sql = "ALTER TABLE " + m.quotedTable() + " ALTER COLUMN " + m.quotedColumn() + " DROP NOT NULL";
            run.say("rollback: " + sql + "  -- drivers will strip writes of the column again");
            run.ddl().execute("DROP NOT NULL on " + m.describe(), sql);
        }
    }

    private void publishDeclared(MigrationRecord m) throws SQLException, PhaseException {
        if (m.phase() == Phase.DECLARED && !m.writesEnabled()) {
            return;
        }
        String migrations = run.schema().table("migrations");
        String progress = run.schema().table("backfill_progress");
        int[] updated = new int[1];
        long version;
        try {
            version = run.writer().record(m.id(), "phase", m.phase().label(), Phase.DECLARED.label(),
                "rollback" + (dropColumn ? " --drop-column" : "") + ": drivers return to declared behaviour", c -> {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE " + migrations + " SET phase = 'declared',"
                            + " writes_enabled = false, updated_at = now() WHERE id = ? AND phase = ? AND NOT archived")) {
                        ps.setString(1, m.id());
                        ps.setString(2, m.phase().label());
                        updated[0] = ps.executeUpdate();
                    }
                    if (updated[0] == 0) {
                        // abort the whole state change: someone moved the migration since it was read
                        throw new SQLException("migration '" + m.id() + "' changed phase during rollback", "40001");
                    }
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + progress + " WHERE migration_id = ?")) {
                        ps.setString(1, m.id());
                        ps.executeUpdate();
                    }
                });
        } catch (SQLException e) {
            if (updated[0] == 0 && "40001".equals(e.getSQLState())) {
                throw new PreconditionFailed("migration '" + m.id() + "' changed phase while rollback ran;"
                        + " nothing was published, run status to see where it stands");
            }
            throw e;
        }
        run.say("rollback: published declared for '" + m.id() + "' (was " + m.phase().label() + ", state version "
                + version + ")");
    }
}
