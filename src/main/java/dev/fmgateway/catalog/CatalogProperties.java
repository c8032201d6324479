package dev.fmgateway.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The model catalog as configured under {@code gateway.catalog.models.<id>} (see {@code config/models.yaml}).
 */
@Validated
@ConfigurationProperties("gateway.catalog")
public record CatalogProperties(@DefaultValue Map<String, @Valid Entry> models) {

    /**
     * One catalog model.
     *
     * @param name display name
     * @param vendor who made the model
     * @param backend the AWS service that serves it
     * @param family the native payload format
     * @param upstreamId Bedrock model id or inference profile, or SageMaker endpoint name
     * @param aliases other ids callers may use (the upstream id is always one)
     * @param capabilities what it can do
     * @param streaming whether it can stream text
     * @param languages languages the vendor states
     * @param regions where it can be called (each with {@code upstreamId}), unless {@code deployments} say more
     * @param deployments explicit deployments (regions, cross-region profiles, SageMaker endpoints) with priorities
     * @param defaultRegion region used when the caller pins none (the first region if unset)
     * @param limits input and output limits
     * @param pricing prices per region
     * @param lifecycle lifecycle status
     * @param description one line for the catalog
     * @param api the Bedrock Runtime API its deployments use (default INVOKE)
     * @param features what it accepts beyond text turns (tools, images, reasoning, caching, ...)
     * @param guardrail the Bedrock guardrail its Converse calls go through, unless the caller's key names one
     */
    public record Entry(@NotBlank String name, @NotBlank String vendor, @NotNull Backend backend,
            @NotNull PayloadFamily family, @NotBlank String upstreamId, @DefaultValue List<String> aliases,
            @NotEmpty Set<Capability> capabilities, @DefaultValue("false") boolean streaming,
            @DefaultValue List<String> languages, @DefaultValue List<String> regions,
            @DefaultValue List<@Valid DeploymentEntry> deployments, @Nullable String defaultRegion,
            @Nullable Limits limits, @Nullable Pricing pricing, @Nullable Lifecycle lifecycle,
            @Nullable String description, @Nullable Duration timeout, @Nullable UpstreamApi api,
            @Nullable ChatFeatures features, @Nullable @Valid Guardrail guardrail) {
    }

    /**
     * One deployment of a model; backend, upstream id and family default to the model's.
     *
     * @param region region the call is signed for and sent to
     * @param backend Bedrock or SageMaker
     * @param upstreamId model id, inference profile id or endpoint name
     * @param family payload family at this deployment
     * @param priority lower is preferred (default 0)
     * @param price price here, when it differs from the model's price for the region
     * @param api the Bedrock Runtime API used here, when it differs from the model's
     */
    public record DeploymentEntry(@NotBlank String region, @Nullable Backend backend, @Nullable String upstreamId,
            @Nullable PayloadFamily family, @DefaultValue("0") int priority, @Nullable Price price,
            @Nullable UpstreamApi api) {
    }
}
