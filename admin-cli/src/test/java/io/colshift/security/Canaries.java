package io.colshift.security;

import io.colshift.embedded.junit.TestDatabase;
import io.colshift.phase.SearchPathPin;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What an attack must not change, read before and after: the cluster's roles and who of them is superuser, every
 * function and relation outside the system schemas, and the contents of a canary table nobody but its owner may
 * write. Read on a pinned session, so that the reading itself cannot run a planted function.
 */
record Canaries(List<String> roles, List<String> functions, List<String> relations, String canary) {

    static final String CANARY_TABLE = "public.canary";

    /** Creates the canary table with a few rows (as the database owner). */
    static void plant(TestDatabase db) throws SQLException {
        try (Connection c = SearchPathPin.pin(db.connect()); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + CANARY_TABLE + " (id int PRIMARY KEY, secret text NOT NULL)");
            st.execute("INSERT INTO " + CANARY_TABLE + " SELECT g, 'secret-' || g FROM generate_series(1, 5) g");
        }
    }

    static Canaries read(TestDatabase db) throws SQLException {
        try (Connection c = SearchPathPin.pin(db.connect())) {
            return new Canaries(
                    strings(c, "SELECT rolname || CASE WHEN rolsuper THEN ' SUPERUSER' ELSE '' END FROM pg_roles"
                            + " ORDER BY 1"),
                    strings(c, "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid ="
                            + " p.pronamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1"),
                    strings(c, "SELECT n.nspname || '.' || c.relname || ' ' || c.relkind::text FROM pg_class c"
                            + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'v', 'm',"
                            + " 'f', 'S') AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
                            + " AND n.nspname NOT LIKE 'pg\\_temp\\_%' AND n.nspname NOT LIKE 'pg\\_toast%' ORDER BY 1"),
                    String.join(",", strings(c, "SELECT id || '=' || secret FROM " + CANARY_TABLE + " ORDER BY id")));
        }
    }

    static boolean isSuperuser(TestDatabase db, String role) throws SQLException {
        try (Connection c = SearchPathPin.pin(db.connect())) {
            return isSuperuserIn(c, role);
        }
    }

    /** On {@code c} as it is; the comparison is written so that no planted operator matches it. */
    static boolean isSuperuserIn(Connection c, String role) throws SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement(
                "SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname OPERATOR(pg_catalog.=) ?::name")) {
            ps.setString(1, role);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
