package io.colshift.it;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

@WithPostgres
class HarnessIT {

    @Test
    void shadedDriverJarConnectsThroughColshiftUrl(TestDatabase db) throws Exception {
        try (Connection c = DriverManager.getConnection(db.colshiftUrl(), db.credentials());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT 40 + 2")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(42);
        }
    }
}
