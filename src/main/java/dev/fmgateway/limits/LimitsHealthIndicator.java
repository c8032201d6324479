package dev.fmgateway.limits;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code limits} component of {@code /actuator/health} (not of liveness or readiness): the limits in force,
 * a limits file that does not parse, and, with Redis configured, whether it answers. Redis down is DOWN under the
 * {@code closed} policy (calls with limits are refused) and UP with state {@code FALLBACK} under {@code open}.
 */
@Component
class LimitsHealthIndicator implements HealthIndicator {

    private final Limiter limiter;

    LimitsHealthIndicator(Limiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public Health health() {
        LimitsProperties properties = this.limiter.properties();
        Health.Builder health = Health.up()
            .withDetail("limits", this.limiter.rules().limits().size())
            .withDetail("file", this.limiter.file().path().toString());
        String fileError = this.limiter.file().lastError();
        if (fileError != null) {
            health.withDetail("fileError", fileError);
        }
        RedisLimitStore redis = this.limiter.redis();
        if (redis == null) {
            return health.withDetail("store", "local").build();
        }
        health.withDetail("store", "redis").withDetail("whenRedisDown", properties.whenRedisDown().name());
        try {
            redis.ping();
            this.limiter.redisAnswered();
            return health.withDetail("state", "SHARED").build();
        }
        catch (RuntimeException ex) {
            this.limiter.redisFailed(ex);
            Health.Builder down = properties.whenRedisDown() == LimitsProperties.WhenRedisDown.CLOSED
                    ? health.down().withDetail("state", "REFUSING") : health.withDetail("state", "FALLBACK");
            return down.withDetail("redisError", String.valueOf(ex.getMessage())).build();
        }
    }
}
