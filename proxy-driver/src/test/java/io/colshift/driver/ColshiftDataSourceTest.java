package io.colshift.driver;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColshiftDataSourceTest {

    @Test
    void refusesToConnectWithoutAColshiftUrl() {
        ColshiftDataSource ds = new ColshiftDataSource();
        assertThatThrownBy(ds::getConnection).isInstanceOf(SQLException.class)
                .hasMessageContaining("needs url set to a jdbc:colshift:");
        ds.setUrl("jdbc:postgresql://h/db?password=hunter2");
        assertThatThrownBy(ds::getConnection).isInstanceOf(SQLException.class)
                .hasMessageContaining("jdbc:postgresql://h/db?password=***")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void showsDefaultsUntilOptionsAreSetAndNeverShowsThePassword() {
        ColshiftDataSource ds = new ColshiftDataSource();
        assertThat(ds.isEnabled()).isTrue();
        assertThat(ds.getControlSchema()).isEqualTo("colshift");
        assertThat(ds.getCacheSize()).isEqualTo(ColshiftConfig.DEFAULT_CACHE_SIZE);
        assertThat(ds.getPooler()).isEqualTo("auto");
        ds.setPooler("transaction");
        assertThat(ds.getPooler()).isEqualTo("transaction");
        ds.setEnabled(false);
        ds.setPollMs(250);
        ds.setUrl("jdbc:colshift:postgresql://h/db");
        ds.setUser("app");
        ds.setPassword("hunter2");
        assertThat(ds.isEnabled()).isFalse();
        assertThat(ds.getPollMs()).isEqualTo(250);
        assertThat(ds.toString()).contains("jdbc:colshift:postgresql://h/db", "app").doesNotContain("hunter2");
    }

    @Test
    void invalidOptionsAreReportedWhenConnecting() {
        ColshiftDataSource ds = new ColshiftDataSource();
        ds.setUrl("jdbc:colshift:postgresql://127.0.0.1:1/db");
        ds.setControlSchema("Not Valid");
        assertThatThrownBy(ds::getConnection).isInstanceOf(SQLException.class)
                .hasMessageContaining("colshift.controlSchema");
        ds.setControlSchema("colshift");
        ds.setPooler("pgbouncer");
        assertThatThrownBy(ds::getConnection).isInstanceOf(SQLException.class)
                .hasMessageContaining("colshift.pooler").hasMessageContaining("'pgbouncer'");
    }
}
