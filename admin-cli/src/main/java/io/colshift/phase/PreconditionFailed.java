package io.colshift.phase;

/** A step refused to run because something it needs does not hold (wrong phase, flag off, drift, busy runner). */
public class PreconditionFailed extends PhaseException {

    public static final int EXIT_CODE = 3;

    public PreconditionFailed(String message) {
        super(message);
    }

    @Override
    public int exitCode() {
        return EXIT_CODE;
    }
}
