package io.colshift.rewrite;

import java.util.List;

/**
 * Why a statement that touches a migrating column could not be rewritten, and what sending it unchanged would
 * do. Carried by a {@link Rewrite}: the rewriter never decides the policy (that is the connection's setting,
 * {@code colshift.unrewritable} and {@code colshift.strict}); it only says what it knows.
 *
 * @param reason            short cause: {@code parse failed}, {@code parse timed out}, {@code ambiguous},
 *                          {@code unsupported}, {@code view over a migrating column}
 * @param detail            what exactly (the parser's message, the construct); no statement text
 * @param migrations        ids of the migrations the statement touches, never empty
 * @param possibleWrongRead whether sending it unchanged may return a wrong value without any error: true when
 *                          one of those migrations is past {@code declared} (the column exists and holds NULL
 *                          where the target schema has the backfill value); in {@code declared} a reference to
 *                          the column fails by itself (42703)
 */
public record Unrewritable(String reason, String detail, List<String> migrations, boolean possibleWrongRead) {

    public Unrewritable {
        migrations = List.copyOf(migrations);
        if (migrations.isEmpty()) {
            throw new IllegalArgumentException("an unrewritable statement touches at least one migration");
        }
    }
}
