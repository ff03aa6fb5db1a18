package io.colshift.phase;

/** The plan as operators read it in a terminal or a deploy log. */
public final class PlanText {

    private PlanText() {
    }

    public static String render(Plan plan) {
        StringBuilder sb = new StringBuilder();
        sb.append("plan for '").append(plan.id()).append("': add ").append(plan.table()).append('.')
                .append(plan.column()).append(' ').append(plan.type()).append(" on PostgreSQL ")
                .append(plan.serverMajor()).append(" (phase now: ").append(plan.phase()).append(")\n");
        sb.append("table: ").append(plan.estimatedRows() < 0 ? "row count unknown (never analysed)"
                : "~" + plan.estimatedRows() + " rows").append(", ").append(Planner.bytes(plan.tableBytes())).append('\n');
        sb.append("backfill needed: ").append(plan.backfillNeeded() ? "yes" : "no").append(" - ")
                .append(plan.backfillReason()).append("\n\n");
        int n = 1;
        for (PlanStep step : plan.steps()) {
            sb.append(String.format(java.util.Locale.ROOT, "%2d. colshift %-9s %s%n", n++, step.command(), step.action()));
            if (step.sql() != null) {
                sb.append("    sql:  ").append(step.sql()).append('\n');
            }
            sb.append("    lock: ").append(step.lock());
            if (!"none".equals(step.hold())) {
                sb.append(", held ").append(step.hold());
            }
            sb.append('\n');
            if (step.note() != null && !step.note().isEmpty()) {
                sb.append("    note: ").append(step.note()).append('\n');
            }
        }
        sb.append("\nnothing was changed; run `colshift advance ").append(plan.id())
                .append(" --until complete` (or each command) to apply it\n");
        return sb.toString();
    }
}
