package dev.fmgateway.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A model in the catalog, as callers see it and as the invocation chain routes it. */
@Schema(description = "A model in the catalog")
public record CatalogModel(
        @Schema(description = "Catalog id: the name to use in requests", example = "claude-haiku-4-5") String id,
        @Schema(description = "Display name", example = "Claude Haiku 4.5") String name,
        @Schema(description = "Who made the model", example = "Anthropic") String vendor,
        @Schema(description = "The AWS service that serves it") Backend backend,
        @Schema(description = "Native payload format the gateway speaks to it") PayloadFamily family,
        @Schema(description = "Bedrock model id or inference profile id, or SageMaker endpoint name",
                example = "us.anthropic.claude-haiku-4-5-20251001-v1:0") String upstreamId,
        @Schema(description = "Other names accepted in requests (the upstream id always is)",
                example = "[\"anthropic.claude-haiku-4-5-20251001-v1:0\"]") List<String> aliases,
        @Schema(description = "What the model can be asked to do") Set<Capability> capabilities,
        @Schema(description = "Whether `stream: true` is supported", example = "true") boolean streaming,
        @Schema(description = "Languages the vendor states, if it states them", example = "[\"English\"]")
        List<String> languages,
        @Schema(description = "AWS regions where it can be called", example = "[\"us-east-1\", \"us-west-2\"]")
        List<String> regions,
        @Schema(description = "Region used when the caller pins none", example = "us-east-1") String defaultRegion,
        @Schema(description = "Where the model can be called, in failover order") List<Deployment> deployments,
        Limits limits, Pricing pricing, Lifecycle lifecycle,
        @Schema(description = "What the model is", example = "Fast, low-cost Claude (Messages API)") @Nullable String description,
        @Schema(description = "Deadline of one call to this model, if it differs from the gateway's (ISO-8601)",
                type = "string", example = "PT60S") @Nullable Duration timeout) {
    static CatalogModel of(String id, CatalogProperties.Entry entry) {
        List<Deployment> deployments = deployments(entry);
        List<String> regions = deployments.stream().map(Deployment::region).distinct().toList();
        String defaultRegion = entry.defaultRegion() != null ? entry.defaultRegion() : regions.getFirst();
        return new CatalogModel(id, entry.name(), entry.vendor(), entry.backend(), entry.family(), entry.upstreamId(),
                List.copyOf(entry.aliases()), Set.copyOf(entry.capabilities()), entry.streaming(),
                List.copyOf(entry.languages()), regions, defaultRegion, deployments,
                entry.limits() != null ? entry.limits() : Limits.none(),
                entry.pricing() != null ? entry.pricing() : new Pricing(null, null, null),
                entry.lifecycle() != null ? entry.lifecycle() : Lifecycle.active(), entry.description(),
                entry.timeout());
    }

    /** The configured deployments, or one per listed region with the model's upstream id. */
    private static List<Deployment> deployments(CatalogProperties.Entry entry) {
        if (entry.deployments().isEmpty()) {
            if (entry.regions().isEmpty()) {
                throw new IllegalStateException("Model " + entry.name() + " lists neither regions nor deployments");
            }
            return entry.regions()
                .stream()
                .map(region -> new Deployment(entry.backend(), region, entry.upstreamId(), entry.family(), 0, null))
                .toList();
        }
        return entry.deployments()
            .stream()
            .map(d -> new Deployment(d.backend() != null ? d.backend() : entry.backend(), d.region(),
                    d.upstreamId() != null ? d.upstreamId() : entry.upstreamId(),
                    d.family() != null ? d.family() : entry.family(), d.priority(), d.price()))
            .toList();
    }

    /** The price that applies at a deployment: its own, else the model's for the region. */
    public @Nullable Price priceAt(Deployment deployment) {
        return deployment.price() != null ? deployment.price() : this.pricing.in(deployment.region());
    }

    public boolean can(Capability capability) {
        return this.capabilities.contains(capability);
    }

    public boolean offeredIn(String region) {
        return this.regions.contains(region);
    }
}
