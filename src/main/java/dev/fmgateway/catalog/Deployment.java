package dev.fmgateway.catalog;

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
 * @param api the Bedrock Runtime API called here (SageMaker deployments: always INVOKE)
 */
public record Deployment(Backend backend, String region, String upstreamId, PayloadFamily family, int priority,
        @Nullable Price price, UpstreamApi api) {

    public Deployment(Backend backend, String region, String upstreamId, PayloadFamily family, int priority,
            @Nullable Price price) {
        this(backend, region, upstreamId, family, priority, price, UpstreamApi.INVOKE);
    }

    /** Whether this is a Bedrock cross-region inference profile ({@code us.}, {@code eu.}, {@code global.}, ...). */
    public boolean crossRegionProfile() {
        return this.backend == Backend.BEDROCK && Geography.PROFILE_PREFIX.matcher(this.upstreamId).lookingAt();
    }

    /** Stable name for circuit breakers, bulkheads and logs. */
    public String key() {
        return this.backend.name().toLowerCase(java.util.Locale.ROOT) + ":" + this.region + ":" + this.upstreamId;
    }
}
