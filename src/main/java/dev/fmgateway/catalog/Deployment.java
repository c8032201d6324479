package dev.fmgateway.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One place a model can be called: a backend, a region, the upstream id to send there and the payload family
 * it speaks. A model may have several (regions, cross-region inference profiles, SageMaker endpoints).
 *
 * @param backend Bedrock or SageMaker
 * @param region AWS region the request is signed for and sent to (for a profile: its source region)
 * @param upstreamId Bedrock model id or inference profile id, or SageMaker endpoint name
 * @param family the native payload format at this deployment
 * @param priority lower is preferred
 * @param price price at this deployment when it differs from the model's price for the region, if any
 */
@Schema(description = "One place the model can be called")
public record Deployment(@Schema(description = "The AWS service") Backend backend,
        @Schema(description = "AWS region the request is signed for and sent to", example = "us-east-1") String region,
        @Schema(description = "Bedrock model or inference profile id, or SageMaker endpoint name",
                example = "us.anthropic.claude-haiku-4-5-20251001-v1:0") String upstreamId,
        @Schema(description = "Native payload format at this deployment") PayloadFamily family,
        @Schema(description = "Lower is preferred", example = "0") int priority,
        @Schema(description = "Price here when it differs from the model's price for the region") @Nullable Price price) {

    /** Whether this is a Bedrock cross-region inference profile ({@code us.}, {@code eu.}, {@code global.}, ...). */
    public boolean crossRegionProfile() {
        return this.backend == Backend.BEDROCK && Geography.PROFILE_PREFIX.matcher(this.upstreamId).lookingAt();
    }

    /** Stable name for circuit breakers, bulkheads and logs. */
    public String key() {
        return this.backend.name().toLowerCase(java.util.Locale.ROOT) + ":" + this.region + ":" + this.upstreamId;
    }
}
