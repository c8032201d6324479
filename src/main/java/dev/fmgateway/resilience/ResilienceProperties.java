package dev.fmgateway.resilience;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deadlines, retries, failover, circuit breakers and concurrency limits.
 *
 * @param deadline default time a call may take, retries and failover included (a model may set its own
 *        {@code timeout}; callers may ask for less with {@code X-Gateway-Timeout-Ms})
 * @param maxAttempts upstream attempts per call, the first included; only retriable failures are retried
 * @param maxDeployments distinct deployments one call may be sent to (failover)
 * @param initialBackoff wait before retrying the same deployment; doubles each time, with jitter
 * @param maxBackoff longest wait between attempts, an upstream Retry-After included
 * @param failureRateThreshold percentage of failed calls that opens a deployment's circuit
 * @param minimumCalls calls in the window before the failure rate counts
 * @param slidingWindow number of recent calls the failure rate is measured over
 * @param openDuration how long an open circuit skips its deployment before letting probes through
 * @param concurrency the adaptive limit of calls in flight per deployment
 * @param maxConcurrent in-flight model requests allowed in total (checked before the body is read)
 * @param retryNonIdempotent whether to retry failures that may have reached the model (5xx, timeouts, connection
 *        resets): model calls are not idempotent, so such a retry can bill twice; off by default, when only
 *        failures that provably did not reach the model (connect errors, throttling, not ready) are retried
 */
@ConfigurationProperties("gateway.resilience")
public record ResilienceProperties(@DefaultValue("60s") Duration deadline, @DefaultValue("3") int maxAttempts,
        @DefaultValue("3") int maxDeployments, @DefaultValue("200ms") Duration initialBackoff,
        @DefaultValue("5s") Duration maxBackoff, @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("10") int minimumCalls, @DefaultValue("20") int slidingWindow,
        @DefaultValue("30s") Duration openDuration, @DefaultValue Concurrency concurrency,
        @DefaultValue("2000") int maxConcurrent, @DefaultValue("false") boolean retryNonIdempotent) {

    /**
     * The adaptive limit of calls in flight per deployment ({@link AdaptiveLimit}): throttling and latency growth
     * shrink it, healthy load grows it; calls beyond it wait in a short queue, then get 429 {@code RATE_LIMITED}.
     *
     * @param initialLimit the limit a deployment starts with
     * @param minLimit the limit never falls below this
     * @param maxLimit the limit never grows beyond this
     * @param latencyTolerance how many times its long-run mean a window's mean latency may reach before the limit
     *        shrinks
     * @param queueSize callers that may wait for room under a deployment's limit (0: refuse at once)
     * @param queueWait longest wait for room, never past the caller's deadline
     */
    public record Concurrency(@DefaultValue("1000") int initialLimit, @DefaultValue("16") int minLimit,
            @DefaultValue("2000") int maxLimit, @DefaultValue("2.0") double latencyTolerance,
            @DefaultValue("1000") int queueSize, @DefaultValue("2s") Duration queueWait) {
    }
}
