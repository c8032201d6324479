package dev.fmgateway.region;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param verifyAtStartup in {@code aws} mode, ask Bedrock's control plane (ListFoundationModels,
 *        ListInferenceProfiles) in every configured region whether the catalog's deployments exist there
 * @param controlEndpoint Bedrock control-plane endpoint override (tests, VPC endpoints)
 * @param timeout time allowed per region
 */
@ConfigurationProperties("gateway.regions")
record AvailabilityProperties(@DefaultValue("false") boolean verifyAtStartup, @Nullable URI controlEndpoint,
        @DefaultValue("20s") Duration timeout) {
}
