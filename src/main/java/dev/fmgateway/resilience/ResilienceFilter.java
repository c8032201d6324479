package dev.fmgateway.resilience;


import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.Invocation;
import dev.fmgateway.invocation.InvocationChain;
import dev.fmgateway.invocation.InvocationFilter;
import dev.fmgateway.invocation.Stage;
import dev.fmgateway.problem.UpstreamException;
import dev.fmgateway.problem.UpstreamThrottledException;
import dev.fmgateway.problem.UpstreamTimeoutException;

/**
 * The one owner of retries and failover. Each attempt goes to the best allowed deployment that has not failed
 * yet and whose circuit is closed; once every allowed deployment failed, the best is retried after an
 * exponential, jittered backoff that honours an upstream {@code Retry-After}. Only retriable failures
 * (throttling, not ready, timeouts, 5xx) move on; attempts stop at {@code max-attempts},
 * {@code max-deployments} or the deadline. Each attempt holds a place under its deployment's adaptive concurrency
 * limit ({@link ConcurrencyLimiters}), waiting briefly for one when the limit is reached, and tells the limit how
 * it went; a deployment with no room is skipped like a full one (the global cap is the
 * {@link AdmissionInterceptor}'s, before the body is even read).
 */
@Component
class ResilienceFilter implements InvocationFilter {

    private final ResilienceProperties properties;

    private final Circuits circuits;

    private final ConcurrencyLimiters limiters;

    private final IntervalFunction backoff;

    private final MeterRegistry meters;

    ResilienceFilter(ResilienceProperties properties, CircuitBreakerRegistry circuitBreakers,
            ConcurrencyLimiters limiters, MeterRegistry meters) {
        this.properties = properties;
        this.circuits = new Circuits(circuitBreakers);
        this.limiters = limiters;
        this.meters = meters;
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(properties.initialBackoff(), 2.0, 0.5);
    }

    @Override
    public Stage stage() {
        return Stage.RESILIENCE;
    }

    @Override
    public Completion<?> filter(Invocation invocation, InvocationChain next) {
        Attempts attempts = new Attempts(invocation, this.properties);
        while (attempts.more()) {
            Attempts.Pick pick = attempts.pick(this.circuits);
            if (pick == null) {
                break;
            }
            try {
                waitBeforeRetry(attempts, pick.deployment(), invocation);
                Completion<?> completion = attempt(invocation, next, pick, attempts);
                if (completion != null) {
                    return completion;
                }
            }
            finally {
                // Whatever happened and however it ended: the permit is settled (a no-op when already settled).
                pick.permit().release();
            }
        }
        throw attempts.failure();
    }

    private @Nullable Completion<?> attempt(Invocation invocation, InvocationChain next, Attempts.Pick pick,
            Attempts attempts) {
        Deployment deployment = pick.deployment();
        ConcurrencyLimiters.Limited limited = this.limiters.of(deployment);
        Duration wait = this.properties.concurrency().queueWait();
        Duration left = invocation.deadline().remaining();
        ConcurrencyLimiter.Permit place = limited.limiter().acquire(left.compareTo(wait) < 0 ? left : wait);
        if (place == null) {
            limited.refused().increment();
            attempts.rejected(deployment, new ConcurrencyLimitException(invocation.model().id()));
            return null;
        }
        try {
            Completion<?> completion = next.proceed(invocation.routedTo(deployment));
            place.succeeded();
            pick.permit().succeeded();
            if (attempts.count() > 1) {
                Counter.builder("gateway.failover.recovered").tag("model", invocation.model().id())
                    .register(this.meters).increment();
            }
            return completion;
        }
        catch (UpstreamException ex) {
            if (ex instanceof UpstreamThrottledException) {
                place.throttled();
            }
            pick.permit().failed(ex);
            if (!ex.retriable() || ex.mayHaveReachedModel() && !this.properties.retryNonIdempotent()) {
                throw ex;
            }
            Counter.builder("gateway.upstream.failures")
                .description("Retriable upstream failures, each followed by a retry or failover while attempts remain")
                .tag("model", invocation.model().id())
                .tag("region", deployment.region())
                .tag("code", ex.code().name())
                .register(this.meters)
                .increment();
            attempts.failed(deployment, ex);
            return null;
        }
        finally {
            place.ignored();
        }
    }

    /** Before retrying a deployment that already failed: backoff, or the upstream's Retry-After if longer. */
    private void waitBeforeRetry(Attempts attempts, Deployment deployment, Invocation invocation) {
        if (!attempts.alreadyFailed(deployment)) {
            return;
        }
        long waitMs = this.backoff.apply(attempts.retriesOf(deployment));
        if (attempts.last() instanceof UpstreamThrottledException throttled && throttled.retryAfterSeconds() > 0) {
            waitMs = Math.max(waitMs, throttled.retryAfterSeconds() * 1000);
        }
        waitMs = Math.min(waitMs, this.properties.maxBackoff().toMillis());
        if (waitMs >= invocation.deadline().remaining().toMillis()) {
            throw attempts.failure();
        }
        try {
            Thread.sleep(waitMs);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw UpstreamTimeoutException.deadline(invocation.model().id(), "the request was abandoned");
        }
    }
}
