package io.colshift.security;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.phase.SearchPathPin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CVE-2018-1058 attack on the CLI: an application role without superuser plants functions and operators in
 * {@code public} that shadow what the CLI's statements and a spec's expressions call, then the whole lifecycle runs
 * as superuser. Each subclass supplies the server; the test proves first that the planted objects do capture those
 * calls in a session with the default {@code search_path}, then that none of them runs in the CLI's sessions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PlantedFunctionAttack {

    private TestDatabase db;
    private ApplicationRole app;

    /** The database the attack happens in, as its superuser. */
    abstract TestDatabase database();

    /** The server's major version, as the subclass expects it. */
    abstract int expectedMajorVersion();

    /** Called at the start of the test, once the subclass's database exists. */
    private void createApplicationAndRole() throws SQLException {
        db = database();
        app = ApplicationRole.create(db);
        try (Connection c = SearchPathPin.pin(db.connect()); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE public.items (id bigint PRIMARY KEY, email character varying(100) NOT NULL,"
                    + " score integer NOT NULL)");
            st.execute("INSERT INTO public.items SELECT g, 'User' || g || '@Example.com', g % 7"
                    + " FROM generate_series(1, 300) g");
            st.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON public.items TO " + app.name());
            st.execute("ANALYZE public.items");
        }
        Canaries.plant(db);
    }

    /** Idempotent; subclasses that stop their server call it first. */
    @AfterAll
    void dropRole() throws SQLException {
        if (app != null) {
            app.close();
            app = null;
        }
    }

    @Test
    void noFunctionPlantedInPublicRunsInTheCliSessionsAndTheApplicationRoleGainsNothing(@TempDir Path dir)
            throws Exception {
        createApplicationAndRole();
        assertThat(serverMajorVersion()).isEqualTo(expectedMajorVersion());
        if (expectedMajorVersion() <= 14) {
            // the default until PostgreSQL 15: every role may create objects in public
            assertThat(mayCreateInPublic()).isTrue();
        } else {
            // from 15 on only databases upgraded from an older version (or granted so) allow it; grant it here
            try (Connection c = SearchPathPin.pin(db.connect()); Statement st = c.createStatement()) {
                st.execute("GRANT CREATE ON SCHEMA public TO " + app.name());
            }
        }
        Colshift owner = Colshift.owner(db);
        assertThat(owner.run("init", "--grant-to", app.name(), "--lease", "50ms").exitCode()).isZero();
        PlantedFunctions.plant(app);

        assertThat(capturedByDefaultPath()).as("the planted objects capture these calls under the default path")
                .contains("jsonb_build_object(text,bigint)", "to_regclass(varchar)", "lower(varchar)",
                        "=(text,varchar)", "||(varchar,varchar)", "hashtext(varchar)", "make_interval(secs bigint)");
        assertThat(Canaries.isSuperuser(db, app.name())).isFalse();

        Canaries before = Canaries.read(db);
        Path spec = dir.resolve("items-tag.yaml");
        // unqualified table, and expressions whose varchar argument the planted lower() and || match best
        Files.writeString(spec, "id: items-tag\ntable: items\ncolumn: tag\ntype: text\ndefault: \"'none'\"\n"
                + "backfill: \"lower(email) || (email || '#')\"\nnot_null: true\nindex: { concurrently: true }\n");
        Path extra = dir.resolve("items-extra.yaml");
        Files.writeString(extra, "id: items-extra\ntable: public.items\ncolumn: extra\ntype: integer\ndefault: 0\n");
        for (String[] step : new String[][] {{"declare", spec.toString()}, {"plan", "items-tag"},
                {"status"}, {"expand", "items-tag"}, {"flag", "items-tag", "--writes", "on"},
                {"backfill", "items-tag", "--plain"}, {"status", "--json"}, {"contract", "items-tag"},
                {"complete", "items-tag"}, {"status", "--all"},
                // and a second migration taken back: advance, the runner lock, the barrier, DROP COLUMN
                {"declare", extra.toString()}, {"advance", "items-extra", "--until", "expanded"},
                {"rollback", "items-extra", "--drop-column", "--poll-interval", "100ms"}}) {
            Colshift.Result result = owner.run(step[0], java.util.Arrays.copyOfRange(step, 1, step.length));
            assertThat(result.exitCode()).as("colshift %s: %s", String.join(" ", step), result.all()).isZero();
        }

        assertThat(Canaries.isSuperuser(db, app.name())).isFalse();
        Canaries after = Canaries.read(db);
        assertThat(after.roles()).isEqualTo(before.roles());
        assertThat(after.functions()).isEqualTo(before.functions());
        assertThat(after.relations()).isEqualTo(before.relations());
        assertThat(after.canary()).isEqualTo(before.canary());
        try (Connection c = SearchPathPin.pin(db.connect()); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE tag = lower(email) || email || '#'),"
                     + " count(*) FROM public.items")) {
            rs.next();
            assertThat(rs.getLong(1)).as("every row backfilled by the built-in functions").isEqualTo(rs.getLong(2))
                    .isEqualTo(300);
        }
    }

    private int serverMajorVersion() throws SQLException {
        try (Connection c = db.connect()) {
            return c.getMetaData().getDatabaseMajorVersion();
        }
    }

    private boolean mayCreateInPublic() throws SQLException {
        try (Connection c = SearchPathPin.pin(db.connect());
             PreparedStatement ps = c.prepareStatement("SELECT has_schema_privilege(?, 'public', 'CREATE')")) {
            ps.setString(1, app.name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * Runs calls shaped like the CLI's in a superuser session with the default search_path, inside a transaction
     * that is rolled back, and returns which planted objects ran: proof that the attack is real on this server.
     */
    private List<String> capturedByDefaultPath() throws SQLException {
        List<String> via = new ArrayList<>();
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.executeQuery("SELECT jsonb_build_object('id', id) FROM public.items LIMIT 1").close();
                st.executeQuery("SELECT lower(email) || (email || '#') FROM public.items LIMIT 1").close();
                try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?), hashtext(?),"
                        + " make_interval(secs => ?)")) {
                    ps.setString(1, "public.items");
                    ps.setString(2, "colshift-runner");
                    ps.setLong(3, 10);
                    ps.executeQuery().close();
                }
                // as in every control schema lookup `WHERE id = ?`: a text column against a varchar parameter
                try (PreparedStatement ps = c.prepareStatement("SELECT CAST('items-tag' AS text) = ?")) {
                    ps.setString(1, "items-tag");
                    ps.executeQuery().close();
                }
                try (ResultSet rs = st.executeQuery("SELECT DISTINCT via FROM public.attack_log ORDER BY 1")) {
                    while (rs.next()) {
                        via.add(rs.getString(1));
                    }
                }
                assertThat(Canaries.isSuperuserIn(c, app.name())).as("escalated inside the rolled-back transaction")
                        .isTrue();
            } finally {
                c.rollback();
            }
        }
        return via;
    }
}
