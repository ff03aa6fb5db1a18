package io.colshift.phase;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter between lock-timeout retries, so that several waiting runners (or a runner and
 * a deploy script) do not retry in lock step against the same blocker.
 */
public final class Backoff {

    private final long baseMillis;
    private final long capMillis;
    private int attempt;

    public Backoff(Duration base, Duration cap) {
        this.baseMillis = Math.max(1, base.toMillis());
        this.capMillis = Math.max(baseMillis, cap.toMillis());
    }

    /** The next delay: base·2^n capped, then drawn uniformly from its upper half ("equal jitter"). */
    public Duration next() {
        long ceiling = Math.min(capMillis, baseMillis << Math.min(attempt, 30));
        attempt++;
        long half = ceiling / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(ceiling - half + 1));
    }

    public int attempts() {
        return attempt;
    }
}
