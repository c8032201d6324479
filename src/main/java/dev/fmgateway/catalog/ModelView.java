package dev.fmgateway.catalog;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A catalog entry as {@code GET /v1/models} shows it, with what the control plane said at start-up if asked. */
@Schema(name = "Model", description = "A catalog entry and, when the control plane was asked at start-up, what it said")
record ModelView(
        @Schema(description = "Catalog id: the name to use in requests", example = "claude-haiku-4-5") String id,
        @Schema(description = "Display name", example = "Claude Haiku 4.5") String name,
        @Schema(description = "Who made the model", example = "Anthropic") String vendor,
        @Schema(description = "The AWS service that serves it", enumAsRef = true) Backend backend,
        @Schema(description = "Native payload format the gateway speaks to it", enumAsRef = true) PayloadFamily family,
        @Schema(description = "Bedrock model id or inference profile id, or SageMaker endpoint name",
                example = "us.anthropic.claude-haiku-4-5-20251001-v1:0") String upstreamId,
        @Schema(description = "Other names accepted in requests (the upstream id always is)",
                example = "[\"anthropic.claude-haiku-4-5-20251001-v1:0\"]") List<String> aliases,
        @Schema(description = "What the model can be asked to do", enumAsRef = true) Set<Capability> capabilities,
        @Schema(description = "Whether `stream: true` is supported", example = "true") boolean streaming,
        @Schema(description = "Languages the vendor states, if it states them", example = "[\"English\"]")
        List<String> languages,
        @Schema(description = "AWS regions where it can be called", example = "[\"us-east-1\", \"us-west-2\"]")
        List<String> regions,
        @Schema(description = "Region used when the caller pins none", example = "us-east-1") String defaultRegion,
        @Schema(description = "Where the model can be called, in failover order") List<DeploymentView> deployments,
        LimitsView limits, PricingView pricing, LifecycleView lifecycle,
        @Schema(description = "What the model is", example = "Fast, low-cost Claude (Messages API)") @Nullable String description,
        @Schema(description = "Deadline of one call to this model, if it differs from the gateway's (ISO-8601)",
                type = "string", example = "PT60S") @Nullable Duration timeout,
        @Nullable AvailabilityView availability) {

    static ModelView of(CatalogModel model, @Nullable Availability availability) {
        return new ModelView(model.id(), model.name(), model.vendor(), model.backend(), model.family(),
                model.upstreamId(), model.aliases(), model.capabilities(), model.streaming(), model.languages(),
                model.regions(), model.defaultRegion(), model.deployments().stream().map(DeploymentView::of).toList(),
                LimitsView.of(model.limits()), PricingView.of(model.pricing()), LifecycleView.of(model.lifecycle()),
                model.description(), model.timeout(), availability != null ? AvailabilityView.of(availability) : null);
    }
}
