package dev.fmgateway.usage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What SageMaker endpoints cost while they run, whether called or not.
 *
 * @param endpoints by SageMaker endpoint name (the catalog's {@code upstream-id} of a SAGEMAKER model)
 * @param idleAfter an endpoint with no call for longer than this is flagged idle
 */
@Validated
@ConfigurationProperties("gateway.sagemaker")
record EndpointCostProperties(@Nullable Map<String, @Valid Endpoint> endpoints,
        @DefaultValue("1h") Duration idleAfter) {

    EndpointCostProperties {
        endpoints = endpoints == null ? Map.of() : Map.copyOf(endpoints);
    }

    /**
     * One endpoint's instances and their on-demand price.
     *
     * @param instanceType e.g. {@code ml.g5.2xlarge}
     * @param instanceCount instances behind the endpoint
     * @param hourlyUsd USD per instance-hour
     * @param region where the endpoint runs (informational)
     * @param source where the price was read
     * @param asOf when it was read
     */
    record Endpoint(@NotBlank String instanceType, @DefaultValue("1") @Min(1) int instanceCount,
            @NotNull @DecimalMin("0") BigDecimal hourlyUsd, @Nullable String region, @Nullable String source,
            @Nullable LocalDate asOf) {
    }
}
