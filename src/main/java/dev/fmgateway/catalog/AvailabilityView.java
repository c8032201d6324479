package dev.fmgateway.catalog;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** An {@link Availability} in a catalog entry. */
@Schema(name = "Availability", description = "What the provider's control plane said about the model's deployments at start-up")
record AvailabilityView(@Schema(description = "When the check ran") Instant verifiedAt,
        @Schema(description = "One entry per configured deployment") List<DeploymentStatus> deployments) {

    static AvailabilityView of(Availability availability) {
        return new AvailabilityView(availability.verifiedAt(),
                availability.deployments().stream().map(DeploymentStatus::of).toList());
    }

    @Schema(name = "DeploymentStatus", description = "The control plane's answer for one deployment")
    record DeploymentStatus(@Schema(example = "us-east-1") String region,
            @Schema(example = "us.anthropic.claude-haiku-4-5-20251001-v1:0") String upstreamId, Status status,
            @Schema(description = "Why, when not verified") @Nullable String detail) {

        static DeploymentStatus of(Availability.DeploymentStatus status) {
            return new DeploymentStatus(status.region(), status.upstreamId(), Status.of(status.status()),
                    status.detail());
        }
    }

    /** {@link Availability.Status} under its API name. */
    @Schema(name = "DeploymentAvailability", enumAsRef = true)
    enum Status {

        VERIFIED, NOT_OFFERED, UNKNOWN;

        static Status of(Availability.Status status) {
            return switch (status) {
                case VERIFIED -> VERIFIED;
                case NOT_OFFERED -> NOT_OFFERED;
                case UNKNOWN -> UNKNOWN;
            };
        }
    }
}
