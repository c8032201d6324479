package dev.fmgateway.region;

import dev.fmgateway.provider.AwsAccess;
import dev.fmgateway.provider.ClientOverrides;
import dev.fmgateway.provider.RegionalClients;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockAsyncClient;
import software.amazon.awssdk.services.bedrock.BedrockAsyncClientBuilder;

/** Bedrock control-plane clients per region, used only for the start-up availability check. */
final class RegionalControlClients implements AutoCloseable {

    private final RegionalClients<BedrockAsyncClient> clients;

    RegionalControlClients(AwsAccess access, ClientOverrides overrides, SdkAsyncHttpClient httpClient,
            AvailabilityProperties availability) {
        this.clients = new RegionalClients<>(region -> {
            BedrockAsyncClientBuilder builder = BedrockAsyncClient.builder()
                .region(Region.of(region))
                .credentialsProvider(access.credentials())
                .httpClient(httpClient)
                .overrideConfiguration(overrides::configure);
            if (availability.controlEndpoint() != null) {
                builder.endpointOverride(availability.controlEndpoint());
            }
            return builder.build();
        });
    }

    BedrockAsyncClient in(String region) {
        return this.clients.in(region);
    }

    @Override
    public void close() {
        this.clients.close();
    }
}
