package io.colshift.cli;

import io.colshift.phase.PhaseRun;
import picocli.CommandLine.Option;

import java.time.Duration;

/** How long a step's barrier waits for standbys, shared by every command that changes state. */
final class BarrierOptions {

    @Option(names = "--barrier-timeout", paramLabel = "DURATION", defaultValue = "5min",
            converter = DurationConverter.class,
            description = {"Longest the step waits for streaming standbys to replay its change (and, before a",
                    "destructive action, for disconnected standbys with a physical slot to come back) before",
                    "giving up with exit code 3; the change stays committed (default: ${DEFAULT-VALUE}). The",
                    "staleness lease itself is always waited out."})
    Duration barrierTimeout = PhaseRun.DEFAULT_BARRIER_TIMEOUT;

    /** The timeout; exit 2 when negative. Call it before changing anything, so that bad input changes nothing. */
    Duration timeout() {
        return nonNegative(barrierTimeout, "--barrier-timeout");
    }

    /** {@code value} of duration option {@code option}; exit 2 when negative. */
    static Duration nonNegative(Duration value, String option) {
        if (value.isNegative()) {
            throw CommandFailure.badInput(option + " must not be negative");
        }
        return value;
    }
}
