package io.colshift.embedded;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalPostgresIT {

    @Test
    void restartKeepsPortDataAndSettingsUnderANewPostmaster() throws Exception {
        try (LocalPostgres server = LocalPostgres.builder().maxConnections(100).start()) {
            long firstPid = server.pid();
            int port = server.port();
            try (Connection c = server.connect("postgres"); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE kept (id int)");
                st.execute("INSERT INTO kept VALUES (7)");
            }
            server.restart();
            assertThat(server.port()).isEqualTo(port);
            assertThat(server.pid()).isNotEqualTo(firstPid);
            assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(server.queryString("postgres", "SELECT id FROM kept")).isEqualTo("7");
            assertThat(server.queryString("postgres", "SHOW max_connections")).isEqualTo("100");
        }
    }

    @Test
    void listensOnLoopbackOnlyWithoutAUnixSocket() throws Exception {
        try (LocalPostgres server = LocalPostgres.start()) {
            assertThat(server.queryString("postgres", "SHOW listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(server.queryString("postgres", "SHOW unix_socket_directories")).isEmpty();
            assertThat(server.jdbcUrl("app")).isEqualTo("jdbc:postgresql://127.0.0.1:" + server.port() + "/app");
        }
    }

    @Test
    void postmasterNeverHoldsRootPrivileges() throws Exception {
        try (LocalPostgres server = LocalPostgres.start()) {
            Path proc = Path.of("/proc", Long.toString(server.pid()));
            String uid = Files.readAllLines(proc.resolve("status")).stream()
                    .filter(l -> l.startsWith("Uid:")).findFirst().orElseThrow().split("\\s+")[1];
            boolean ownUserNamespace = !Files.readSymbolicLink(proc.resolve("ns/user"))
                    .equals(Files.readSymbolicLink(Path.of("/proc/self/ns/user")));
            // either an unprivileged uid, or (started as root) confined to a user namespace of its own
            assertThat(!"0".equals(uid) || ownUserNamespace).as("uid %s, own user namespace %s", uid, ownUserNamespace)
                    .isTrue();
        }
    }

    @Test
    void closeStopsThePostmasterByPidAndDeletesItsData() throws Exception {
        LocalPostgres server = LocalPostgres.start();
        long pid = server.pid();
        Path data = server.dataDirectory();
        assertThat(ProcessHandle.of(pid)).isPresent();
        server.close();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(server.isRunning()).isFalse();
        assertThat(Files.exists(data)).isFalse();
        assertThatThrownBy(server::pid).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void maxConnectionsRefusesTheConnectionBeyondTheLastSlotWithTooManyConnections() throws Exception {
        try (LocalPostgres server = LocalPostgres.builder().maxConnections(4)
                .setting("superuser_reserved_connections", "1").start()) {
            try (Connection c = server.connect("postgres"); Statement st = c.createStatement()) {
                st.execute("CREATE ROLE app LOGIN");
            }
            Properties app = new Properties();
            app.setProperty("user", "app");
            List<Connection> held = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    held.add(DriverManager.getConnection(server.jdbcUrl("postgres"), app));
                }
                assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("postgres"), app).close())
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("53300"));
                // the superuser still gets in on its reserved slot
                assertThat(server.queryString("postgres", "SELECT 1")).isEqualTo("1");
            } finally {
                for (Connection c : held) {
                    c.close();
                }
            }
        }
    }
}
