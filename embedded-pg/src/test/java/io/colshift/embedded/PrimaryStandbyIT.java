package io.colshift.embedded;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrimaryStandbyIT {

    private static PrimaryStandby pair;

    @BeforeAll
    static void startPair() {
        pair = PrimaryStandby.start(Duration.ZERO);
    }

    @AfterAll
    static void stopPair() {
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    void standbyIsAReadOnlyHotStandbyStreamingFromThePrimary() throws Exception {
        assertThat(pair.standby().queryString("postgres", "SELECT pg_is_in_recovery()")).isEqualTo("t");
        assertThat(pair.primary().queryString("postgres", "SELECT pg_is_in_recovery()")).isEqualTo("f");
        assertThat(pair.primary().queryString("postgres",
                "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")).isEqualTo("1");
        try (Connection c = pair.standby().connect("postgres"); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("CREATE TABLE nope (id int)"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25006"));
        }
    }

    @Test
    void standbyAppliesACommitOnlyOnceItsReplayDelayHasPassed() throws Exception {
        pair.setReplayDelay(Duration.ofHours(1));
        try {
            // a delay of an hour cannot pass during the test: whatever the standby shows now, it shows late
            assertThat(pair.awaitReplay(Duration.ofSeconds(10))).isTrue(); // the delay applies to new commits only
            try (Connection c = pair.primary().connect("postgres"); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE delayed (id int)");
                st.execute("INSERT INTO delayed VALUES (1)");
            }
            Thread.sleep(500);
            assertThat(pair.standby().queryString("postgres", "SELECT to_regclass('delayed') IS NULL")).isEqualTo("t");
        } finally {
            pair.setReplayDelay(Duration.ZERO);
        }
        assertThat(pair.awaitReplay(Duration.ofSeconds(30))).isTrue();
        assertThat(pair.standby().queryString("postgres", "SELECT count(*) FROM delayed")).isEqualTo("1");
    }

    @Test
    void multiHostUrlReachesThePrimaryOrTheStandbyAsAsked() throws Exception {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        Set<String> reached = new HashSet<>();
        for (String target : new String[] {"primary", "secondary"}) {
            try (Connection c = DriverManager.getConnection(pair.multiHostUrl("postgres", "targetServerType=" + target),
                    props); Statement st = c.createStatement(); var rs = st.executeQuery("SELECT pg_is_in_recovery()")) {
                rs.next();
                reached.add(target + "=" + rs.getBoolean(1));
            }
        }
        assertThat(reached).containsExactlyInAnyOrder("primary=false", "secondary=true");
    }

    @Test
    void standbyStreamsAgainAfterThePrimaryRestarts() throws Exception {
        pair.primary().restart();
        try (Connection c = pair.primary().connect("postgres"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE after_restart (id int)");
            st.execute("INSERT INTO after_restart VALUES (1), (2)");
        }
        assertThat(pair.awaitReplay(Duration.ofSeconds(60))).as("standby log:\n%s", pair.standby().log()).isTrue();
        assertThat(pair.standby().queryString("postgres", "SELECT count(*) FROM after_restart")).isEqualTo("2");
    }
}
