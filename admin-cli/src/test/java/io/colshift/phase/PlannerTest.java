package io.colshift.phase;

import io.colshift.state.Phase;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The recipes per server version; the SQL they produce runs against real servers in ContractorIT and PlanCommandIT. */
class PlannerTest {

    private static final MigrationRecord STATUS = new MigrationRecord("users-status", "public", "users", "status",
            "text", "'active'", "CASE WHEN deleted_at IS NULL THEN 'active' ELSE 'gone' END", true,
            new IndexSpec("users_status_idx", false, "btree", true), Phase.DECLARED, false, false);
    private static final MigrationRecord CONSTANT = new MigrationRecord("users-tier", "public", "users", "tier",
            "int", "0", null, false, null, Phase.DECLARED, false, false);
    private static final ExpressionProbe.Result TEXT_CONSTANT =
            new ExpressionProbe.Result("text", "'active'::text", List.of());
    private static final ExpressionProbe.Result INT_CONSTANT = new ExpressionProbe.Result("integer", "0", List.of());

    @Test
    void postgres18UsesNativeNotNullNotValid() {
        List<String> sql = sql(plan(STATUS, 18, TEXT_CONSTANT));
        assertThat(sql).contains("ALTER TABLE \"public\".\"users\" ADD CONSTRAINT \"users_status_not_null\" NOT NULL"
                + " \"status\" NOT VALID", "ALTER TABLE \"public\".\"users\" VALIDATE CONSTRAINT \"users_status_not_null\"");
        assertThat(sql).noneMatch(s -> s.contains("CHECK (") || s.contains("SET NOT NULL"));
    }

    @Test
    void postgres12To17ProveNotNullWithAValidatedCheckAndDropIt() {
        for (int major : new int[] {12, 17}) {
            List<String> sql = sql(plan(STATUS, major, TEXT_CONSTANT));
            String check = "ALTER TABLE \"public\".\"users\" ADD CONSTRAINT \"colshift_status_not_null\""
                    + " CHECK (\"status\" IS NOT NULL) NOT VALID";
            assertThat(sql).containsSubsequence(check,
                    "ALTER TABLE \"public\".\"users\" VALIDATE CONSTRAINT \"colshift_status_not_null\"",
                    "ALTER TABLE \"public\".\"users\" ALTER COLUMN \"status\" SET NOT NULL",
                    "ALTER TABLE \"public\".\"users\" DROP CONSTRAINT IF EXISTS \"colshift_status_not_null\"");
        }
    }

    @Test
    void postgres11KeepsTheValidatedCheckInsteadOfScanningUnderAnExclusiveLock() {
        Plan plan = plan(STATUS, 11, TEXT_CONSTANT);
        assertThat(sql(plan)).noneMatch(s -> s.contains("SET NOT NULL"));
        assertThat(plan.steps()).anyMatch(s -> s.action().equals("keep the validated CHECK instead of SET NOT NULL")
                && s.note().contains("ACCESS EXCLUSIVE for a whole scan"));
    }

    @Test
    void constantDefaultNeedsNoBackfillFromPostgres11On() {
        Plan plan = plan(CONSTANT, 11, INT_CONSTANT);
        assertThat(plan.backfillNeeded()).isFalse();
        assertThat(plan.steps().get(0).sql())
                .isEqualTo("ALTER TABLE \"public\".\"users\" ADD COLUMN IF NOT EXISTS \"tier\" int DEFAULT (0)");
        assertThat(plan.steps().get(0).hold()).isEqualTo("milliseconds (catalog only)");
    }

    @Test
    void beforePostgres11EvenAConstantDefaultIsBackfilledInBatches() {
        Plan plan = plan(CONSTANT, 10, INT_CONSTANT);
        assertThat(plan.backfillNeeded()).isTrue();
        assertThat(plan.steps().get(0).sql()).doesNotContain("DEFAULT");
        assertThat(plan.steps()).anyMatch(s -> s.command().equals("backfill") && s.sql() != null
                && s.sql().contains("OFFSET ? LIMIT 1"));
    }

    @Test
    void volatileDefaultIsBackfilledAndTheReasonNamesTheFunction() {
        MigrationRecord token = new MigrationRecord("users-token", "public", "users", "token", "uuid",
                "gen_random_uuid()", null, false, null, Phase.DECLARED, false, false);
        Plan plan = plan(token, 17, new ExpressionProbe.Result("uuid", "gen_random_uuid()", List.of("gen_random_uuid()")));
        assertThat(plan.backfillNeeded()).isTrue();
        assertThat(plan.backfillReason()).contains("volatile gen_random_uuid()");
    }

    @Test
    void everyStepNamesItsLockAndTheIndexIsBuiltConcurrently() {
        Plan plan = plan(STATUS, 17, TEXT_CONSTANT);
        assertThat(plan.steps()).allMatch(s -> s.lock() != null && !s.lock().isEmpty());
        assertThat(plan.steps()).anyMatch(s -> "CREATE INDEX CONCURRENTLY IF NOT EXISTS \"users_status_idx\" ON"
                .concat(" \"public\".\"users\" USING btree (\"status\")").equals(s.sql())
                && s.lock().equals("SHARE UPDATE EXCLUSIVE"));
        assertThat(PlanText.render(plan)).contains("backfill needed: yes").contains("nothing was changed");
    }

    private static Plan plan(MigrationRecord m, int major, ExpressionProbe.Result probe) {
        KeysetWalk walk = new KeysetWalk(m, "primary key", List.of(new KeyColumn("id", "bigint")),
                m.fillExpression());
        PlanFacts facts = new PlanFacts(ColumnState.ABSENT, walk, 1_000_000, 200L * 1024 * 1024);
        return Planner.plan(m, new ServerVersion(major), probe, facts, DdlOptions.DEFAULTS, BackfillOptions.DEFAULTS);
    }

    private static List<String> sql(Plan plan) {
        return plan.steps().stream().map(PlanStep::sql).filter(s -> s != null).toList();
    }
}
