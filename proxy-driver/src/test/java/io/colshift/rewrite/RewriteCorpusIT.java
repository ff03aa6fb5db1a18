package io.colshift.rewrite;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import io.colshift.rewrite.Corpus.Compare;
import io.colshift.rewrite.Corpus.Entry;
import io.colshift.rewrite.Corpus.Variant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every corpus statement, rewritten for each phase, against a real PostgreSQL database in that
 * phase's shape, and the application's original statement against a second database that already has
 * the target schema (the column present, holding what reads must see). Both must succeed and agree:
 * same labels and rows for reads, same matched-row count for writes. Each statement runs in a
 * transaction that is rolled back, so every statement sees the same data.
 */
@WithPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RewriteCorpusIT {

    /** What the phase database stores in status for seeded rows: some set, some still NULL. */
    private static final String STORED = "CASE WHEN g % 3 = 0 THEN 'vip' WHEN g % 3 = 1 THEN NULL ELSE 'active' END";
    private static final String FALLBACK_OF_ROW = "CASE WHEN g % 5 = 0 THEN 'gone' ELSE 'active' END";

    private final RewriteEngine engine = Rewrites.engine(10_000);
    private String targetUrl;
    private TestDatabase db;

    @BeforeAll
    void createTargetDatabase(TestDatabase db) throws SQLException {
        this.db = db;
        String targetName = db.name() + "_target";
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + targetName);
            st.execute("CREATE DATABASE " + targetName);
        }
        int slash = db.jdbcUrl().lastIndexOf('/');
        String tail = db.jdbcUrl().substring(slash + 1);
        int q = tail.indexOf('?');
        targetUrl = db.jdbcUrl().substring(0, slash + 1) + targetName + (q < 0 ? "" : tail.substring(q));
    }

    @AfterAll
    void dropTargetDatabase() throws SQLException {
        engine.close();
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + db.name() + "_target");
        }
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void everyCorpusStatementRunsAndReturnsWhatTheTargetSchemaReturns(Variant variant) throws Exception {
        List<Entry> corpus = Corpus.load();
        List<String> failures = new ArrayList<>();
        try (Connection phaseDb = DriverManager.getConnection(db.jdbcUrl(), db.credentials());
             Connection targetDb = DriverManager.getConnection(targetUrl, db.credentials())) {
            int major = phaseDb.getMetaData().getDatabaseMajorVersion();
            if (major < 15) {
                corpus.removeIf(e -> e.sql.regionMatches(true, 0, "MERGE", 0, 5)); // MERGE arrived in PostgreSQL 15
            }
            setUp(phaseDb, phaseSchema(variant));
            setUp(targetDb, targetSchema(variant));
            phaseDb.setAutoCommit(false);
            targetDb.setAutoCommit(false);
            for (Entry e : corpus) {
                Rewrite rewrite = engine.rewrite(e.sql, variant.snapshot());
                Outcome got;
                Outcome want;
                try {
                    got = run(phaseDb, rewrite.applyTo(e.sql), rewrite, e.bindValues());
                } catch (SQLException ex) {
                    failures.add(e + " [" + variant.label + "] rewritten statement failed: " + ex.getMessage()
                            + "\n    " + rewrite.applyTo(e.sql));
                    continue;
                } finally {
                    phaseDb.rollback();
                }
                try {
                    want = run(targetDb, e.sql, Rewrite.UNCHANGED, e.bindValues());
                } catch (SQLException ex) {
                    failures.add(e + " fails in the target schema itself: " + ex.getMessage());
                    continue;
                } finally {
                    targetDb.rollback();
                }
                boolean shapeOnly = e.compare == Compare.SHAPE && variant.phase.readMode() == io.colshift.state.Phase.ReadMode.COALESCE;
                String difference = want.difference(got, shapeOnly);
                if (difference != null) {
                    failures.add(e + " [" + variant.label + "] " + difference + "\n    " + rewrite.applyTo(e.sql));
                }
            }
        }
        assertThat(failures).as("statements that do not behave as in the target schema").isEmpty();
    }

    /** Phase database: the column absent, present with NULLs left, or complete, per phase. */
    private static String phaseSchema(Variant v) {
        return switch (v.phase) {
            case DECLARED -> schema("", "", "");
            case EXPANDED, BACKFILLING, BACKFILLED -> schema(", status text", ", status", ", " + STORED);
            default -> schema(", status text NOT NULL DEFAULT 'active'", ", status",
                    ", COALESCE(" + STORED + ", " + FALLBACK_OF_ROW + ")");
        };
    }

    /** Target schema holding, for each row, what reads in this phase must show. */
    private static String targetSchema(Variant v) {
        String value = v.phase == io.colshift.state.Phase.DECLARED ? FALLBACK_OF_ROW
                : "COALESCE(" + STORED + ", " + FALLBACK_OF_ROW + ")";
        return schema(", status text DEFAULT 'active'", ", status", ", " + value);
    }

    private static String schema(String column, String statusColumn, String statusValue) {
        try (InputStream in = RewriteCorpusIT.class.getResourceAsStream("/rewrite/corpus-schema.sql")) {
            String script = new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
            return script.replace("${status}", column).replace("${status_column}", statusColumn)
                    .replace("${status_value}", statusValue);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void setUp(Connection c, String script) throws SQLException {
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            for (String sql : script.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!sql.isBlank()) {
                    st.execute(sql);
                }
            }
        }
    }

    /** Executes as the driver would: parameters bound through the map, a counting SELECT read as a count. */
    private static Outcome run(Connection c, String sql, Rewrite rewrite, List<Object> values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 1; i <= values.size(); i++) {
                int target = rewrite.mapParameter(i);
                if (target != Rewrite.DROPPED) {
                    bind(c, ps, target, values.get(i - 1));
                }
            }
            if (rewrite.countInsteadOfUpdate()) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return Outcome.count(rs.getLong(1));
                }
            }
            if (ps.execute()) {
                try (ResultSet rs = ps.getResultSet()) {
                    return Outcome.rows(rs, !sql.toLowerCase(Locale.ROOT).contains("order by"),
                            !startsWithSelect(sql));
                }
            }
            return Outcome.count(ps.getUpdateCount());
        }
    }

    private static boolean startsWithSelect(String sql) {
        String s = sql.strip().toLowerCase(Locale.ROOT);
        return s.startsWith("select") || s.startsWith("with") && !s.matches("(?s).*\\)\\s*(insert|update|delete)\\b.*");
    }

    private static void bind(Connection c, PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.NULL);
        } else if (value instanceof Long l) {
            ps.setLong(index, l);
        } else if (value instanceof BigDecimal d) {
            ps.setBigDecimal(index, d);
        } else if (value instanceof Boolean b) {
            ps.setBoolean(index, b);
        } else if (value instanceof OffsetDateTime t) {
            ps.setObject(index, t);
        } else if (value instanceof Long[] longs) {
            ps.setArray(index, c.createArrayOf("bigint", longs));
        } else if (value instanceof String[] strings) {
            ps.setArray(index, c.createArrayOf("text", strings));
        } else {
            ps.setString(index, value.toString());
        }
    }

    /** Labels and rows of a read, or the row count of a write (RETURNING rows count as its rows). */
    private record Outcome(List<String> labels, List<String> rows, long count, boolean onlyCount) {

        static Outcome count(long n) {
            return new Outcome(List.of(), List.of(), n, true);
        }

        static Outcome rows(ResultSet rs, boolean unordered, boolean write) throws SQLException {
            ResultSetMetaData md = rs.getMetaData();
            List<String> labels = new ArrayList<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                labels.add(md.getColumnLabel(i));
            }
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.append(i == 1 ? "" : " | ").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
            if (unordered) {
                rows.sort(null);
            }
            // a write's RETURNING shows written values, which gated writes do not store: compare how many
            return write ? new Outcome(labels, List.of(), rows.size(), true) : new Outcome(labels, rows, rows.size(), false);
        }

        String difference(Outcome got, boolean shapeOnly) {
            if (onlyCount || got.onlyCount) {
                return count == got.count ? null : "matched " + got.count + " rows, target schema " + count;
            }
            if (!labels.equals(got.labels)) {
                return "labels " + got.labels + ", target schema " + labels;
            }
            if (shapeOnly) {
                return rows.size() == got.rows.size() ? null : "row count " + got.rows.size() + " vs " + rows.size();
            }
            return rows.equals(got.rows) ? null : "rows\n      " + got.rows + "\n    target schema\n      " + rows;
        }
    }
}
