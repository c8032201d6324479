package dev.fmgateway.provider.bedrock;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import dev.fmgateway.provider.AwsAccess;
import dev.fmgateway.provider.ClientOverrides;
import dev.fmgateway.provider.RegionalClients;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClientBuilder;

/** One long-lived Bedrock Runtime client per region, all on the shared connection pool. */
@Component
class BedrockClients implements DisposableBean {

    private final RegionalClients<BedrockRuntimeAsyncClient> clients;

    BedrockClients(AwsAccess access, ClientOverrides overrides, SdkAsyncHttpClient httpClient) {
        this.clients = new RegionalClients<>(region -> {
            BedrockRuntimeAsyncClientBuilder builder = BedrockRuntimeAsyncClient.builder()
                .region(Region.of(region))
                .credentialsProvider(access.credentials())
                .httpClient(httpClient)
                .overrideConfiguration(overrides::configure);
            if (access.bedrockEndpoint() != null) {
                builder.endpointOverride(access.bedrockEndpoint());
            }
            return builder.build();
        });
    }

    BedrockRuntimeAsyncClient in(String region) {
        return this.clients.in(region);
    }

    @Override
    public void destroy() {
        this.clients.close();
    }
}
