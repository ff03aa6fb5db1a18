package io.colshift.embedded;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@WithPostgres
class PostgresHarnessTest {

    @Test
    void handsTheTestClassAFreshDatabaseOfItsOwn(TestDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            assertThat(scalar(st, "SELECT current_database()")).isEqualTo(db.name());
            assertThat(scalar(st, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).isEqualTo("0");
            st.execute("CREATE TABLE harness_probe (id int primary key)");
            st.execute("INSERT INTO harness_probe VALUES (1), (2)");
            assertThat(scalar(st, "SELECT count(*) FROM harness_probe")).isEqualTo("2");
        }
    }

    @Test
    void serverIsTheRequestedMajorVersion(TestDatabase db) throws SQLException {
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            int versionNum = Integer.parseInt(scalar(st, "SHOW server_version_num"));
            assertThat(String.valueOf(versionNum / 10000)).isEqualTo(PostgresServers.requestedMajorVersion());
        }
    }

    @Test
    void serverNeverHoldsRootPrivileges(TestDatabase db) throws Exception {
        assumeTrue(System.getenv(ExternalServer.URL_VARIABLE) == null, "server is not local to this test");
        try (Connection c = db.connect(); Statement st = c.createStatement()) {
            Path backend = Path.of("/proc", scalar(st, "SELECT pg_backend_pid()"));
            assumeTrue(Files.isReadable(backend.resolve("status")), "backend runs in another process namespace");
            String uid = Files.readAllLines(backend.resolve("status")).stream()
                    .filter(l -> l.startsWith("Uid:")).findFirst().orElseThrow().split("\\s+")[1];
            boolean ownUserNamespace = !Files.readSymbolicLink(backend.resolve("ns/user"))
                    .equals(Files.readSymbolicLink(Path.of("/proc/self/ns/user")));
            // either an unprivileged uid, or (started as root) confined to a user namespace of its own
            assertThat(!"0".equals(uid) || ownUserNamespace).as("uid %s, own user namespace %s", uid, ownUserNamespace)
                    .isTrue();
        }
    }

    @Test
    void unreachableExternalUrlFailsNamingTheVariable() {
        assertThatThrownBy(() -> ExternalServer.connect("jdbc:postgresql://127.0.0.1:1/app", "postgres", "secret"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(ExternalServer.URL_VARIABLE)
                .hasMessageContaining("127.0.0.1:1")
                .hasMessageNotContaining("secret");
    }

    @Test
    void malformedExternalUrlIsRefusedBeforeAnyConnection() {
        assertThatThrownBy(() -> ExternalServer.connect("postgres://db/app", null, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(ExternalServer.URL_VARIABLE)
                .hasMessageContaining("jdbc:postgresql://host:port/database");
    }

    @Test
    void aRefusedExternalUrlIsQuotedWithoutItsPassword() {
        assertThatThrownBy(() -> ExternalServer.connect("postgres://db/app?user=u&password=hunter2&sslpassword=k3y",
                null, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("password=***")
                .hasMessageNotContaining("hunter2")
                .hasMessageNotContaining("k3y");
    }

    private static String scalar(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
