package dev.fmgateway.resilience;

import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.Deployment;
import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.Invocation;
import dev.fmgateway.invocation.InvocationChain;
import dev.fmgateway.invocation.InvocationFilter;
import dev.fmgateway.invocation.InvocationOrder;
import dev.fmgateway.provider.UpstreamUnavailableException;

/**
 * The one owner of retries: Retry(CircuitBreaker(call)), per deployment. Only retriable upstream failures are
 * retried or counted against the circuit; an open circuit answers 503 with the time until it half-opens.
 */
@Component
@Order(InvocationOrder.RESILIENCE)
class ResilienceFilter implements InvocationFilter {

    private final CircuitBreakerRegistry circuitBreakers;

    private final RetryRegistry retries;

    ResilienceFilter(CircuitBreakerRegistry circuitBreakers, RetryRegistry retries) {
        this.circuitBreakers = circuitBreakers;
        this.retries = retries;
    }

    @Override
    public Completion filter(Invocation invocation, InvocationChain next) {
        Deployment deployment = invocation.deployment();
        String name = deployment == null ? invocation.model().id()
                : deployment.backend().name().toLowerCase() + ":" + deployment.region() + ":" + deployment.upstreamId();
        CircuitBreaker circuitBreaker = this.circuitBreakers.circuitBreaker(name);
        Supplier<Completion> call = Retry.decorateSupplier(this.retries.retry(name),
                CircuitBreaker.decorateSupplier(circuitBreaker, () -> next.proceed(invocation)));
        try {
            return call.get();
        }
        catch (CallNotPermittedException ex) {
            long wait = circuitBreaker.getCircuitBreakerConfig()
                .getWaitIntervalFunctionInOpenState()
                .apply(1) / 1000;
            throw new UpstreamUnavailableException(invocation.model().id(),
                    "recent calls to this deployment failed, so it is paused", wait);
        }
    }
}
