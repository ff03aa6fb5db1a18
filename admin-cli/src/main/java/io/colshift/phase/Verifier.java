package io.colshift.phase;

import io.colshift.state.ClientCounters;
import io.colshift.state.MigrationCounters;
import io.colshift.state.Phase;
import io.colshift.state.SafeSql;
import io.colshift.state.UnsafeSqlException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code colshift verify}: checks, at any phase and after {@code complete}, that the table holds what the spec
 * asked for. Each check says {@code ok}, {@code FAILED} or {@code skipped} (the phase has not got there yet, or
 * there is nothing to check). Changes nothing: the queries that read the table run in a read-only transaction.
 *
 * <p>The sample check recomputes the backfill expression on random rows and compares it with what is stored. A
 * row the application wrote after the backfill legitimately holds another value, and which rows those are cannot be
 * known without a trigger ({@code xmin} ages are not reliable across wraparound), so the check reports the mismatch
 * count and ratio and fails only above {@code maxMismatchRatio}.
 *
 * <p>The fail-open check reads the counters drivers report with their heartbeat. The application role writes them,
 * so the check is advisory: a forged row can make it fail, never make another check pass.
 */
public final class Verifier {

    /**
     * A sample of at most a third of the table's estimated rows is drawn page-wise (falling back to sorting when the
     * pages drawn hold fewer than half the sample); larger ones by sorting.
     */
    private static final int SYSTEM_SAMPLE_FACTOR = 3;

    private final Connection connection;
    private final MigrationRecord m;
    private final Optional<Map<String, ClientCounters>> counters;
    private final int sampleSize;
    private final double maxMismatchRatio;
    private SampleResult sample;

    /**
     * @param counters the drivers' adoption counters by client id, empty when the control schema has none
     */
    public Verifier(Connection connection, MigrationRecord migration, Optional<Map<String, ClientCounters>> counters,
                    int sampleSize, double maxMismatchRatio) {
        this.connection = connection;
        this.m = migration;
        this.counters = counters;
        this.sampleSize = sampleSize;
        this.maxMismatchRatio = maxMismatchRatio;
    }

    /** What {@link #run()} found. */
    public record Result(List<VerifyCheck> checks, SampleResult sample) {

        public boolean passed() {
            return checks.stream().noneMatch(VerifyCheck::failed);
        }
    }

    public Result run() throws SQLException {
        List<VerifyCheck> checks = new ArrayList<>();
        boolean contracted = at(Phase.CONTRACTED);
        boolean backfilled = at(Phase.BACKFILLED);
        ColumnState column = new Catalog(connection).column(m.schema(), m.table(), m.column());
        if (!m.phase().columnExists()) {
            String why = "migration is " + m.phase().label() + ": the column is added at expand";
            for (String name : List.of("column", "default", "not-null", "no-null", "backfill-sample", "index")) {
                checks.add(VerifyCheck.skipped(name, why));
            }
            checks.add(failOpen());
            return new Result(checks, null);
        }
        if (!column.exists()) {
            checks.add(VerifyCheck.failed("column", "column " + m.describe() + " is missing"));
            for (String name : List.of("default", "not-null", "no-null", "backfill-sample")) {
                checks.add(VerifyCheck.skipped(name, "the column is missing"));
            }
            checks.add(index(contracted));
            checks.add(failOpen());
            return new Result(checks, null);
        }
        ExpressionProbe.Result probe;
        try {
            probe = ExpressionProbe.probe(connection, m.type(), m.defaultExpr());
        } catch (PreconditionFailed e) {
            checks.add(VerifyCheck.failed("column", e.getMessage()));
            return new Result(checks, null);
        }
        checks.add(probe.type().equals(column.type())
                ? VerifyCheck.ok("column", m.describe() + " exists, type " + column.type())
                : VerifyCheck.failed("column", "type is " + column.type() + ", spec says " + probe.type()));
        checks.add(defaultCheck(probe, column, contracted));
        checks.add(notNull(column, contracted));
        checks.add(noNull(backfilled));
        checks.add(sample(backfilled));
        checks.add(index(contracted));
        checks.add(failOpen());
        return new Result(checks, sample);
    }

    private boolean at(Phase phase) {
        return m.archived() || m.phase().compareTo(phase) >= 0;
    }

