package io.colshift.phase;

import java.time.Duration;

/**
 * How DDL waits for locks.
 *
 * @param lockTimeout      longest a DDL statement queues for its lock; while it queues, every later query on the
 *                         table queues behind it, so this is also the longest it can stall traffic
 * @param statementTimeout limit for catalog-only DDL (everything but scans), on top of the lock wait
 * @param maxWait          total time to keep retrying lock timeouts before giving up (exit code 4)
 */
public record DdlOptions(Duration lockTimeout, Duration statementTimeout, Duration maxWait) {

    public static final DdlOptions DEFAULTS =
            new DdlOptions(Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofMinutes(10));

    public DdlOptions {
        if (lockTimeout.isNegative() || lockTimeout.isZero()) {
            throw new IllegalArgumentException("--lock-timeout must be positive (0 would let DDL queue forever)");
        }
        if (statementTimeout.isNegative() || maxWait.isNegative()) {
            throw new IllegalArgumentException("timeouts must not be negative");
        }
    }
}
