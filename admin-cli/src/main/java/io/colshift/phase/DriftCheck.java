package io.colshift.phase;

import io.colshift.state.Phase;

/**
 * Refuses to act on a column that no longer looks the way colshift left it: changed type, or dropped or created
 * outside colshift. Acting anyway could fill, constrain or drop the wrong thing.
 */
public final class DriftCheck {

    private DriftCheck() {
    }

    /**
     * @param expectedType the spec's type as PostgreSQL spells it ({@link ExpressionProbe.Result#type()})
     * @throws DriftDetected with what differs and what to do
     */
    public static void verify(MigrationRecord m, ColumnState column, String expectedType) throws DriftDetected {
        Phase phase = m.phase();
        if (phase == Phase.DECLARED) {
            if (column.exists() && !expectedType.equals(column.type())) {
                throw new DriftDetected("column " + m.describe() + " already exists with type " + column.type()
                        + " but migration '" + m.id() + "' declares " + expectedType + "; it was created or altered"
                        + " outside colshift. Drop or rename that column, or change the spec's type, then re-declare.");
            }
            return;
        }
        if (phase == Phase.COMPLETE) {
            return;
        }
        if (!column.exists()) {
            throw new DriftDetected("column " + m.describe() + " is missing although migration '" + m.id()
                    + "' is " + phase.label() + ": it was dropped outside colshift. Run `colshift rollback " + m.id()
                    + "` to return to declared, then expand again.");
        }
        if (!expectedType.equals(column.type())) {
            throw new DriftDetected("column " + m.describe() + " has type " + column.type() + " but migration '"
                    + m.id() + "' declares " + expectedType + ": it was altered outside colshift (ALTER COLUMN ... TYPE)."
                    + " Restore the declared type, or roll back and re-declare with the new type.");
        }
    }
}
