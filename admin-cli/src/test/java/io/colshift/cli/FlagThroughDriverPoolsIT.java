package io.colshift.cli;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import io.colshift.state.ControlSchema;
import io.colshift.state.ControlSchemaWriter;
import io.colshift.state.Phase;
import io.colshift.state.StateWatchers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application pools on {@code jdbc:colshift:} URLs; the operator flips the write flag with the CLI and both
 * pools pass writes of the new column as soon as the command has returned, without a restart or a new connection.
 */
@WithPostgres
class FlagThroughDriverPoolsIT {

    private static final String SCHEMA = "cs_pools_e2e";

    @AfterAll
    static void stopWatchers() {
        StateWatchers.closeAll();
    }

    private static HikariDataSource pool(TestDatabase db, String name) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(db.colshiftUrl());
        config.setUsername(db.user());
        config.setPassword(db.password());
        config.addDataSourceProperty("colshift.controlSchema", SCHEMA);
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    @Test
    void aFlagFlippedByTheCliReachesTheDriversOfTwoSeparatePools(TestDatabase db, @TempDir Path dir) throws Exception {
        Cli cli = new Cli(db);
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE members (id bigint PRIMARY KEY, email text)");
            st.execute("INSERT INTO members VALUES (1, 'a@example.com'), (2, 'b@example.com')");
        }
        assertThat(cli.run("init", "--schema", SCHEMA).exitCode()).isZero();
        Path spec = dir.resolve("members-plan.yaml");
        Files.writeString(spec, "id: members-plan\ntable: members\ncolumn: plan\ntype: text\ndefault: \"'free'\"\n");
        assertThat(cli.run("declare", "--schema", SCHEMA, spec.toString()).exitCode()).isZero();
        // what `colshift expand` does, reduced to its effect: the column exists, nullable, writes still gated
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("ALTER TABLE members ADD COLUMN plan text");
            new ControlSchemaWriter(c, ControlSchema.named(SCHEMA), "test")
                    .transition("members-plan", Phase.DECLARED, Phase.EXPANDED, "column added by the test");
        }

        try (HikariDataSource poolA = pool(db, "app-a"); HikariDataSource poolB = pool(db, "app-b")) {
            assertThat(updatePlan(poolA, 1, "pro")).isEqualTo(1);
            assertThat(updatePlan(poolB, 2, "pro")).isEqualTo(1);
            assertThat(storedPlan(db, 1)).isNull();
            assertThat(storedPlan(db, 2)).isNull();
            assertThat(readPlan(poolA, 1)).isEqualTo("free");

            Cli.Result on = cli.run("flag", "--schema", SCHEMA, "members-plan", "--writes", "on");
            assertThat(on.exitCode()).as(on.all()).isZero();

            // the command returned after its barrier (the lease after the commit): both pools pass writes at once
            assertThat(updatePlan(poolA, 1, "pro")).isEqualTo(1);
            assertThat(updatePlan(poolB, 2, "pro")).isEqualTo(1);
            assertThat(storedPlan(db, 1)).isEqualTo("pro");
            assertThat(storedPlan(db, 2)).isEqualTo("pro");
            assertThat(readPlan(poolB, 1)).isEqualTo("pro");
        }
    }

    private static int updatePlan(HikariDataSource pool, long id, String plan) throws Exception {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            return st.executeUpdate("UPDATE members SET plan = '" + plan + "', email = email WHERE id = " + id);
        }
    }

    private static String readPlan(HikariDataSource pool, long id) throws Exception {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT plan FROM members WHERE id = " + id)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String storedPlan(TestDatabase db, long id) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT plan FROM members WHERE id = " + id)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
