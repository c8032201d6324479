package dev.fmgateway.invocation;

import java.time.Duration;
import java.time.Instant;

/**
 * When a call must be answered by. Retries, failover and upstream waits all stop at it; past it the caller gets
 * 504 {@code UPSTREAM_TIMEOUT} and the upstream call is cancelled.
 */
public record Deadline(Instant at) {

    public static Deadline in(Duration duration) {
        return new Deadline(Instant.now().plus(duration));
    }

    public Duration remaining() {
        Duration left = Duration.between(Instant.now(), this.at);
        return left.isNegative() ? Duration.ZERO : left;
    }

    public boolean passed() {
        return !Instant.now().isBefore(this.at);
    }
}
