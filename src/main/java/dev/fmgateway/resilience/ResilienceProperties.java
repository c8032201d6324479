package dev.fmgateway.resilience;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retry and circuit-breaker settings, applied per deployment (model + region or endpoint).
 *
 * @param maxAttempts attempts per call, the first included; only retriable failures are retried
 * @param initialBackoff wait before the second attempt; doubles each time, with jitter
 * @param failureRateThreshold percentage of failed calls that opens a deployment's circuit
 * @param minimumCalls calls in the window before the failure rate counts
 * @param slidingWindow number of recent calls the failure rate is measured over
 * @param openDuration how long an open circuit rejects calls before letting probes through
 */
@ConfigurationProperties("gateway.resilience")
public record ResilienceProperties(@DefaultValue("2") int maxAttempts, @DefaultValue("200ms") Duration initialBackoff,
        @DefaultValue("50") float failureRateThreshold, @DefaultValue("10") int minimumCalls,
        @DefaultValue("20") int slidingWindow, @DefaultValue("30s") Duration openDuration) {
}
