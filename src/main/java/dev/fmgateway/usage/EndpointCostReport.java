package dev.fmgateway.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Answer of {@code GET /v1/usage/endpoints}: what each configured SageMaker endpoint cost over the window while it
 * ran, and what that makes per call.
 *
 * @param from start of the window
 * @param to end of the window
 * @param idleAfter seconds without a call after which an endpoint is flagged idle
 * @param endpoints one entry per configured endpoint, by name
 */
record EndpointCostReport(Instant from, Instant to, long idleAfterSeconds, List<Entry> endpoints) {

    /** Decimal places of the per-call cost, the one division in the report. */
    static final int PER_CALL_SCALE = 10;

    /**
     * One endpoint. {@code windowCostUsd} assumes the endpoint ran for the whole window.
     *
     * @param endpoint SageMaker endpoint name
     * @param instanceType instance type
     * @param instanceCount instances behind the endpoint
     * @param hourlyUsdPerInstance configured on-demand price of one instance-hour
     * @param hourlyUsd price of the endpoint per hour (all instances)
     * @param instanceHours instance-hours in the window
     * @param windowCostUsd instance-hours times the price
     * @param calls calls recorded in the window
     * @param costPerCallUsd window cost divided by calls, absent without calls
     * @param lastCallAt latest call in the ledger, absent if none
     * @param idleSeconds time since the last call (or since the gateway started)
     * @param idle whether idleSeconds exceeds the configured idle period
     * @param pricingSource where the price was read
     * @param pricingAsOf when it was read
     */
    record Entry(String endpoint, @Nullable String region, String instanceType, int instanceCount,
            BigDecimal hourlyUsdPerInstance, BigDecimal hourlyUsd, BigDecimal instanceHours, BigDecimal windowCostUsd,
            long calls, @Nullable BigDecimal costPerCallUsd, @Nullable Instant lastCallAt, long idleSeconds,
            boolean idle, @Nullable String pricingSource, @Nullable LocalDate pricingAsOf) {

        static Entry of(String name, EndpointCostProperties.Endpoint endpoint, UsageWindow window, long calls,
                EndpointActivity activity) {
            BigDecimal hours = BigDecimal.valueOf(window.length().toSeconds())
                .divide(BigDecimal.valueOf(3600), 6, RoundingMode.HALF_UP);
            BigDecimal instanceHours = hours.multiply(BigDecimal.valueOf(endpoint.instanceCount()));
            BigDecimal windowCost = endpoint.hourlyUsd().multiply(instanceHours);
            BigDecimal perCall = calls > 0
                    ? windowCost.divide(BigDecimal.valueOf(calls), PER_CALL_SCALE, RoundingMode.HALF_UP) : null;
            return new Entry(name, endpoint.region(), endpoint.instanceType(), endpoint.instanceCount(),
                    endpoint.hourlyUsd(), EndpointActivity.hourlyUsd(endpoint), Money.plain(instanceHours),
                    Money.plain(windowCost), calls, perCall != null ? Money.plain(perCall) : null,
                    activity.lastCall(name), activity.idleFor(name).toSeconds(), activity.idle(name),
                    endpoint.source(), endpoint.asOf());
        }
    }
}
