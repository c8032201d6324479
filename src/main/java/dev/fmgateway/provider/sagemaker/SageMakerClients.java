package dev.fmgateway.provider.sagemaker;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import dev.fmgateway.provider.AwsAccess;
import dev.fmgateway.provider.ClientOverrides;
import dev.fmgateway.provider.RegionalClients;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeAsyncClient;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeAsyncClientBuilder;

/** One long-lived SageMaker Runtime client per region, all on the shared connection pool. */
@Component
class SageMakerClients implements DisposableBean {

    private final RegionalClients<SageMakerRuntimeAsyncClient> clients;

    SageMakerClients(AwsAccess access, ClientOverrides overrides, SdkAsyncHttpClient httpClient) {
        this.clients = new RegionalClients<>(region -> {
            SageMakerRuntimeAsyncClientBuilder builder = SageMakerRuntimeAsyncClient.builder()
                .region(Region.of(region))
                .credentialsProvider(access.credentials())
                .httpClient(httpClient)
                .overrideConfiguration(overrides::configure);
            if (access.sagemakerEndpoint() != null) {
                builder.endpointOverride(access.sagemakerEndpoint());
            }
            return builder.build();
        });
    }

    SageMakerRuntimeAsyncClient in(String region) {
        return this.clients.in(region);
    }

    @Override
    public void destroy() {
        this.clients.close();
    }
}
