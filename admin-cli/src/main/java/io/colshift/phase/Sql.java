package io.colshift.phase;

/** Quoting for identifiers spliced into DDL: names come from the catalog or a validated spec, never raw input. */
public final class Sql {

    private Sql() {
    }

    /** Always quotes, so that mixed-case names and keywords survive; doubles embedded quotes. */
    public static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    public static String qualified(String schema, String name) {
        return ident(schema) + "." + ident(name);
    }

    /** A string literal, for the rare catalog lookups that cannot take a bind parameter. */
    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
