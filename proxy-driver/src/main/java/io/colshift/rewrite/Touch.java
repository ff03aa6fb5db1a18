package io.colshift.rewrite;

import java.util.Objects;

/**
 * How one statement touches one migration, as far as the rewriter can tell: decided once when the statement's
 * rewrite is computed and cached with it, so that the driver only increments counters per execution.
 *
 * <p>An INSERT, UPDATE or MERGE that names the migrating column counts as a write of it (and as held back when
 * the migration's phase and write flag remove that write); any other statement that names it counts as a read. A
 * statement that gets the column only without naming it ({@code SELECT *}, {@code TABLE t}, {@code COPY t TO})
 * touches the migration but neither reads nor writes it: an application version that predates the column does
 * that too. Without the statement's full data flow this is a classification for operators ("is the new code
 * reading or writing the column?"), not an exact account of every reference.
 *
 * @param migrationId the migration's id
 * @param read        the statement reads the column (names it outside a write)
 * @param write       the statement writes the column
 * @param heldBack    the write was removed (writes of the column are gated in this phase)
 */
public record Touch(String migrationId, boolean read, boolean write, boolean heldBack) {

    public Touch {
        Objects.requireNonNull(migrationId, "migrationId");
    }
}
