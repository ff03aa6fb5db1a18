package io.colshift.it;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import io.colshift.it.orm.AppUser;
import io.colshift.it.orm.Orm;
import org.hibernate.SessionFactory;
import org.hibernate.tool.schema.spi.SchemaManagementException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The new application version starts with Hibernate's {@code hbm2ddl.auto=validate} (what Spring Boot's
 * {@code ddl-auto=validate} runs) through the driver in every phase, from the moment the column is declared,
 * and reads and writes its entity there. Without colshift the same start-up fails until expand.
 */
@WithPostgres
class HibernateValidateIT {

    @Test
    void hibernateValidateStartsAndAnEntityRoundTripsInEveryPhase(TestDatabase db) throws Exception {
        List<String> validated = new ArrayList<>();
        try (UsersMigration users = new UsersMigration(db, 200)) {
            new PhaseWalk(users).walk(phase -> {
                if (phase.equals("declared")) {
                    assertThatThrownBy(() -> Orm.sessionFactory(db.jdbcUrl(), db.user(), db.password(), Map.of(),
                            "validate", null, AppUser.class).close())
                            .as("without colshift the new version cannot start yet")
                            .isInstanceOf(SchemaManagementException.class).hasMessageContaining("status");
                }
                try (SessionFactory sf = Orm.sessionFactory(users.target.colshiftUrl(), db.user(), db.password(),
                        users.target.colshiftProperties(), "validate", null, AppUser.class)) {
                    long id = sf.fromTransaction(s -> {
                        AppUser u = new AppUser("orm-" + phase + "@example.com", "orm " + phase, "vip");
                        s.persist(u);
                        return u.id;
                    });
                    AppUser found = sf.fromTransaction(s -> s.find(AppUser.class, id));
                    assertThat(found.email).isEqualTo("orm-" + phase + "@example.com");
                    boolean writesPass = !phase.equals("declared") && !phase.equals("expanded");
                    assertThat(found.status).as("status read back in %s", phase).isEqualTo(writesPass ? "vip" : "active");
                    Long gone = sf.fromTransaction(s -> s.createSelectionQuery(
                            "select count(u) from AppUser u where u.status = 'gone'", Long.class).getSingleResult());
                    assertThat(gone).as("soft-deleted seeded users read as gone in %s", phase).isEqualTo(20);
                    sf.inTransaction(s -> s.createMutationQuery("update AppUser u set u.name = 'renamed' where u.id = :id")
                            .setParameter("id", id).executeUpdate());
                }
                validated.add(phase);
            });
        }
        assertThat(validated).containsExactlyElementsOf(PhaseWalk.PHASES);
    }
}
