package io.colshift.cli;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WithPostgres
class InitCommandIT {

    @Test
    void initCreatesTheSchemaAndIsIdempotent(TestDatabase db) throws Exception {
        Cli cli = new Cli(db);
        Cli.Result first = cli.run("init", "--schema", "cs_idem");
        assertThat(first.exitCode()).as(first.all()).isZero();
        assertThat(first.out()).contains("created control schema 'cs_idem'");

        Cli.Result second = cli.run("init", "--schema", "cs_idem");
        assertThat(second.exitCode()).as(second.all()).isZero();
        assertThat(second.out()).contains("up to date");

        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT count(*), max(version) FROM cs_idem.state")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
                assertThat(rs.getLong(2)).isEqualTo(1);
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM cs_idem.schema_version")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(3);
            }
        }
    }

    @Test
    void aNewSchemaStartsWithTheGivenLeaseAndNeedsNoBarrier(TestDatabase db) throws Exception {
        Cli cli = new Cli(db);
        Cli.Result created = cli.run("init", "--schema", "cs_lease_new", "--lease", "150ms");
        assertThat(created.exitCode()).as(created.all()).isZero();
        assertThat(created.out()).contains("created control schema 'cs_lease_new' (version 3, staleness lease 150 ms)")
                .doesNotContain("barrier");
        assertThat(longOf(db, "SELECT lease_ms FROM cs_lease_new.state")).isEqualTo(150);
        assertThat(longOf(db, "SELECT version FROM cs_lease_new.state")).isEqualTo(1);

        Cli.Result plain = cli.run("init", "--schema", "cs_lease_default");
        assertThat(plain.out()).contains("staleness lease 2000 ms");
    }

    @Test
    void loweringTheLeaseIsAnAuditedStateChangeWhoseBarrierWaitsTheOldLease(TestDatabase db) throws Exception {
        Cli cli = new Cli(db);
        assertThat(cli.run("init", "--schema", "cs_lease", "--lease", "1s").exitCode()).isZero();
        long before = longOf(db, "SELECT version FROM cs_lease.state");

        Cli.Result lowered = cli.run("init", "--schema", "cs_lease", "--lease", "100ms");
        double afterMs = number(db, "SELECT extract(epoch FROM clock_timestamp()) * 1000");

        assertThat(lowered.exitCode()).as(lowered.all()).isZero();
        assertThat(longOf(db, "SELECT lease_ms FROM cs_lease.state")).isEqualTo(100);
        assertThat(longOf(db, "SELECT version FROM cs_lease.state")).isEqualTo(before + 1);
        assertThat(longOf(db, "SELECT count(*) FROM cs_lease.events WHERE kind = 'lease' AND from_value = '1000'"
                + " AND to_value = '100' AND state_version = " + (before + 1))).isOne();
        assertThat(lowered.out()).contains("staleness lease is now 100 ms (was 1000 ms; state version " + (before + 1)
                + "); this barrier still waits the old lease")
                .contains("every server follows state version " + (before + 1) + " (lease 100 ms, the previous 1 s"
                        + " still in force)");
        double changedMs = number(db, "SELECT extract(epoch FROM changed_at) * 1000 FROM cs_lease.state");
        assertThat(afterMs - changedMs).isGreaterThanOrEqualTo(1000);

        Cli.Result same = cli.run("init", "--schema", "cs_lease", "--lease", "100ms");
        assertThat(same.out()).contains("staleness lease is 100 ms already; nothing to do");
        assertThat(longOf(db, "SELECT version FROM cs_lease.state")).isEqualTo(before + 1);
    }

    @Test
    void aLeaseOutsideItsBoundsIsRefusedBeforeAnythingChanges(TestDatabase db) throws Exception {
        Cli cli = new Cli(db);
        for (String lease : new String[] {"10ms", "11min", "soon"}) {
            Cli.Result refused = cli.run("init", "--schema", "cs_lease_bad", "--lease", lease);
            assertThat(refused.exitCode()).as(lease).isEqualTo(ExitCodes.BAD_INPUT);
        }
        assertThat(cli.run("init", "--schema", "cs_lease_bad", "--lease", "10ms").err())
                .contains("between 50ms and 10min");
        assertThat(longOf(db, "SELECT count(*) FROM pg_namespace WHERE nspname = 'cs_lease_bad'")).isZero();
    }

    private static long longOf(TestDatabase db, String sql) throws Exception {
        return (long) number(db, sql);
    }

    private static double number(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    @Test
    void grantToGivesAReadOnlyRoleReadAccessAndHeartbeatsOnly(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            st.execute("DROP ROLE IF EXISTS cs_app_reader");
            st.execute("CREATE ROLE cs_app_reader LOGIN PASSWORD 'reader-pw'");
        }
        Cli.Result result = new Cli(db).run("init", "--schema", "cs_grant", "--grant-to", "cs_app_reader");
        assertThat(result.exitCode()).as(result.all()).isZero();

        Properties reader = new Properties();
        reader.setProperty("user", "cs_app_reader");
        reader.setProperty("password", "reader-pw");
        try (Connection app = DriverManager.getConnection(db.jdbcUrl(), reader); Statement st = app.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT version FROM cs_grant.state")) {
                assertThat(rs.next()).isTrue();
            }
            st.executeQuery("SELECT * FROM cs_grant.migrations").close();
            st.execute("INSERT INTO cs_grant.clients (client_id, acked_version) VALUES ('c1', 1)"
                    + " ON CONFLICT (client_id) DO UPDATE SET acked_version = excluded.acked_version, last_seen = now()");
            st.execute("INSERT INTO cs_grant.clients (client_id, acked_version) VALUES ('c1', 2)"
                    + " ON CONFLICT (client_id) DO UPDATE SET acked_version = excluded.acked_version, last_seen = now()");
            assertThatThrownBy(() -> st.execute("UPDATE cs_grant.state SET version = version + 1"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
        }
    }

    @Test
    void grantToAnUnknownRoleIsBadInputAndCreatesNothing(TestDatabase db) throws Exception {
        Cli.Result result = new Cli(db).run("init", "--schema", "cs_norole", "--grant-to", "no_such_role");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains("no_such_role").contains("does not exist");
        try (Connection c = db.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT to_regnamespace('cs_norole') IS NULL")) {
            rs.next();
            assertThat(rs.getBoolean(1)).isTrue();
        }
    }

    @Test
    void refusesAUrlThatIsNotPlainPostgresOrCarriesAPassword(TestDatabase db) {
        Cli cli = new Cli(db);
        Cli.Result colshiftUrl = cli.raw("init", "--url", db.colshiftUrl());
        assertThat(colshiftUrl.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(colshiftUrl.err()).contains("jdbc:postgresql:");

        Cli.Result withPassword = cli.raw("init", "--url", db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?")
                + "password=hunter2");
        assertThat(withPassword.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(withPassword.all()).doesNotContain("hunter2");
    }

    @Test
    void missingUrlIsAUsageError(TestDatabase db) {
        Cli.Result result = new Cli(db).raw("init");
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains("--url");
    }

    @Test
    void unreadablePasswordFileIsBadInput(TestDatabase db, @org.junit.jupiter.api.io.TempDir Path dir) {
        Cli.Result result = new Cli(db).run("init", "--password-file", dir.resolve("absent").toString());
        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains("--password-file").contains("absent");
    }

    @Test
    void passwordFromFileOrEnvironmentNeverAppearsInOutput(TestDatabase db, @org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("pw");
        Files.writeString(file, "file-secret-7731\n");
        Cli cli = new Cli(db).withEnvironment("COLSHIFT_PASSWORD", "env-secret-9917");
        // a database that does not exist makes the connection fail after the password was handed over
        String wrongDb = db.jdbcUrl().replace("/" + db.name(), "/no_such_db_for_colshift");
        Cli.Result viaFile = cli.raw("init", "--url", wrongDb, "--user", db.user(), "--password-file", file.toString());
        Cli.Result viaEnv = cli.raw("init", "--url", wrongDb, "--user", db.user());
        assertThat(viaFile.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(viaEnv.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(viaFile.all()).doesNotContain("file-secret-7731");
        assertThat(viaEnv.all()).doesNotContain("env-secret-9917");
    }
}
