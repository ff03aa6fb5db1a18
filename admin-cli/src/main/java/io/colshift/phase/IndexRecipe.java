package io.colshift.phase;

/** The statements that build the spec's index, and remove an INVALID leftover of a failed build. */
public final class IndexRecipe {

    private IndexRecipe() {
    }

    public static String create(MigrationRecord m, IndexSpec spec) {
        return "CREATE " + (spec.unique() ? "UNIQUE " : "") + "INDEX " + (spec.concurrently() ? "CONCURRENTLY " : "")
                + "IF NOT EXISTS " + Sql.ident(spec.name()) + " ON " + m.quotedTable() + " USING " + spec.method()
                + " (" + m.quotedColumn() + ")";
    }

    public static String dropInvalid(MigrationRecord m, IndexSpec spec) {
        return "DROP INDEX " + (spec.concurrently() ? "CONCURRENTLY " : "") + "IF EXISTS "
                + Sql.qualified(m.schema(), spec.name());
    }

    /** The lock the build takes: CONCURRENTLY lets writes through, a plain build blocks them. */
    public static String lock(IndexSpec spec) {
        return spec.concurrently() ? "SHARE UPDATE EXCLUSIVE" : "SHARE (blocks writes for the whole build)";
    }
}
