package dev.fmgateway.limits;

import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the limits come from and how they are enforced.
 *
 * @param file the limits file; absent or empty means no limits
 * @param reloadInterval how often the file's modification time is checked; a change is applied without restart
 * @param redisUrl Redis shared by the replicas ({@code redis://host:6379}); unset: counters live in this process
 * @param redisTimeout longest wait for Redis to connect or answer
 * @param whenRedisDown {@code open}: admit against this replica's own counters, each limit times
 *        {@code localShare}; {@code closed}: refuse calls that have limits (503 {@code LIMITS_UNAVAILABLE})
 * @param localShare the part of each limit one replica enforces on its own while Redis is down (e.g. 0.5 for two
 *        replicas)
 * @param redisRetry after a Redis failure, how long calls use the fallback before Redis is tried again
 * @param lease how long a concurrency slot or budget reservation is held if its replica never releases it
 * @param keyPrefix prefix of every Redis key the gateway writes
 */
@Validated
@ConfigurationProperties("gateway.limits")
public record LimitsProperties(@DefaultValue("./config/limits.yaml") Path file,
        @DefaultValue("2s") Duration reloadInterval, @Nullable String redisUrl,
        @DefaultValue("250ms") Duration redisTimeout, @DefaultValue("open") WhenRedisDown whenRedisDown,
        @DefaultValue("1.0") @DecimalMin("0.01") @DecimalMax("1.0") double localShare,
        @DefaultValue("1s") Duration redisRetry, @DefaultValue("10m") Duration lease,
        @DefaultValue("fmgw:limits:") String keyPrefix) {

    /** The Redis-down policy. */
    public enum WhenRedisDown {
        OPEN, CLOSED
    }

    boolean redisConfigured() {
        return this.redisUrl != null && !this.redisUrl.isBlank();
    }
}
