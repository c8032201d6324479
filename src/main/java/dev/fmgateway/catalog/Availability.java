package dev.fmgateway.catalog;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * What the provider's control plane said about a model's deployments at start-up.
 *
 * @param verifiedAt when the check ran
 * @param deployments one entry per configured deployment
 */
@Schema(description = "What the provider's control plane said about the model's deployments at start-up")
public record Availability(@Schema(description = "When the check ran") Instant verifiedAt,
        @Schema(description = "One entry per configured deployment") List<DeploymentStatus> deployments) {

    /** Outcome for one deployment. */
    @Schema(name = "DeploymentAvailability", enumAsRef = true)
    public enum Status {

        /** Listed by the control plane in that region. */
        VERIFIED,

        /** Not listed there (or listed without on-demand throughput). */
        NOT_OFFERED,

        /** The region could not be asked (credentials, permissions, network). */
        UNKNOWN

    }

    /**
     * @param region the deployment's region
     * @param upstreamId the id checked
     * @param status the outcome
     * @param detail why, when not verified
     */
    @Schema(name = "DeploymentStatus", description = "The control plane's answer for one deployment")
    public record DeploymentStatus(@Schema(example = "us-east-1") String region,
            @Schema(example = "us.anthropic.claude-haiku-4-5-20251001-v1:0") String upstreamId, Status status,
            @Schema(description = "Why, when not verified") @Nullable String detail) {
    }
}
