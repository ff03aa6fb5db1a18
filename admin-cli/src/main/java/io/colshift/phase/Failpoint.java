package io.colshift.phase;

import java.util.Arrays;

/**
 * Test hook for crash-safety tests: when the system property {@code colshift.failpoint} or the environment variable
 * {@code COLSHIFT_FAILPOINT} names a point (comma-separated list), the process halts there at once, as
 * {@code kill -9} would, without running shutdown hooks or closing connections. Unset in normal use.
 */
public final class Failpoint {

    /** Exit status of a halted process, as a shell reports a SIGKILL. */
    public static final int HALT_STATUS = 137;

    private Failpoint() {
    }

    /** Halts the JVM if {@code name} (e.g. {@code contract.after-validate}) is armed. */
    public static void reached(String name) {
        String armed = System.getProperty("colshift.failpoint", System.getenv("COLSHIFT_FAILPOINT"));
        if (armed != null && Arrays.stream(armed.split(",")).map(String::strip).anyMatch(name::equals)) {
            System.err.println("failpoint " + name + " reached: halting");
            System.err.flush();
            Runtime.getRuntime().halt(HALT_STATUS);
        }
    }
}
