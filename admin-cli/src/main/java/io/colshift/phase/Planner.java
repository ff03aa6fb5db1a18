package io.colshift.phase;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@link Plan} for a migration: every step, its exact SQL, the lock it takes and how long it holds it,
 * with the recipes this server version allows. A pure function of its inputs, so it is the same code path that
 * the commands follow, shown ahead of time.
 */
public final class Planner {

    private Planner() {
    }

    public static Plan plan(MigrationRecord m, ServerVersion server, ExpressionProbe.Result probe, PlanFacts facts,
                            DdlOptions ddl, BackfillOptions backfill) {
        ExpandRecipe expand = ExpandRecipe.decide(m, server, probe);
        String size = bytes(facts.tableBytes());
        String rows = facts.estimatedRows() < 0 ? "an unknown number of" : "~" + facts.estimatedRows();
        String lockWait = "waits at most " + Durations.human(ddl.lockTimeout()) + " in the lock queue, then backs off"
                + " and retries for up to " + Durations.human(ddl.maxWait());
        String catalogOnly = "milliseconds (catalog only)";
        List<PlanStep> steps = new ArrayList<>();

        steps.add(new PlanStep("expand", facts.column().exists() ? "adopt the existing column" : "add the column, nullable",
                facts.column().exists() ? null : expand.sql(m), facts.column().exists() ? "none" : "ACCESS EXCLUSIVE",
                facts.column().exists() ? "none" : catalogOnly,
                (facts.column().exists() ? "column already exists with type " + facts.column().type() + "; "
                        : "") + expand.reason() + "; " + lockWait));
        steps.add(new PlanStep("flag", "turn the write flag on (colshift flag " + m.id() + " --writes on)", null,
                "none", "none", "once every instance that writes the column runs the new application version"));

        boolean needed = expand.backfillNeeded(m);
        NullSweeper sweeper = new NullSweeper(m, m.fillExpression() == null ? "NULL" : m.fillExpression());
        if (needed && facts.walk() != null) {
            String batchSql = facts.walk() instanceof KeysetWalk k ? k.sql()
                    : facts.walk() instanceof CtidWalk c ? c.sql() : null;
            steps.add(new PlanStep("backfill", "fill " + rows + " rows in batches walking " + facts.walk().describe(),
                    batchSql, "ROW EXCLUSIVE; row locks on one batch's rows",
                    "~" + backfill.targetBatchMillis() + " ms per batch (batch size adapts within "
                            + backfill.minBatch() + ".." + backfill.maxBatch() + " rows)",
                    "each batch is its own transaction, checkpointed; resumable after kill; a batch that meets a row"
                            + " held by the application for longer than one batch time is redone with FOR UPDATE SKIP"
                            + " LOCKED; throttled by replica lag and by sessions waiting on its locks"));
        } else {
            steps.add(new PlanStep("backfill", "no batched fill needed; verify no NULL is left", sweeper.countSql(),
                    "ACCESS SHARE", "one sequential scan of " + size + " (blocks nothing)",
                    m.fillExpression() == null ? "the spec has no default and no backfill expression: rows keep NULL"
                            : "existing rows already read the default from the catalog"));
        }
        if (m.fillExpression() != null) {
            steps.add(new PlanStep("backfill", "sweep rows still NULL until a count finds none", sweeper.sql(),
                    "ROW EXCLUSIVE; row locks on one batch's rows", "~one batch", "catches rows written meanwhile"
                    + " by writers that do not set the column, and rows skipped while locked"));
        }

        if (m.defaultExpr() != null) {
            steps.add(new PlanStep("contract", "set the default for rows inserted from now on", "ALTER TABLE "
                    + m.quotedTable() + " ALTER COLUMN " + m.quotedColumn() + " SET DEFAULT (" + m.defaultExpr() + ")",
                    "ACCESS EXCLUSIVE", catalogOnly, "skipped when already set; " + lockWait));
        }
        if (m.fillExpression() != null) {
            steps.add(new PlanStep("contract", "sweep NULLs written since the backfill", sweeper.sql(),
                    "ROW EXCLUSIVE; row locks on one batch's rows", "~one batch", "until a count finds none"));
        }
        if (m.notNull()) {
            NotNullRecipe recipe = new NotNullRecipe(server, m);
            for (NotNullRecipe.Statement st : recipe.statements()) {
                steps.add(new PlanStep("contract", notNullAction(st.name()), st.sql(), st.lock(),
                        st.scans() ? "one sequential scan of " + size + "; reads and writes go on" : catalogOnly,
                        notNullNote(st.name(), server)));
            }
            if (!server.notNullProvenByCheck()) {
                steps.add(new PlanStep("contract", "keep the validated CHECK instead of SET NOT NULL", null, "none",
                        "none", server + " cannot use a validated CHECK to skip SET NOT NULL's scan, which would hold"
                        + " ACCESS EXCLUSIVE for a whole scan of " + size + "; the CHECK refuses the same rows"));
            }
        }
        if (m.index() != null) {
            steps.add(new PlanStep("contract", "build the index (an INVALID leftover of a failed build is dropped first)",
                    IndexRecipe.create(m, m.index()), IndexRecipe.lock(m.index()),
                    "two scans of " + size + " plus a sort" + (m.index().concurrently() ? "; reads and writes go on" : ""),
                    m.index().concurrently() ? "waits for transactions older than the build to finish" : "a plain build"
                            + " blocks writes to the table for its whole duration"));
        }
        steps.add(new PlanStep("complete", "check column, type, default, NOT NULL and index; archive", null, "none",
                "none", "drivers stop rewriting once archived"));
        return new Plan(m.id(), m.schema() + "." + m.table(), m.column(), probe.type(), m.phase().label(),
                server.major(), needed, needed ? backfillReason(m, expand) : expand.reason(),
                facts.estimatedRows(), facts.tableBytes(), List.copyOf(steps));
    }

    private static String backfillReason(MigrationRecord m, ExpandRecipe expand) {
        return (m.backfillExpr() != null ? "existing rows get the backfill expression " + m.backfillExpr()
                : "existing rows get the default " + m.defaultExpr()) + " (" + expand.reason() + ")";
    }

    private static String notNullAction(String step) {
        return switch (step) {
            case "add-check" -> "add CHECK (col IS NOT NULL) NOT VALID: refuses new NULLs, checks no existing row";
            case "add-not-null" -> "add NOT NULL NOT VALID: refuses new NULLs, checks no existing row";
            case "validate" -> "validate it against existing rows";
            case "set-not-null" -> "set NOT NULL";
            case "drop-check" -> "drop the helper CHECK";
            default -> step;
        };
    }

    private static String notNullNote(String step, ServerVersion server) {
        return switch (step) {
            case "add-not-null" -> server + " supports NOT NULL ... NOT VALID natively";
            case "validate" -> "SHARE UPDATE EXCLUSIVE lets reads and writes through while it scans";
            case "set-not-null" -> "no scan: " + server + " uses the validated CHECK as proof";
            case "drop-check" -> "redundant once SET NOT NULL holds";
            default -> "";
        };
    }

    static String bytes(long bytes) {
        if (bytes < 1024 * 1024) {
            return (bytes / 1024) + " kB";
        }
        if (bytes < 1024L * 1024 * 1024) {
            return (bytes / (1024 * 1024)) + " MB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f GB", bytes / (1024.0 * 1024 * 1024));
    }
}
