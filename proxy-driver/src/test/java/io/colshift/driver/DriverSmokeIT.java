package io.colshift.driver;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

@WithPostgres
class DriverSmokeIT {

    @Test
    void colshiftUrlReachesTheRealServer(TestDatabase db) throws Exception {
        try (Connection c = DriverManager.getConnection(db.colshiftUrl(), db.credentials());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT current_database()")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(db.name());
        }
    }
}
