package dev.fmgateway.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.fmgateway.provider.UpstreamException;

/** resilience4j registries built from {@link ResilienceProperties}, with their metrics in Prometheus. */
@Configuration(proxyBeanMethods = false)
class ResilienceConfiguration {

    @Bean
    CircuitBreakerRegistry circuitBreakers(ResilienceProperties properties, MeterRegistry meters) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
            .failureRateThreshold(properties.failureRateThreshold())
            .minimumNumberOfCalls(properties.minimumCalls())
            .slidingWindowSize(properties.slidingWindow())
            .waitDurationInOpenState(properties.openDuration())
            .automaticTransitionFromOpenToHalfOpenEnabled(false)
            .recordException(ex -> ex instanceof UpstreamException upstream && upstream.retriable())
            .build();
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(config);
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        return registry;
    }

    @Bean
    RetryRegistry retries(ResilienceProperties properties, MeterRegistry meters) {
        RetryConfig config = RetryConfig.custom()
            .maxAttempts(Math.max(1, properties.maxAttempts()))
            .intervalFunction(IntervalFunction.ofExponentialRandomBackoff(properties.initialBackoff(), 2.0, 0.5))
            .retryOnException(ex -> ex instanceof UpstreamException upstream && upstream.retriable())
            .build();
        RetryRegistry registry = RetryRegistry.of(config);
        TaggedRetryMetrics.ofRetryRegistry(registry).bindTo(meters);
        return registry;
    }
}