    private VerifyCheck defaultCheck(ExpressionProbe.Result probe, ColumnState column, boolean contracted) {
        if (m.defaultExpr() == null) {
            return VerifyCheck.skipped("default", "the spec sets no default");
        }
        if (!contracted) {
            return VerifyCheck.skipped("default", "checked from contracted on (migration is " + m.phase().label() + ")");
        }
        return probe.defaultExpr().equals(column.defaultExpr()) ? VerifyCheck.ok("default", column.defaultExpr())
                : VerifyCheck.failed("default", "default is " + (column.defaultExpr() == null ? "not set"
                : column.defaultExpr()) + ", spec says " + probe.defaultExpr());
    }

    private VerifyCheck notNull(ColumnState column, boolean contracted) throws SQLException {
        if (!m.notNull()) {
            return VerifyCheck.skipped("not-null", "the spec allows NULL");
        }
        if (!contracted) {
            return VerifyCheck.skipped("not-null", "enforced at contract (migration is " + m.phase().label() + ")");
        }
        ServerVersion server = ServerVersion.of(connection);
        Constraints constraints = new Constraints(connection);
        boolean enforced;
        if (server.nativeNotNullNotValid()) {
            enforced = constraints.nativeNotNull(m).valid();
        } else if (server.notNullProvenByCheck()) {
            enforced = column.notNull();
        } else {
            enforced = column.notNull()
                    || constraints.constraint(m, new NotNullRecipe(server, m).constraintName()).valid();
        }
        return enforced ? VerifyCheck.ok("not-null", "NOT NULL is enforced")
                : VerifyCheck.failed("not-null", "NOT NULL is not enforced on " + m.describe());
    }

    /**
     * NOT NULL columns: no NULL at all. Nullable ones: no NULL where the fill expression gives a value (the
     * backfill would have filled it), counted against the same threshold as the sample, since the application
     * may legitimately have written NULL since.
     */
    private VerifyCheck noNull(boolean backfilled) throws SQLException {
        if (!backfilled) {
            return VerifyCheck.skipped("no-null", "the backfill has not finished (migration is " + m.phase().label() + ")");
        }
        String col = m.quotedColumn();
        if (m.notNull()) {
            long nulls = readOnly("SELECT count(*) FROM " + m.quotedTable() + " WHERE " + col + " IS NULL")[0];
            return nulls == 0 ? VerifyCheck.ok("no-null", "no row is NULL")
                    : VerifyCheck.failed("no-null", nulls + " row(s) are NULL; the spec says NOT NULL");
        }
        String fill;
        try {
            fill = fillSpliced();
        } catch (UnsafeSqlException e) {
            return VerifyCheck.failed("no-null", "the stored fill expression fails the checks declare applies: "
                    + e.reason());
        }
        if (fill == null) {
            return VerifyCheck.skipped("no-null", "the spec allows NULL and sets neither backfill nor default");
        }
        long[] counts = readOnly("SELECT count(*) FILTER (WHERE " + col + " IS NULL AND " + fill + " IS NOT NULL),"
                + " count(*) FROM " + m.quotedTable() + " AS " + Sql.ident(m.table()));
        double ratio = counts[1] == 0 ? 0 : (double) counts[0] / counts[1];
        String found = counts[0] + " of " + counts[1] + " row(s) are NULL where the backfill gives a value";
        return ratio <= maxMismatchRatio ? VerifyCheck.ok("no-null", found)
                : VerifyCheck.failed("no-null", found + " (ratio " + ratio(ratio) + " > --max-mismatch-ratio "
                + maxMismatchRatio + "; NULLs the application wrote since count too)");
    }

    /** Sampled rows and how many of them differ from the backfill expression, over the rows {@code rows} draws. */
    private long[] countSample(String expr, String rows) throws SQLException {
        // the sample is aliased as the table so that expressions qualifying columns with its name still resolve
        String alias = Sql.ident(m.table());
        return readOnly("SELECT count(*), count(*) FILTER (WHERE " + alias + "." + m.quotedColumn()
                + " IS DISTINCT FROM CAST(" + expr + " AS " + m.type() + ")) FROM (" + rows + ") AS " + alias);
    }

