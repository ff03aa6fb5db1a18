package io.colshift.driver;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;
import org.postgresql.core.BaseConnection;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@WithPostgres
class ProxyBehaviourIT {

    private final TestDatabase db;

    ProxyBehaviourIT(TestDatabase db) {
        this.db = db;
    }

    private Connection colshift() throws SQLException {
        return DriverManager.getConnection(db.colshiftUrl(), db.credentials());
    }

    @Test
    void everyObjectHandedOutIsAProxyThatLeadsBackToTheProxyConnection() throws Exception {
        try (Connection c = colshift()) {
            assertThat(c).isInstanceOf(ColshiftConnection.class);
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT 1")) {
                assertThat(st.getConnection()).isSameAs(c);
                assertThat(rs.getStatement()).isSameAs(st);
                assertThat(rs).isInstanceOf(ProxyResultSet.class);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT ?")) {
                ps.setInt(1, 1);
                assertThat(ps).isInstanceOf(ProxyPreparedStatement.class);
                assertThat(ps.getConnection()).isSameAs(c);
                assertThat(ps.executeQuery().getStatement()).isSameAs(ps);
            }
            try (CallableStatement cs = c.prepareCall("{? = call upper(?)}")) {
                cs.registerOutParameter(1, Types.VARCHAR);
                cs.setString(2, "shout");
                cs.execute();
                assertThat(cs.getString(1)).isEqualTo("SHOUT");
                assertThat(cs).isInstanceOf(ProxyCallableStatement.class);
                assertThat(cs.getConnection()).isSameAs(c);
            }
            DatabaseMetaData md = c.getMetaData();
            assertThat(md).isInstanceOf(ProxyDatabaseMetaData.class);
            assertThat(md.getConnection()).isSameAs(c);
            assertThat(c.getMetaData()).isSameAs(md);
            try (ResultSet tables = md.getTables(null, null, "pg_class", null)) {
                assertThat(tables).isInstanceOf(ProxyResultSet.class);
                assertThat(tables.getStatement().getConnection()).isSameAs(c);
            }
        }
    }

    @Test
    void generatedKeysLeadBackToTheStatementProxy() throws Exception {
        try (Connection c = colshift(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE keyed (id serial PRIMARY KEY, v text)");
            st.executeUpdate("INSERT INTO keyed (v) VALUES ('a')", Statement.RETURN_GENERATED_KEYS);
            ResultSet keys = st.getGeneratedKeys();
            assertThat(keys.getStatement()).isSameAs(st);
            assertThat(keys.next()).isTrue();
            assertThat(keys.getInt("id")).isEqualTo(1);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO keyed (v) VALUES (?)", new String[]{"id"})) {
                ps.setString(1, "b");
                ps.executeUpdate();
                assertThat(ps.getGeneratedKeys().getStatement()).isSameAs(ps);
            }
        }
    }

    @Test
    void unwrapAnswersForColshiftAndJdbcTypesAndDelegatesTheRest() throws Exception {
        try (Connection c = colshift(); Statement st = c.createStatement()) {
            assertThat(c.unwrap(ColshiftConnection.class)).isSameAs(c);
            assertThat(c.unwrap(Connection.class)).isSameAs(c);
            assertThat(c.isWrapperFor(ColshiftConnection.class)).isTrue();
            PGConnection pg = c.unwrap(PGConnection.class);
            assertThat(pg).isNotInstanceOf(ColshiftConnection.class).isSameAs(c.unwrap(BaseConnection.class));
            assertThat(pg).isSameAs(((ColshiftConnection) c).realConnection());
            assertThat(pg.getBackendPID()).isPositive();
            assertThat(st.unwrap(Statement.class)).isSameAs(st);
            assertThat(st.unwrap(PGStatement.class)).isNotSameAs(st);
            assertThat(st.isWrapperFor(PGStatement.class)).isTrue();
            assertThat(c.isWrapperFor(String.class)).isFalse();
            SQLException e = catchThrowableOfType(SQLException.class, () -> c.unwrap(String.class));
            assertThat((Throwable) e).isNotNull();
        }
    }

    @Test
    void equalityIsIdentityAndToStringShowsTheRealObject() throws Exception {
        try (Connection a = colshift(); Connection b = colshift()) {
            assertThat(a).isEqualTo(a).isNotEqualTo(b).isNotEqualTo(a.unwrap(PGConnection.class));
            assertThat(a.hashCode()).isEqualTo(System.identityHashCode(a));
            assertThat(a.toString()).startsWith("ColshiftConnection@")
                    .contains(a.unwrap(PGConnection.class).toString());
            try (Statement st = a.createStatement()) {
                assertThat(st.toString()).contains("wrapping");
            }
        }
    }

    @Test
    void proxyClassesAreGeneratedOncePerInterfaceNotPerObject() throws Exception {
        try (Connection a = colshift(); Connection b = colshift();
             PreparedStatement pa = a.prepareStatement("SELECT 1"); PreparedStatement pb = b.prepareStatement("SELECT 2")) {
            assertThat(a.getClass()).isSameAs(b.getClass());
            assertThat(pa.getClass()).isSameAs(pb.getClass());
            assertThat(a.getClass().getName()).isEqualTo("io.colshift.driver.ColshiftProxyConnection");
            assertThat(a.createStatement().getClass()).isSameAs(b.createStatement().getClass());
        }
    }

    @Test
    void closedConnectionProxyFailsLikeAClosedRealConnection() throws Exception {
        try (Connection raw = db.connect(); Connection proxy = colshift()) {
            raw.close();
            raw.close();
            proxy.close();
            proxy.close();
            assertThat(proxy.isClosed()).isTrue();
            SQLException expected = catchThrowableOfType(SQLException.class, raw::createStatement);
            SQLException actual = catchThrowableOfType(SQLException.class, proxy::createStatement);
            assertSameFailure(actual, expected);
            assertSameFailure(catchThrowableOfType(SQLException.class, () -> proxy.prepareStatement("SELECT 1")),
                    catchThrowableOfType(SQLException.class, () -> raw.prepareStatement("SELECT 1")));
            assertSameFailure(catchThrowableOfType(SQLException.class, proxy::commit),
                    catchThrowableOfType(SQLException.class, raw::commit));
        }
    }

    @Test
    void closedStatementAndResultSetProxiesFailLikeClosedRealOnes() throws Exception {
        try (Connection raw = db.connect(); Connection proxy = colshift()) {
            Statement rawSt = raw.createStatement();
            Statement proxySt = proxy.createStatement();
            rawSt.close();
            proxySt.close();
            proxySt.close();
            assertSameFailure(catchThrowableOfType(SQLException.class, () -> proxySt.executeQuery("SELECT 1")),
                    catchThrowableOfType(SQLException.class, () -> rawSt.executeQuery("SELECT 1")));
            assertThat(rawSt.getConnection()).as("pgjdbc still answers on a closed statement").isSameAs(raw);
            assertThat(proxySt.getConnection()).isSameAs(proxy);

            PreparedStatement rawPs = raw.prepareStatement("SELECT ?");
            PreparedStatement proxyPs = proxy.prepareStatement("SELECT ?");
            rawPs.close();
            proxyPs.close();
            assertSameFailure(catchThrowableOfType(SQLException.class, () -> proxyPs.setInt(1, 1)),
                    catchThrowableOfType(SQLException.class, () -> rawPs.setInt(1, 1)));
            assertSameFailure(catchThrowableOfType(SQLException.class, proxyPs::executeQuery),
                    catchThrowableOfType(SQLException.class, rawPs::executeQuery));

            ResultSet rawRs = raw.createStatement().executeQuery("SELECT 1");
            ResultSet proxyRs = proxy.createStatement().executeQuery("SELECT 1");
            rawRs.close();
            proxyRs.close();
            proxyRs.close();
            assertSameFailure(catchThrowableOfType(SQLException.class, proxyRs::next),
                    catchThrowableOfType(SQLException.class, rawRs::next));
            assertThat(proxyRs.isClosed()).isEqualTo(rawRs.isClosed()).isTrue();
        }
    }

    private static void assertSameFailure(SQLException actual, SQLException expected) {
        assertThat((Throwable) expected).as("the real driver fails here").isNotNull();
        assertThat((Throwable) actual).isNotNull();
        assertThat(actual.getClass()).isEqualTo(expected.getClass());
        assertThat(actual.getSQLState()).isEqualTo(expected.getSQLState());
        assertThat(actual.getMessage()).isEqualTo(expected.getMessage());
    }
}
