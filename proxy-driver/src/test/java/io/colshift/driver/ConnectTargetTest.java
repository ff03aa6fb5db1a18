package io.colshift.driver;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectTargetTest {

    @Test
    void removesThePrefixOnceAndKeepsTheRestByteForByte() throws SQLException {
        ConnectTarget t = ConnectTarget.parse("jdbc:colshift:postgresql://h:5432/colshift?ssl=true&x=a%20b", null);
        assertThat(t.realUrl()).isEqualTo("jdbc:postgresql://h:5432/colshift?ssl=true&x=a%20b");
        assertThat(t.config()).isEqualTo(ColshiftConfig.DEFAULTS);
    }

    @Test
    void takesColshiftParametersOutOfTheQueryString() throws SQLException {
        ConnectTarget t = ConnectTarget.parse(
                "jdbc:colshift:postgresql://h/db?colshift.enabled=false&ssl=true&colshift.controlSchema=ops", null);
        assertThat(t.realUrl()).isEqualTo("jdbc:postgresql://h/db?ssl=true");
        assertThat(t.config().enabled()).isFalse();
        assertThat(t.config().controlSchema()).isEqualTo("ops");
        assertThat(ConnectTarget.parse("jdbc:colshift:postgresql://h/db?colshift.pollMs=5", null).realUrl())
                .isEqualTo("jdbc:postgresql://h/db");
    }

    @Test
    void takesColshiftPropertiesOutOfThePropertiesAndLetsTheUrlWin() throws SQLException {
        Properties info = new Properties();
        info.setProperty("user", "app");
        info.setProperty("colshift.cacheSize", "7");
        info.setProperty("colshift.pollMs", "100");
        ConnectTarget t = ConnectTarget.parse("jdbc:colshift:postgresql://h/db?colshift.pollMs=200", info);
        assertThat(t.realProperties().stringPropertyNames()).containsExactly("user");
        assertThat(t.config().cacheSize()).isEqualTo(7);
        assertThat(t.config().pollMs()).isEqualTo(200);
        assertThat(info.getProperty("colshift.cacheSize")).as("the caller's properties are left alone").isEqualTo("7");
    }

    @Test
    void readsTheStalenessAndWatcherSettings() throws SQLException {
        ColshiftConfig config = ConnectTarget.parse("jdbc:colshift:postgresql://h/db?colshift.maxStaleness=300"
                + "&colshift.watch=false&colshift.watchUrl=jdbc:postgresql://direct:5432/db", null).config();
        assertThat(config.maxStalenessMs()).isEqualTo(300);
        assertThat(config.effectiveMaxStalenessMs()).isEqualTo(300);
        assertThat(config.watch()).isFalse();
        assertThat(config.watchUrl()).isEqualTo("jdbc:postgresql://direct:5432/db");
        assertThat(ColshiftConfig.DEFAULTS.effectiveMaxStalenessMs()).as("twice the poll interval")
                .isEqualTo(2 * ColshiftConfig.DEFAULT_POLL_MS);
        assertThat(ColshiftConfig.DEFAULTS.watch()).isTrue();
    }

    @Test
    void rejectsAWatchUrlThatIsNotPostgresql() {
        assertThatThrownBy(() -> ConnectTarget.parse("jdbc:colshift:postgresql://h/db?colshift.watchUrl=jdbc:mysql://x/db",
                null)).isInstanceOf(SQLException.class).hasMessageContaining("colshift.watchUrl");
    }

    @Test
    void passesTheCallersPropertiesOnUntouchedWhenTheyHoldNoColshiftKey() throws SQLException {
        Properties info = new Properties();
        info.put("user", "app");
        assertThat(ConnectTarget.parse("jdbc:colshift:postgresql://h/db", info).realProperties()).isSameAs(info);
    }

    @Test
    void rejectsUnknownColshiftKeysListingTheValidOnes() {
        assertThatThrownBy(() -> ConnectTarget.parse("jdbc:colshift:postgresql://h/db?colshift.enable=false", null))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("'colshift.enable'")
                .hasMessageContaining("colshift.enabled, colshift.controlSchema, colshift.pollMs, colshift.cacheSize, colshift.listen,"
                        + " colshift.maxStaleness, colshift.watch, colshift.watchUrl, colshift.pooler");
    }

    @Test
    void rejectsBadValuesNamingKeyAndValue() {
        assertThatThrownBy(() -> ConnectTarget.parse("jdbc:colshift:postgresql://h/db?colshift.pollMs=-1", null))
                .hasMessageContaining("colshift.pollMs").hasMessageContaining("'-1'");
        assertThatThrownBy(() -> ConnectTarget.parse("jdbc:colshift:postgresql://h/db?colshift.cacheSize=lots", null))
                .hasMessageContaining("colshift.cacheSize").hasMessageContaining("'lots'");
        assertThatThrownBy(() -> ConnectTarget.parse("jdbc:colshift:postgresql://h/db?colshift.controlSchema=A-B", null))
                .hasMessageContaining("colshift.controlSchema");
    }

    @Test
    void readsThePoolerAndNamesTheValidValuesForABadOne() throws SQLException {
        assertThat(ConnectTarget.parse("jdbc:colshift:postgresql://h/db", null).config().pooler())
                .isEqualTo(Pooler.AUTO);
        assertThat(ConnectTarget.parse("jdbc:colshift:postgresql://h/db?colshift.pooler=Transaction", null)
                .config().pooler()).isEqualTo(Pooler.TRANSACTION);
        assertThat(ConnectTarget.parse("jdbc:colshift:postgresql://h/db?colshift.pooler=transaction-prepared", null)
                .config().pooler()).isEqualTo(Pooler.TRANSACTION_PREPARED);
        assertThatThrownBy(() -> ConnectTarget.parse("jdbc:colshift:postgresql://h/db?colshift.pooler=pgbouncer", null))
                .hasMessageContaining("colshift.pooler").hasMessageContaining("'pgbouncer'")
                .hasMessageContaining("auto, none, transaction, transaction-prepared");
    }

    @Test
    void rejectsAnEmptyRepeatedOrNestedTarget() {
        assertThatThrownBy(() -> ConnectTarget.parse("jdbc:colshift:", null))
                .hasMessageContaining("must be followed by the real driver's URL");
        assertThatThrownBy(() -> ConnectTarget.parse("jdbc:colshift:  ", null))
                .hasMessageContaining("must be followed by the real driver's URL");
        assertThatThrownBy(() -> ConnectTarget.parse("jdbc:colshift:jdbc:postgresql://h/db", null))
                .hasMessageContaining("jdbc:colshift:postgresql://h/db instead");
        assertThatThrownBy(() -> ConnectTarget.parse("jdbc:colshift:colshift:postgresql://h/db", null))
                .hasMessageContaining("single jdbc:colshift: prefix");
    }

    @Test
    void redactsPasswordsInUrls() {
        assertThat(ConnectTarget.redact("jdbc:postgresql://h/db?user=a&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=a&password=***&ssl=true");
        assertThat(ConnectTarget.redact("jdbc:x://h;PWD=s3cret;a=b")).doesNotContain("s3cret");
    }
}
