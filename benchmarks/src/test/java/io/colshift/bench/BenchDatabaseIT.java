package io.colshift.bench;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class BenchDatabaseIT {

    @Test
    void seedsTheBenchmarkTableAndAnswersThroughBothDrivers() throws Exception {
        try (BenchDatabase db = BenchDatabase.start(1_000)) {
            for (String url : new String[] {db.rawUrl(), db.colshiftUrl()}) {
                try (Connection c = DriverManager.getConnection(url, db.user(), db.password());
                     Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT count(*), max(id) FROM bench_users")) {
                    rs.next();
                    assertThat(rs.getLong(1)).as(url).isEqualTo(1_000);
                    assertThat(rs.getLong(2)).as(url).isEqualTo(1_000);
                }
            }
        }
    }
}
