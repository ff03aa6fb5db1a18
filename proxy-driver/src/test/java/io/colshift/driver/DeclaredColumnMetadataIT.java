package io.colshift.driver;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import io.colshift.state.ControlSchema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static io.colshift.driver.ControlState.awaitVersion;
import static io.colshift.driver.ControlState.rows;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DatabaseMetaData#getColumns} through the driver while migrations are declared: the declared column is
 * listed once, after the real ones, exactly as pgjdbc lists the same column once it really exists (compared
 * with a twin table that has it), for every pattern form.
 */
@WithPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeclaredColumnMetadataIT {

    private static final String SCHEMA = "cs_meta";

    /** Declared types, each on a table of its own; the twin table in schema {@code twin} really has the column. */
    private static final List<String> TYPES = List.of("text", "character varying(20)", "integer", "bigint",
            "numeric(10,2)", "numeric", "boolean", "timestamp with time zone", "timestamp(3) without time zone",
            "date", "jsonb", "uuid", "bytea", "bit(4)", "character(3)", "integer[]", "app.mood", "app.short_name",
            "app.price", "double precision", "smallint", "interval");

    private TestDatabase db;
    private long version;

    @BeforeAll
    void createTablesAndDeclare(TestDatabase db) throws Exception {
        this.db = db;
        List<String> setUp = new ArrayList<>(List.of(
                "CREATE SCHEMA app", "CREATE SCHEMA twin", "CREATE SCHEMA other",
                "CREATE TYPE app.mood AS ENUM ('sad', 'ok')",
                "CREATE DOMAIN app.short_name AS varchar(8)",
                "CREATE DOMAIN app.price AS numeric(7,3)",
                // a dropped column leaves a gap in attribute numbers: ADD COLUMN takes the number after it
                "CREATE TABLE app.users (id bigint PRIMARY KEY, name text NOT NULL, gone int)",
                "ALTER TABLE app.users DROP COLUMN gone",
                "CREATE TABLE app.users_log (id bigint, note text)",
                "CREATE TABLE other.users (id bigint, status text)"));
        for (int i = 0; i < TYPES.size(); i++) {
            for (String schema : List.of("app", "twin")) {
                setUp.add("CREATE TABLE " + schema + ".typed_" + i + " (id int, gone int, label text)");
                setUp.add("ALTER TABLE " + schema + ".typed_" + i + " DROP COLUMN gone");
            }
            setUp.add("ALTER TABLE twin.typed_" + i + " ADD COLUMN value " + TYPES.get(i));
        }
        setUp.addAll(ControlSchema.named(SCHEMA).ddl());
        admin(setUp.toArray(String[]::new));
        List<String> declare = new ArrayList<>();
        declare.add(migration("users-status", "users", "status", "text", "'active'"));
        for (int i = 0; i < TYPES.size(); i++) {
            declare.add(migration("typed-" + i, "typed_" + i, "value", TYPES.get(i), null));
        }
        declare.add(bumpVersion());
        admin(declare.toArray(String[]::new));
        version = 2;
    }

    @Test
    void declaredColumnIsListedAsPgjdbcListsTheSameColumnOnceItExists() throws Exception {
        try (Connection colshift = connect(); Connection plain = db.connect()) {
            for (int i = 0; i < TYPES.size(); i++) {
                List<Map<String, String>> declared = rows(colshift.getMetaData().getColumns(null, "app", "typed_" + i, "value"));
                List<Map<String, String>> real = rows(plain.getMetaData().getColumns(null, "twin", "typed_" + i, "value"));
                assertThat(declared).as("value %s", TYPES.get(i)).hasSize(1);
                assertThat(real).hasSize(1);
                Map<String, String> expected = new LinkedHashMap<>(real.get(0));
                expected.put("TABLE_SCHEM", "app");
                assertThat(declared.get(0)).as("getColumns row of a declared %s column", TYPES.get(i))
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void declaredColumnComesLastWithTheSpecsDefaultAndNullable() throws Exception {
        try (Connection c = connect()) {
            List<Map<String, String>> rows = rows(c.getMetaData().getColumns(null, "app", "users", null));
            assertThat(rows).extracting(r -> r.get("COLUMN_NAME")).containsExactly("id", "name", "status");
            Map<String, String> status = rows.get(2);
            // pgjdbc 42.7 numbers live columns (the dropped one leaves no gap)
            assertThat(status.get("ORDINAL_POSITION")).isEqualTo("3");
            assertThat(status.get("COLUMN_DEF")).isEqualTo("'active'");
            assertThat(status.get("IS_NULLABLE")).isEqualTo("YES");
            assertThat(status.get("NULLABLE")).isEqualTo(Integer.toString(DatabaseMetaData.columnNullable));
            assertThat(status.get("TYPE_NAME")).isEqualTo("text");
            assertThat(status.get("DATA_TYPE")).isEqualTo(Integer.toString(java.sql.Types.VARCHAR));
        }
    }

    /**
     * An application that validates its schema before it runs any statement (Hibernate's {@code validate} at
     * start-up) asks the metadata first: the state must be read then, under the lease, as for a statement.
     */
    @Test
    void metadataAskedBeforeAnyStatementAlreadyListsTheDeclaredColumn() throws Exception {
        String first = "cs_meta_first";
        List<String> install = new ArrayList<>(ControlSchema.named(first).ddl());
        install.add(migration("users-status", "users", "status", "text", "'active'").replace(SCHEMA + ".", first + "."));
        install.add(bumpVersion().replace(SCHEMA, first));
        admin(install.toArray(String[]::new));
        Properties props = db.credentials();
        props.setProperty("colshift.controlSchema", first);
        props.setProperty("colshift.watch", "false"); // no watcher that could have read the state beforehand
        try (Connection c = DriverManager.getConnection(db.colshiftUrl(), props)) {
            assertThat(names(c.getMetaData().getColumns(null, "app", "users", null)))
                    .containsExactly("app.users.id", "app.users.name", "app.users.status");
        }
    }

    @Test
    void everyPatternFormListsTheDeclaredColumnOnceWhereTheRealCatalogWouldList() throws Exception {
        try (Connection c = connect()) {
            DatabaseMetaData md = c.getMetaData();
            for (String[] args : new String[][] {
                    {null, "app", "users", null}, {null, "app", "users", "%"}, {null, "app", "users", ""},
                    {"", "", "users", "%"}, {null, null, "users", null}, {null, "a%", "user_", "%"},
                    {null, "app", "%", "%"}, {null, "app", null, null}, {null, null, null, null},
                    {null, "app", "users", "status"}, {null, "app", "users", "st_tus"}, {null, "app", "users", "s%"},
                    {db.name(), "app", "users", null}}) {
                List<String> listed = names(md.getColumns(args[0], args[1], args[2], args[3]));
                assertThat(listed).as("getColumns(%s, %s, %s, %s)", (Object[]) args)
                        .containsOnlyOnce("app.users.status");
                List<String> appUsers = listed.stream().filter(n -> n.startsWith("app.users.")).toList();
                assertThat(appUsers.get(appUsers.size() - 1)).as("last column of app.users").isEqualTo("app.users.status");
                assertThat(listed).as("the real columns are all still there")
                        .containsAll(names(realConnection(c).getMetaData().getColumns(args[0], args[1], args[2], args[3])));
                assertThat(listed).as("sorted as pgjdbc sorts: schema, table, position").isEqualTo(sortedByTable(listed));
            }
            for (String[] args : new String[][] {{null, "app", "users", "name"}, {null, "app", "users_log", null},
                    {null, "other", "users", null}, {null, "APP", "users", null}, {null, "app", "USERS", null},
                    {null, "app", "users", "sta"}, {null, "twin", null, null}}) {
                assertThat(names(md.getColumns(args[0], args[1], args[2], args[3])))
                        .as("getColumns(%s, %s, %s, %s)", (Object[]) args).doesNotContain("app.users.status");
            }
            // pgjdbc decides what a catalog argument selects; the declared column follows its table's columns
            boolean catalogListsTable = names(realConnection(c).getMetaData().getColumns("no_such_catalog", "app", "users",
                    null)).contains("app.users.id");
            assertThat(names(md.getColumns("no_such_catalog", "app", "users", null)).contains("app.users.status"))
                    .isEqualTo(catalogListsTable);
            assertThat(names(md.getColumns(null, null, "users", null))).as("other.users keeps its own status only")
                    .containsSubsequence("app.users.status", "other.users.id", "other.users.status");
        }
    }

    @Test
    void listingBehavesLikePgjdbcsOwnResultSet() throws Exception {
        try (Connection c = connect(); Connection plain = db.connect()) {
            ResultSet ours = c.getMetaData().getColumns(null, "app", "users", null);
            ResultSet theirs = plain.getMetaData().getColumns(null, "app", "users", null);
            ResultSetMetaData a = ours.getMetaData();
            ResultSetMetaData b = theirs.getMetaData();
            assertThat(a.getColumnCount()).isEqualTo(b.getColumnCount());
            for (int i = 1; i <= a.getColumnCount(); i++) {
                assertThat(a.getColumnLabel(i)).isEqualTo(b.getColumnLabel(i));
                assertThat(a.getColumnType(i)).as(b.getColumnLabel(i)).isEqualTo(b.getColumnType(i));
                assertThat(a.getColumnTypeName(i)).as(b.getColumnLabel(i)).isEqualTo(b.getColumnTypeName(i));
            }
            assertThat(ours.getStatement().getConnection()).isSameAs(c);
            int position = 0;
            while (ours.next()) {
                position = ours.getInt("ordinal_position");
                assertThat(ours.getShort("DATA_TYPE")).isNotZero();
                ours.getInt("DECIMAL_DIGITS");
                assertThat(ours.wasNull()).as("text has no scale").isFalse();
            }
            assertThat(position).as("after id and name").isEqualTo(3);
        }
    }

    @Test
    void listingInsideATransactionLeavesTheTransactionUsable() throws Exception {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO app.users_log VALUES (1, 'inside')");
                assertThat(names(c.getMetaData().getColumns(null, "app", "users", null))).contains("app.users.status");
                assertThat(st.executeUpdate("UPDATE app.users_log SET note = 'still' WHERE id = 1")).isEqualTo(1);
                c.rollback();
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM app.users_log")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("the rollback undid the insert").isZero();
                }
            }
        }
    }

    @Test
    void rewrittenReadsNameTheDeclaredColumnInTheirResultMetadata() throws Exception {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            for (String sql : List.of("SELECT status FROM app.users", "SELECT u.status FROM app.users u",
                    "SELECT id, status FROM app.users WHERE status = 'active'")) {
                ResultSetMetaData md = st.executeQuery(sql).getMetaData();
                int last = md.getColumnCount();
                assertThat(md.getColumnLabel(last)).as(sql).isEqualTo("status");
                assertThat(md.getColumnName(last)).as(sql).isEqualTo("status");
                assertThat(md.getColumnTypeName(last)).as(sql).isEqualTo("text");
            }
            ResultSetMetaData star = st.executeQuery("SELECT * FROM app.users").getMetaData();
            assertThat(star.getColumnLabel(star.getColumnCount())).isEqualTo("status");
        }
    }

    @Test
    void aDeclaredTypeThatNoLongerResolvesIsLeftOutAndTheTransactionStaysUsable() throws Exception {
        admin("CREATE TYPE app.fragile_kind AS ENUM ('a')", "CREATE TABLE app.fragile (id int)",
                migration("fragile-kind", "fragile", "kind", "app.fragile_kind", null), bumpVersion());
        version++;
        admin("DROP TYPE app.fragile_kind");
        try (Connection c = connect(); Statement st = c.createStatement()) {
            long before = c.unwrap(ColshiftConnection.class).statementsPassedUnchanged();
            c.setAutoCommit(false);
            st.executeUpdate("INSERT INTO app.users_log VALUES (2, 'fragile')");
            assertThat(names(c.getMetaData().getColumns(null, "app", null, null)))
                    .as("the other declared columns are still listed").contains("app.fragile.id", "app.users.status")
                    .doesNotContain("app.fragile.kind");
            assertThat(st.executeUpdate("UPDATE app.users_log SET note = 'after' WHERE id = 2")).isEqualTo(1);
            c.rollback();
            assertThat(c.unwrap(ColshiftConnection.class).statementsPassedUnchanged()).as("counted").isGreaterThan(before);
        }
    }

    /** Expands a table of its own, so the other tests' declared columns stay declared. */
    @Test
    void aColumnThatExistsIsListedOnceWhateverTheStateSays() throws Exception {
        admin("CREATE TABLE app.expanding (id int)",
                migration("expanding-flag", "expanding", "flag", "boolean", "false"), bumpVersion());
        version++;
        try (Connection c = connect()) {
            assertThat(names(c.getMetaData().getColumns(null, "app", "expanding", null)))
                    .containsExactly("app.expanding.id", "app.expanding.flag");
            // the column added while drivers still run the declared state: the catalog's own row, once
            admin("ALTER TABLE app.expanding ADD COLUMN flag boolean");
            assertThat(names(c.getMetaData().getColumns(null, "app", "expanding", null)))
                    .containsExactly("app.expanding.id", "app.expanding.flag");
            admin("UPDATE " + SCHEMA + ".migrations SET phase = 'expanded' WHERE id = 'expanding-flag'", bumpVersion());
            awaitVersion(c, ++version);
            assertThat(names(c.getMetaData().getColumns(null, "app", "expanding", null)))
                    .containsExactly("app.expanding.id", "app.expanding.flag");
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private Connection connect() throws Exception {
        Properties props = db.credentials();
        props.setProperty("colshift.controlSchema", SCHEMA);
        props.setProperty("colshift.pollMs", "100");
        Connection c = DriverManager.getConnection(db.colshiftUrl(), props);
        awaitVersion(c, version);
        return c;
    }

    private static Connection realConnection(Connection c) throws SQLException {
        return c.unwrap(ColshiftConnection.class).realConnection();
    }

    private static String migration(String id, String table, String column, String type, String defaultExpr) {
        String def = defaultExpr == null ? "NULL" : "'" + defaultExpr.replace("'", "''") + "'";
        return "INSERT INTO " + SCHEMA + ".migrations (id, table_schema, table_name, column_name, column_type,"
                + " default_expr, read_fallback, spec, phase) VALUES ('" + id + "', 'app', '" + table + "', '" + column
                + "', '" + type + "', " + def + ", " + (defaultExpr == null ? "'NULL'" : def) + ", '{}', 'declared')";
    }

    private void admin(String... statements) throws SQLException {
        ControlState.admin(db, statements);
    }

    private static String bumpVersion() {
        return ControlState.bumpVersion(SCHEMA);
    }

    /** Every row as label → value, in result order. */
    private static List<Map<String, String>> rows(ResultSet rs) throws SQLException {
        List<Map<String, String>> rows = new ArrayList<>();
        try (rs) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.put(md.getColumnLabel(i), rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<String> names(ResultSet rs) throws SQLException {
        return rows(rs).stream().filter(r -> !r.get("TABLE_SCHEM").equals(SCHEMA))
                .map(r -> r.get("TABLE_SCHEM") + "." + r.get("TABLE_NAME") + "." + r.get("COLUMN_NAME")).toList();
    }

    /** Stable sort by schema and table: a listing already in pgjdbc's order is left as it is. */
    private static List<String> sortedByTable(List<String> names) {
        List<String> sorted = new ArrayList<>(names);
        sorted.sort(java.util.Comparator.comparing(n -> n.substring(0, n.lastIndexOf('.'))));
        return sorted;
    }
}
