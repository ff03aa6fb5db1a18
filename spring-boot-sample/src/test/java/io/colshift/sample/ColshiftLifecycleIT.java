package io.colshift.sample;

import io.colshift.demo.CliResult;
import io.colshift.demo.ColshiftCli;
import io.colshift.demo.workload.DatabaseTarget;
import io.colshift.demo.workload.DriverShutdown;
import io.colshift.demo.workload.UsersTable;
import io.colshift.embedded.junit.TestDatabase;
import io.colshift.embedded.junit.WithPostgres;
import io.colshift.metrics.ColshiftMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample application, configured with a plain {@code jdbc:postgresql:} URL and {@code ddl-auto=validate}, runs
 * through a whole migration of {@code users.status} driven by the {@code colshift} CLI: the context starts while
 * the column is only declared, and JPA, JdbcTemplate, the health indicator, {@code /actuator/colshift} and the
 * Micrometer meters work in every phase. {@code @WithPostgres} comes first so that the database outlives the
 * Spring context, which {@code @DirtiesContext} closes after this class.
 *
 * <p>spring-boot4-sample compiles and runs this same class on Spring Boot 4, so it uses only what both lines
 * share: Spring Framework's {@link RestClient} on the {@link LocalServerPort} rather than Boot's
 * {@code TestRestTemplate}, which Boot 4 moved to a module of its own.
 */
