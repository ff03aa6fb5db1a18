package io.colshift.rewrite;

/**
 * Thrown inside the rewriter when a statement must pass unchanged: it is caught by {@link RewriteEngine},
 * counted by reason and logged once. Carries no stack trace: it is control flow, not a failure of ours.
 */
final class Abandon extends RuntimeException {

    enum Reason { AMBIGUOUS, UNSUPPORTED }

    private static final long serialVersionUID = 1L;

    private final Reason reason;

    private Abandon(Reason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    static Abandon ambiguous(String detail) {
        return new Abandon(Reason.AMBIGUOUS, detail);
    }

    static Abandon unsupported(String detail) {
        return new Abandon(Reason.UNSUPPORTED, detail);
    }

    Reason reason() {
        return reason;
    }
}
