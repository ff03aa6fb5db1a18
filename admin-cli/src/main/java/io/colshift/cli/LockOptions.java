package io.colshift.cli;

import io.colshift.phase.DdlOptions;
import picocli.CommandLine.Option;

import java.time.Duration;

/** How long DDL may wait for locks, shared by every command that changes the table. */
final class LockOptions {

    @Option(names = "--lock-timeout", paramLabel = "DURATION", defaultValue = "2s",
            converter = DurationConverter.class,
            description = {"Longest one DDL statement waits in the lock queue (default: ${DEFAULT-VALUE}).",
                    "While it waits, every later query on the table waits behind it, so this is also the longest",
                    "colshift can stall your traffic. On timeout it backs off and retries."})
    Duration lockTimeout;

    @Option(names = "--statement-timeout", paramLabel = "DURATION", defaultValue = "30s",
            converter = DurationConverter.class,
            description = "Limit for catalog-only DDL once it has its lock (default: ${DEFAULT-VALUE}); table scans"
                    + " (VALIDATE, CREATE INDEX CONCURRENTLY) do not block writes and run without one.")
    Duration statementTimeout;

    @Option(names = "--max-wait", paramLabel = "DURATION", defaultValue = "10min",
            converter = DurationConverter.class,
            description = "Total time to keep retrying lock timeouts before giving up with exit code 4"
                    + " (default: ${DEFAULT-VALUE}).")
    Duration maxWait;

    DdlOptions ddlOptions() {
        try {
            return new DdlOptions(lockTimeout, statementTimeout, maxWait);
        } catch (IllegalArgumentException e) {
            throw CommandFailure.badInput(e.getMessage());
        }
    }
}
