package io.colshift.sample;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Plain SQL next to JPA: both go through the same colshift DataSource. */
@Component
public class UserQueries {

    private final JdbcTemplate jdbc;

    public UserQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long countWithStatus(String status) {
        Long n = jdbc.queryForObject("SELECT count(*) FROM users WHERE status = ?", Long.class, status);
        return n == null ? 0 : n;
    }

    public String statusOf(String email) {
        return jdbc.queryForObject("SELECT status FROM users WHERE email = ?", String.class, email);
    }
}
