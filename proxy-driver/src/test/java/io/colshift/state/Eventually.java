package io.colshift.state;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something another thread does; the generous limit only bounds a broken run, it is not measured. */
final class Eventually {

    static final Duration LIMIT = Duration.ofSeconds(20);

    private Eventually() {
    }

    static boolean holds(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }
}