    private VerifyCheck sample(boolean backfilled) throws SQLException {
        if (m.backfillExpr() == null) {
            return VerifyCheck.skipped("backfill-sample", "the spec has no backfill expression (existing rows took"
                    + " the default)");
        }
        if (!backfilled) {
            return VerifyCheck.skipped("backfill-sample", "the backfill has not finished (migration is "
                    + m.phase().label() + ")");
        }
        String expr;
        try {
            // the backfill expression (checked above), re-validated and spliced only in its normalised form
            expr = fillSpliced();
        } catch (UnsafeSqlException e) {
            return VerifyCheck.failed("backfill-sample", "the stored backfill expression fails the checks declare"
                    + " applies: " + e.reason());
        }
        long estimate = new Catalog(connection).estimatedRows(m.schema(), m.table());
        String method = "TABLESAMPLE SYSTEM";
        long[] counts = null;
        if (estimate > (long) sampleSize * SYSTEM_SAMPLE_FACTOR) {
            double percent = Math.min(100.0, Math.max(0.0001, 100.0 * sampleSize * SYSTEM_SAMPLE_FACTOR / estimate));
            counts = countSample(expr, "SELECT * FROM " + m.quotedTable() + " TABLESAMPLE SYSTEM ("
                    + String.format(Locale.ROOT, "%.6f", percent) + ") LIMIT " + sampleSize);
            if (counts[0] < sampleSize / 2) {
                counts = null; // a table of few pages can draw none, or too few to mean much: sort instead
            }
        }
        if (counts == null) {
            counts = countSample(expr, "SELECT * FROM " + m.quotedTable() + " ORDER BY pg_catalog.random() LIMIT "
                    + sampleSize);
            method = "ORDER BY random()";
        }
        double ratio = counts[0] == 0 ? 0 : (double) counts[1] / counts[0];
        sample = new SampleResult(sampleSize, counts[0], counts[1], ratio, maxMismatchRatio, method);
        String found = counts[1] + " of " + counts[0] + " sampled row(s) differ from the backfill expression ("
                + ratio(ratio) + ", " + method + ")";
        if (ratio <= maxMismatchRatio) {
            return VerifyCheck.ok("backfill-sample", found);
        }
        return VerifyCheck.failed("backfill-sample", found + ", above --max-mismatch-ratio " + maxMismatchRatio
                + ". Rows the application wrote after the backfill legitimately differ: raise the ratio if that"
                + " explains them");
    }

    private VerifyCheck index(boolean contracted) throws SQLException {
        if (m.index() == null) {
            return VerifyCheck.skipped("index", "the spec has no index");
        }
        if (!contracted) {
            return VerifyCheck.skipped("index", "built at contract (migration is " + m.phase().label() + ")");
        }
        Constraints.Found index = new Constraints(connection).index(m, m.index().name());
        if (!index.exists() || !index.onTable()) {
            return VerifyCheck.failed("index", "index " + m.index().name() + " is missing");
        }
        return index.valid() ? VerifyCheck.ok("index", "index " + m.index().name() + " is valid")
                : VerifyCheck.failed("index", "index " + m.index().name() + " is INVALID (pg_index.indisvalid)");
    }

    private VerifyCheck failOpen() {
        if (counters.isEmpty()) {
            return VerifyCheck.skipped("no-fail-open", "no adoption data (the control schema has no clients.counters)");
        }
        long total = 0;
        int reporting = 0;
        List<String> offenders = new ArrayList<>();
        for (ClientCounters c : counters.get().values()) {
            Optional<MigrationCounters> mc = c.of(m.id());
            if (mc.isEmpty()) {
                continue;
            }
            reporting++;
            Long passed = mc.get().passedUnchanged();
            if (passed != null && passed > 0) {
                total += passed;
                offenders.add(c.clientId() + " (" + passed + ")");
            }
        }
        if (reporting == 0) {
            return VerifyCheck.skipped("no-fail-open", "no adoption data: no driver reports counters for this migration");
        }
        if (offenders.isEmpty()) {
            return VerifyCheck.ok("no-fail-open", reporting + " driver(s) report no statement passed unchanged"
                    + " (advisory: reported by the application role)");
        }
        return VerifyCheck.failed("no-fail-open", total + " statement(s) passed unchanged (fail-open) by "
                + String.join(", ", offenders) + ": they ran without rewriting, see those drivers' logs"
                + " (advisory: reported by the application role)");
    }

    /** The expression existing rows were filled with, spliced in normalised form, or null when the spec has none. */
    private String fillSpliced() throws UnsafeSqlException {
        if (m.backfillExpr() != null) {
            return SafeSql.expression(m.backfillExpr(), SafeSql.Use.BACKFILL).spliced();
        }
        return m.defaultExpr() == null ? null : SafeSql.expression(m.defaultExpr(), SafeSql.Use.DEFAULT).spliced();
    }

    /** Runs one query returning one row of counts in a read-only transaction: verify writes nothing. */
    private long[] readOnly(String sql) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement()) {
            st.execute("SET TRANSACTION READ ONLY");
            try (ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                long[] counts = new long[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < counts.length; i++) {
                    counts[i] = rs.getLong(i + 1);
                }
                return counts;
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    private static String ratio(double r) {
        return String.format(Locale.ROOT, "%.4f", r);
    }
}
