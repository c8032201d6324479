package dev.fmgateway.catalog;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the provider's control plane said about a model's deployments at start-up.
 *
 * @param verifiedAt when the check ran
 * @param deployments one entry per configured deployment
 */
public record Availability(Instant verifiedAt, List<DeploymentStatus> deployments) {

    /** Outcome for one deployment. */
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
    public record DeploymentStatus(String region, String upstreamId, Status status, @Nullable String detail) {
    }
}
