package dev.fmgateway.limits;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The limiter: the limits file (polled for changes) and, only when {@code gateway.limits.redis-url} is set, the
 * Redis store; without it no Redis connection is ever attempted.
 */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

    @Bean(destroyMethod = "close")
    Limiter limiter(LimitsProperties properties, SpendHistory history, Clock clock, MeterRegistry meters) {
        LimitFile file = new LimitFile(properties.file(), properties.reloadInterval());
        RedisLimitStore redis = properties.redisConfigured()
                ? new RedisLimitStore(properties.redisUrl(), properties.redisTimeout(), properties.keyPrefix(), history)
                : null;
        return new Limiter(properties, file, redis, history, clock, meters);
    }
}