@WithPostgres
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class ColshiftLifecycleIT {

    private static final String ID = UsersTable.MIGRATION_ID;
    private static final int ROWS = 50;
    private static final UsersTable TABLE = new UsersTable("public");

    private static TestDatabase db;
    private static DatabaseTarget target;
    private static ColshiftCli cli;
    private static Path spec;

    @Autowired
    private UserRepository users;
    @Autowired
    private UserQueries queries;
    @LocalServerPort
    private int port;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private DataSource dataSource;

    /** Runs before the Spring context starts: the table exists without {@code status}, which is declared. */
    @BeforeAll
    static void declareTheColumnBeforeTheApplicationStarts(TestDatabase database) throws Exception {
        db = database;
        try (Connection c = db.connect()) {
            TABLE.createAndSeed(c, ROWS);
        }
        target = new DatabaseTarget(db.jdbcUrl(), db.user(), db.password(), "colshift");
        cli = new ColshiftCli(target);
        spec = Files.createTempFile("users-status-", ".yaml");
        Files.writeString(spec, TABLE.specYaml());
        colshift("init", "--lease", "200ms");
        colshift("declare", spec.toString());
    }

    @AfterAll
    static void stopWatching() throws Exception {
        DriverShutdown.stopWatching(target);
        Files.deleteIfExists(spec);
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> db.jdbcUrl());
        registry.add("spring.datasource.username", () -> db.user());
        registry.add("spring.datasource.password", () -> db.password());
        registry.add("colshift.poll-ms", () -> "100");
    }

    @Test
    void jpaJdbcTemplateAndActuatorWorkInEveryPhaseOfTheMigration() {
        assertThat(dataSource.getClass().getSimpleName()).isEqualTo("HikariDataSource");

        applicationWorks("declared", false);

        colshift("expand", ID);
        applicationWorks("expanded", false);

        colshift("flag", ID, "--writes", "on");
        colshift("backfill", ID);
        applicationWorks("backfilled", true);

        colshift("contract", ID);
        applicationWorks("contracted", true);

        colshift("complete", ID);
        applicationWorks("complete", true);
    }

    @Test
    void micrometerMetersFollowTheServersState() {
        users.findByEmail(UsersTable.seededEmail(1)).orElseThrow();
        long version = stateVersionOverHttp();

        assertThat(meters.get("colshift.state.version").gauge().value()).isEqualTo(version).isPositive();
        assertThat(meters.get("colshift.state.lease").timeGauge().value(java.util.concurrent.TimeUnit.MILLISECONDS))
                .isPositive().isLessThanOrEqualTo(200);
        assertThat(meters.get("colshift.state.age").timeGauge().value(java.util.concurrent.TimeUnit.MILLISECONDS))
                .isGreaterThanOrEqualTo(0);
        assertThat(meters.get("colshift.statements.stale").functionCounter().count()).isZero();
        assertThat(meters.get("colshift.rewrite.cache").tag("result", "miss").functionCounter().count()).isPositive();
        assertThat(meters.find("colshift.statements.rewritten").functionCounter()).isNotNull();
        assertThat(meters.get("colshift.statements.passed.unchanged").tag("stage", "rewrite").functionCounter()
                .count()).isZero();

        List<?> measurements = (List<?>) get("/actuator/metrics/colshift.state.version").get("measurements");
        assertThat(measurements).as("/actuator/metrics/colshift.state.version").singleElement()
                .satisfies(m -> assertThat(((Number) ((Map<?, ?>) m).get("value")).longValue()).isEqualTo(version));
    }

    @Test
    void binderWorksWithoutSpringOnAnyRegistry() throws Exception {
        users.count(); // a connection reached the server, so its watcher exists
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (ColshiftMetrics metrics = new ColshiftMetrics(Tags.of("app", "plain"))) {
            metrics.bindTo(registry);
            assertThat(registry.get("colshift.state.version").tag("app", "plain").tag("database", db.name()).gauge()
                    .value()).isEqualTo(stateVersionOverHttp());
            assertThat(registry.get("colshift.rewrite.cache").tag("result", "hit").functionCounter().count())
                    .isGreaterThanOrEqualTo(0);
        }
    }

    /**
     * JPA reads, writes and derived values, a JdbcTemplate query naming the new column, and Actuator reporting
     * {@code phase} (or no migration to rewrite once the statements pass unchanged).
     *
     * @param writesKept whether a value written now is stored (the write flag is on, or the column is final)
     */
    @SuppressWarnings("unchecked")
    private void applicationWorks(String phase, boolean writesKept) {
        assertThat(users.findByEmail(UsersTable.seededEmail(1)).orElseThrow().getStatus())
                .as("derived status of a live row in %s", phase).isEqualTo(UsersTable.derivedStatus(false));
        assertThat(users.findByEmail(UsersTable.seededEmail(10)).orElseThrow().getStatus())
                .as("derived status of a soft-deleted row in %s", phase).isEqualTo(UsersTable.derivedStatus(true));
        assertThat(queries.countWithStatus(UsersTable.derivedStatus(true))).as("JdbcTemplate in %s", phase)
                .isEqualTo(ROWS / 10);

        String email = phase + "@example.com";
        User saved = users.save(new User(email, "new in " + phase, "vip"));
        assertThat(saved.getId()).isPositive();
        assertThat(queries.statusOf(email)).as("status written in %s", phase)
                .isEqualTo(writesKept ? "vip" : UsersTable.DEFAULT_VALUE);

        Map<String, Object> server = onlyServer(get("/actuator/colshift"));
        List<?> migrations = (List<?>) server.get("migrations");
        if (phase.equals("contracted") || phase.equals("complete")) {
            assertThat(migrations).as("nothing left to rewrite in %s", phase).isEmpty();
        } else {
            assertThat(migrations).as("migrations followed in %s", phase).singleElement().satisfies(m -> {
                Map<?, ?> migration = (Map<?, ?>) m;
                assertThat(migration.get("id")).isEqualTo(ID);
                assertThat(migration.get("table")).isEqualTo("public.users");
                assertThat(migration.get("column")).isEqualTo("status");
                assertThat(migration.get("phase")).isEqualTo(phase);
            });
        }
        assertThat(((Map<String, Object>) server.get("counters")).keySet()).contains("rewrite.rewritten", "inlineRefreshes");

        Response health = request("/actuator/health/colshift");
        assertThat(health.status()).as("health in %s: %s", phase, health.body()).isEqualTo(HttpStatus.OK);
        assertThat(health.body()).containsEntry("status", "UP");
        Map<String, Object> healthServer = onlyServer((Map<String, Object>) health.body().get("details"));
        assertThat(healthServer.get("stateVersion")).isEqualTo(server.get("stateVersion"));
        assertThat(((Number) healthServer.get("leaseMs")).longValue()).isPositive().isLessThanOrEqualTo(200);
    }

    private long stateVersionOverHttp() {
        return ((Number) onlyServer(get("/actuator/colshift")).get("stateVersion")).longValue();
    }

    private Map<String, Object> get(String path) {
        Response response = request(path);
        assertThat(response.status()).as("%s: %s", path, response.body()).isEqualTo(HttpStatus.OK);
        return response.body();
    }

    /** A GET answered with any status (health answers 503 when DOWN), its JSON body as a map. */
    @SuppressWarnings("unchecked")
    private Response request(String path) {
        return RestClient.create("http://localhost:" + port).get().uri(path)
                .exchange((request, response) -> new Response(response.getStatusCode(), response.bodyTo(Map.class)));
    }

    private record Response(HttpStatusCode status, Map<String, Object> body) {
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> onlyServer(Map<String, Object> body) {
        List<Map<String, Object>> servers = (List<Map<String, Object>>) body.get("servers");
        assertThat(servers).as("servers in %s", body).hasSize(1);
        return servers.get(0);
    }

    private static void colshift(String... args) {
        CliResult result = cli.run(args);
        assertThat(result.exitCode()).as("%s", result).isZero();
    }
}
