package io.colshift.demo.workload;

/**
 * How much traffic one application version sends.
 *
 * @param threads               client threads (and pool size)
 * @param opsPerSecondPerThread steady rate of each thread
 */
public record Traffic(int threads, double opsPerSecondPerThread) {

    public Traffic {
        if (threads < 1 || opsPerSecondPerThread <= 0) {
            throw new IllegalArgumentException("need at least one thread and a positive rate");
        }
    }

    /** {@code totalOpsPerSecond} spread over {@code threads}. */
    public static Traffic of(int threads, double totalOpsPerSecond) {
        return new Traffic(threads, totalOpsPerSecond / threads);
    }
}
