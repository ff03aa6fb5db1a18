package io.colshift.phase;

/** The table no longer matches what colshift did to it: someone altered the column outside colshift. */
public final class DriftDetected extends PreconditionFailed {

    public DriftDetected(String message) {
        super(message);
    }
}
