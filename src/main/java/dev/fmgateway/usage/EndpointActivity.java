package dev.fmgateway.usage;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.Backend;

/**
 * When each configured SageMaker endpoint was last called, seeded from the ledger at startup and kept in memory
 * after that, so the Prometheus gauges never query the database. An endpoint never called counts as idle since
 * the gateway started. Gauges are tagged with configured endpoint names only.
 */
@Component
class EndpointActivity implements SmartInitializingSingleton {

    private final EndpointCostProperties properties;

    private final UsageRepository repository;

    private final Clock clock;

    private final Instant startedAt;

    private final Map<String, Instant> lastCalls = new ConcurrentHashMap<>();

    EndpointActivity(EndpointCostProperties properties, UsageRepository repository, Clock clock,
            MeterRegistry meters) {
        this.properties = properties;
        this.repository = repository;
        this.clock = clock;
        this.startedAt = clock.instant();
        properties.endpoints().forEach((name, endpoint) -> {
            Gauge.builder("gateway.sagemaker.endpoint.idle", () -> idleFor(name).toMillis() / 1000.0)
                .description("Time since the SageMaker endpoint was last called")
                .baseUnit("seconds")
                .tags("endpoint", name, "instance_type", endpoint.instanceType())
                .register(meters);
            Gauge.builder("gateway.sagemaker.endpoint.hourly.cost", () -> hourlyUsd(endpoint).doubleValue())
                .description("What the SageMaker endpoint costs per hour while it runs")
                .baseUnit("usd")
                .tags("endpoint", name, "instance_type", endpoint.instanceType())
                .register(meters);
        });
    }

    @Override
    public void afterSingletonsInstantiated() {
        this.repository.endpointLastCalls().forEach((name, at) -> {
            if (this.properties.endpoints().containsKey(name)) {
                this.lastCalls.merge(name, at, EndpointActivity::later);
            }
        });
    }

    void called(Backend backend, String upstreamId, Instant at) {
        if (backend == Backend.SAGEMAKER && this.properties.endpoints().containsKey(upstreamId)) {
            this.lastCalls.merge(upstreamId, at, EndpointActivity::later);
        }
    }

    /** The last call to a configured endpoint, or null if the ledger has none. */
    @Nullable Instant lastCall(String endpoint) {
        return this.lastCalls.get(endpoint);
    }

    Duration idleFor(String endpoint) {
        Instant last = this.lastCalls.getOrDefault(endpoint, this.startedAt);
        Duration idle = Duration.between(last, this.clock.instant());
        return idle.isNegative() ? Duration.ZERO : idle;
    }

    boolean idle(String endpoint) {
        return idleFor(endpoint).compareTo(this.properties.idleAfter()) > 0;
    }

    static BigDecimal hourlyUsd(EndpointCostProperties.Endpoint endpoint) {
        return endpoint.hourlyUsd().multiply(BigDecimal.valueOf(endpoint.instanceCount()));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
