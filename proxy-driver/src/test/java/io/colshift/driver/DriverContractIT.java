package io.colshift.driver;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.jar.Manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@WithPostgres
class DriverContractIT {

    private final TestDatabase db;

    DriverContractIT(TestDatabase db) {
        this.db = db;
    }

    @Test
    void registersWithDriverManagerAndTheServiceLoader() throws Exception {
        assertThat(DriverManager.getDriver(db.colshiftUrl())).isInstanceOf(ColshiftDriver.class);
        assertThat(ServiceLoader.load(Driver.class).stream().map(ServiceLoader.Provider::type))
                .contains(ColshiftDriver.class);
    }

    @Test
    void acceptsOnlyColshiftUrlsAndReturnsNullForOthers() throws Exception {
        ColshiftDriver driver = new ColshiftDriver();
        assertThat(driver.acceptsURL("jdbc:colshift:postgresql://h/db")).isTrue();
        assertThat(driver.acceptsURL(db.jdbcUrl())).isFalse();
        assertThat(driver.acceptsURL("jdbc:postgresql://h/colshift")).isFalse();
        assertThat(driver.acceptsURL(null)).isFalse();
        assertThat(driver.connect(db.jdbcUrl(), db.credentials())).isNull();
        assertThat(DriverManager.getDriver(db.jdbcUrl())).isNotInstanceOf(ColshiftDriver.class);
    }

    @Test
    void connectsToTheDatabaseTheRealUrlNames() throws Exception {
        try (Connection c = DriverManager.getConnection(db.colshiftUrl(), db.credentials());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_database(), current_user")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(db.name());
            assertThat(rs.getString(2)).isEqualTo(db.user());
            assertThat(c.getMetaData().getURL()).isEqualTo(db.jdbcUrl());
        }
    }

    @Test
    void colshiftPropertiesInUrlAndPropertiesAreAcceptedAndNotPassedOn() throws Exception {
        Properties props = db.credentials();
        props.setProperty("colshift.cacheSize", "50");
        props.setProperty("colshift.controlSchema", "other_state");
        String url = TransparencyIT.withParameters(db.colshiftUrl(), "colshift.pollMs=250&colshift.listen=false&ApplicationName=probe");
        try (Connection c = DriverManager.getConnection(url, props);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_setting('application_name')")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("probe");
            assertThat(c.getMetaData().getURL()).doesNotContain("colshift");
        }
    }

    @Test
    void disabledColshiftIsStillAProxyThatPassesEverythingThrough() throws Exception {
        String url = TransparencyIT.withParameters(db.colshiftUrl(), "colshift.enabled=false");
        try (Connection c = DriverManager.getConnection(url, db.credentials());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT 'pass'")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("pass");
            assertThat(c.unwrap(ColshiftConnection.class).stateVersion()).isZero();
        }
    }

    @Test
    void unknownColshiftPropertyIsRejectedNamingItAndTheValidOnes() {
        String url = TransparencyIT.withParameters(db.colshiftUrl(), "colshift.cachesize=5");
        assertThatThrownBy(() -> DriverManager.getConnection(url, db.credentials()))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("colshift.cachesize")
                .hasMessageContaining("colshift.enabled, colshift.controlSchema, colshift.pollMs, colshift.cacheSize, colshift.listen")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
        Properties props = db.credentials();
        props.setProperty("colshift.retries", "3");
        assertThatThrownBy(() -> DriverManager.getConnection(db.colshiftUrl(), props))
                .isInstanceOf(SQLException.class).hasMessageContaining("colshift.retries");
    }

    @Test
    void badColshiftValuesAreRejectedNamingKeyAndValue() {
        Properties props = db.credentials();
        props.setProperty("colshift.enabled", "maybe");
        assertThatThrownBy(() -> DriverManager.getConnection(db.colshiftUrl(), props))
                .isInstanceOf(SQLException.class).hasMessageContaining("colshift.enabled").hasMessageContaining("maybe");
        Properties schema = db.credentials();
        schema.setProperty("colshift.controlSchema", "Robert'); DROP TABLE x;--");
        assertThatThrownBy(() -> DriverManager.getConnection(db.colshiftUrl(), schema))
                .isInstanceOf(SQLException.class).hasMessageContaining("colshift.controlSchema");
    }

    @Test
    void colshiftPrefixWithNothingAfterItIsAClearError() {
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:colshift:", db.credentials()))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("must be followed by the real driver's URL")
                .hasMessageContaining("jdbc:colshift:postgresql://");
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:colshift:jdbc:postgresql://h/db", db.credentials()))
                .isInstanceOf(SQLException.class).hasMessageContaining("jdbc:colshift:postgresql://h/db instead");
    }

    @Test
    void targetNoDriverAcceptsIsAClearErrorWithoutThePassword() {
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:colshift:nosuchdb://h/db?password=hunter2", db.credentials()))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("no JDBC driver accepts the real URL jdbc:nosuchdb://h/db")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void propertyInfoListsColshiftsPropertiesThenTheRealDriversOnes() throws Exception {
        DriverPropertyInfo[] info = new ColshiftDriver().getPropertyInfo(db.colshiftUrl(), db.credentials());
        assertThat(Arrays.stream(info).map(p -> p.name))
                .startsWith("colshift.enabled", "colshift.controlSchema", "colshift.pollMs", "colshift.cacheSize")
                .contains("prepareThreshold", "ApplicationName");
        assertThat(info[0].choices).containsExactly("true", "false");
    }

    @Test
    void versionMatchesTheJarAndComplianceIsNotClaimed() throws Exception {
        ColshiftDriver driver = new ColshiftDriver();
        String version;
        try (var in = ColshiftDriver.class.getProtectionDomain().getCodeSource().getLocation().openStream();
             var jar = new java.util.jar.JarInputStream(in)) {
            Manifest manifest = jar.getManifest();
            version = manifest.getMainAttributes().getValue("Implementation-Version");
        }
        assertThat(version).startsWith(driver.getMajorVersion() + "." + driver.getMinorVersion() + ".");
        assertThat(driver.jdbcCompliant()).isFalse();
        assertThatThrownBy(driver::getParentLogger).isInstanceOf(SQLFeatureNotSupportedException.class);
    }
}
