package dev.fmgateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Built from {@link ResilienceProperties}: resilience4j's circuit breaker per deployment and the adaptive
 * concurrency limit per deployment, both exported to Prometheus.
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

    @Bean
    ConcurrencyLimiters concurrencyLimiters(ResilienceProperties properties, MeterRegistry meters) {
        return new ConcurrencyLimiters(properties.concurrency(), meters, System::nanoTime);
    }
}
