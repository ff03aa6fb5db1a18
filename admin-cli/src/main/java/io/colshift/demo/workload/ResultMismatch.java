package io.colshift.demo.workload;

/** A statement succeeded but returned something other than what the application had written. */
public final class ResultMismatch extends Exception {

    public ResultMismatch(String message) {
        super(message, null, false, false);
    }
}
