package io.colshift.state;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class WatchSettingsTest {

    private static WatchSettings settings(long pollMs, long maxStalenessMs, boolean watch) {
        return new WatchSettings("jdbc:postgresql://h/db", new Properties(), pollMs, maxStalenessMs, true, watch, null);
    }

    @Test
    void theLeaseIsTwiceThePollIntervalCappedByTheControlSchemasLease() {
        assertThat(settings(1000, 0, true).leaseMs(2000)).isEqualTo(2000);
        assertThat(settings(1000, 0, true).leaseMs(500)).isEqualTo(500);
        assertThat(settings(100, 0, true).leaseMs(2000)).isEqualTo(200);
        assertThat(settings(100, 5000, true).leaseMs(2000)).as("lease_ms caps maxStaleness").isEqualTo(2000);
        assertThat(settings(100, 300, true).leaseMs(2000)).isEqualTo(300);
    }

    @Test
    void aControlSchemaWithoutLeaseMsGetsTheDefaultLease() {
        assertThat(settings(5000, 0, true).leaseMs(0)).isEqualTo(WatchSettings.DEFAULT_LEASE_MS);
    }

    @Test
    void withoutAWatcherTheLeaseIsAlsoCappedByThePollInterval() {
        assertThat(settings(1000, 0, false).leaseMs(2000)).isEqualTo(1000);
        assertThat(settings(1000, 0, false).leaseMs(300)).isEqualTo(300);
        assertThat(settings(1000, 400, false).leaseMs(2000)).isEqualTo(400);
    }

    @Test
    void readsItsSettingsFromColshiftProperties() {
        Properties props = new Properties();
        props.setProperty("colshift.listen", "false");
        props.setProperty("colshift.watch", "false");
        props.setProperty("colshift.maxStaleness", "700");
        WatchSettings s = WatchSettings.fromProperties("jdbc:postgresql://h/db", props, 100);
        assertThat(s.listen()).isFalse();
        assertThat(s.watch()).isFalse();
        assertThat(s.maxStalenessMs()).isEqualTo(700);
        assertThat(s.watchUrl()).isNull();
    }

    @Test
    void aServerKeyNamesTheFirstHostOfAUrlAndBuildsASingleHostUrl() {
        ServerKey key = ServerKey.ofUrl("jdbc:postgresql://a:5433,b:5434/app db?loadBalanceHosts=true", null,
                ControlSchema.named("colshift"));
        assertThat(key.server()).isEqualTo("a:5433");
        assertThat(key.database()).isEqualTo("app db");
        assertThat(key.jdbcUrl()).isEqualTo("jdbc:postgresql://a:5433/app+db");
        assertThat(org.postgresql.Driver.parseURL(key.jdbcUrl(), null).getProperty("PGDBNAME")).isEqualTo("app db");
        assertThat(new ServerKey("::1", 5432, "db", "colshift").server()).isEqualTo("[::1]:5432");
    }
}
