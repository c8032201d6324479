package dev.fmgateway.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A {@link Deployment} in a catalog entry. */
@Schema(name = "Deployment", description = "One place the model can be called")
record DeploymentView(@Schema(description = "The AWS service", enumAsRef = true) Backend backend,
        @Schema(description = "AWS region the request is signed for and sent to", example = "us-east-1") String region,
        @Schema(description = "Bedrock model or inference profile id, or SageMaker endpoint name",
                example = "us.anthropic.claude-haiku-4-5-20251001-v1:0") String upstreamId,
        @Schema(description = "Native payload format at this deployment", enumAsRef = true) PayloadFamily family,
        @Schema(description = "Lower is preferred", example = "0") int priority,
        @Schema(description = "Price here when it differs from the model's price for the region") @Nullable PriceView price) {

    static DeploymentView of(Deployment deployment) {
        Price price = deployment.price();
        return new DeploymentView(deployment.backend(), deployment.region(), deployment.upstreamId(),
                deployment.family(), deployment.priority(), price != null ? PriceView.of(price) : null);
    }
}
