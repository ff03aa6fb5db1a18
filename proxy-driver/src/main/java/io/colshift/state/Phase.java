package io.colshift.state;

import java.util.Locale;

/**
 * The phases of one column migration, in the order the CLI advances them (see DESIGN.md).
 * Each phase fixes what the database holds and how the driver treats reads and writes of the column.
 */
public enum Phase {
    /** Column absent; reads get the typed fallback, writes are stripped. */
    DECLARED(false, ReadMode.FALLBACK),
    /** Column present and nullable; reads coalesce, writes pass only with the write flag on. */
    EXPANDED(true, ReadMode.COALESCE),
    /** The CLI fills NULL rows in batches; as {@link #EXPANDED}. */
    BACKFILLING(true, ReadMode.COALESCE),
    /** No NULL left; reads still coalesce (writers outside colshift may add NULLs), writes pass. */
    BACKFILLED(true, ReadMode.COALESCE),
    /** Default, NOT NULL and index in place; statements pass unchanged. */
    CONTRACTED(true, ReadMode.PASS),
    /** Final schema; the migration is archived and no longer rewritten. */
    COMPLETE(true, ReadMode.PASS);

    /** How the driver rewrites references to the migrating column when it reads it. */
    public enum ReadMode { FALLBACK, COALESCE, PASS }

    private final boolean columnExists;
    private final ReadMode readMode;

    Phase(boolean columnExists, ReadMode readMode) {
        this.columnExists = columnExists;
        this.readMode = readMode;
    }

    public boolean columnExists() {
        return columnExists;
    }

    public ReadMode readMode() {
        return readMode;
    }

    /** Whether writes of the column must be removed from statements, given the migration's write flag. */
    public boolean gatesWrites(boolean writeFlag) {
        return switch (this) {
            case DECLARED -> true;
            case EXPANDED, BACKFILLING -> !writeFlag;
            case BACKFILLED, CONTRACTED, COMPLETE -> false;
        };
    }

    /** Whether the driver must look at statements touching this migration's table at all. */
    public boolean needsRewriting() {
        return readMode != ReadMode.PASS;
    }

    /** The spelling stored in the control schema and shown to operators. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Phase fromLabel(String label) {
        return valueOf(label.trim().toUpperCase(Locale.ROOT));
    }
}
