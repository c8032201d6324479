package dev.fmgateway.resilience;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import dev.fmgateway.catalog.Deployment;

/**
 * One {@link ConcurrencyLimiter} per deployment, made on its first call, with its meters tagged by the
 * deployment's key (one series per catalog deployment): {@code gateway.concurrency.limit},
 * {@code gateway.concurrency.in.flight}, {@code gateway.concurrency.waiting} and the counter
 * {@code gateway.concurrency.refused}.
 */
final class ConcurrencyLimiters {

    private final ResilienceProperties.Concurrency settings;

    private final MeterRegistry meters;

    private final LongSupplier clock;

    private final Map<String, Limited> byKey = new ConcurrentHashMap<>();

    ConcurrencyLimiters(ResilienceProperties.Concurrency settings, MeterRegistry meters, LongSupplier clock) {
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
    }

    /** A deployment's limiter and its refusal counter. */
    record Limited(ConcurrencyLimiter limiter, Counter refused) {
    }

    Limited of(Deployment deployment) {
        return this.byKey.computeIfAbsent(deployment.key(), this::create);
    }

    private Limited create(String key) {
        ConcurrencyLimiter limiter = new ConcurrencyLimiter(new AdaptiveLimit(this.settings.initialLimit(),
                this.settings.minLimit(), this.settings.maxLimit(), this.settings.latencyTolerance(),
                this.clock.getAsLong()), this.settings.queueSize(), this.clock);
        Gauge.builder("gateway.concurrency.limit", limiter, ConcurrencyLimiter::limit)
            .description("The adaptive limit of calls in flight to a deployment")
            .tag("deployment", key)
            .register(this.meters);
        Gauge.builder("gateway.concurrency.in.flight", limiter, ConcurrencyLimiter::inFlight)
            .description("Calls in flight to a deployment")
            .tag("deployment", key)
            .register(this.meters);
        Gauge.builder("gateway.concurrency.waiting", limiter, ConcurrencyLimiter::waiting)
            .description("Calls waiting for room under a deployment's limit")
            .tag("deployment", key)
            .register(this.meters);
        Counter refused = Counter.builder("gateway.concurrency.refused")
            .description("Calls refused at a deployment's limit (queue full or wait over): 429 RATE_LIMITED")
            .tag("deployment", key)
            .register(this.meters);
        return new Limited(limiter, refused);
    }
}
