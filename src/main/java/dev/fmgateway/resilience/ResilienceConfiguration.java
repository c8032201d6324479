package dev.fmgateway.resilience;

import java.time.Duration;

import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * resilience4j registries built from {@link ResilienceProperties}: a circuit breaker and a bulkhead per
 * deployment, exported to Prometheus.
 */
@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

    @Bean
    CircuitBreakerRegistry circuitBreakers(ResilienceProperties properties, MeterRegistry meters) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
            .failureRateThreshold(properties.failureRateThreshold())
            .minimumNumberOfCalls(properties.minimumCalls())
            .slidingWindowSize(properties.slidingWindow())
            .waitDurationInOpenState(properties.openDuration())
            .permittedNumberOfCallsInHalfOpenState(1)
            .build();
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(config);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        return registry;
    }

    /** Bulkheads never queue: a full one rejects at once, so callers get a fast 429 instead of waiting. */
    @Bean
    BulkheadRegistry bulkheads(ResilienceProperties properties, MeterRegistry meters) {
        BulkheadRegistry registry = BulkheadRegistry.of(BulkheadConfig.custom()
            .maxConcurrentCalls(properties.maxConcurrentPerDeployment())
            .maxWaitDuration(Duration.ZERO)
            .build());
        TaggedBulkheadMetrics.ofBulkheadRegistry(registry).bindTo(meters);
        return registry;
    }
}
