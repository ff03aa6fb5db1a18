package io.colshift.phase;

/** DDL gave up after retrying on lock timeouts for the whole {@code --max-wait}; nothing was changed by it. */
public final class LockWaitTimedOut extends PhaseException {

    public static final int EXIT_CODE = 4;

    public LockWaitTimedOut(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public int exitCode() {
        return EXIT_CODE;
    }
}
