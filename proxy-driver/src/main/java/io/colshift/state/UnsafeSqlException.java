package io.colshift.state;

/**
 * An expression or type name that must not be spliced into SQL. The message is the reason, phrased to follow the
 * field name ("default contains a statement terminator …").
 */
public final class UnsafeSqlException extends Exception {

    public UnsafeSqlException(String reason) {
        super(reason);
    }

    public String reason() {
        return getMessage();
    }
}
