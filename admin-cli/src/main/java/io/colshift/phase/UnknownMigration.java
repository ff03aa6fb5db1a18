package io.colshift.phase;

/** The id names no migration: bad input (exit 2), a typo rather than a state to wait for. */
public final class UnknownMigration extends PhaseException {

    public static final int EXIT_CODE = 2;

    public UnknownMigration(String message) {
        super(message);
    }

    @Override
    public int exitCode() {
        return EXIT_CODE;
    }
}
