package dev.fmgateway.provider.bedrock;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import dev.fmgateway.provider.AwsAccess;
import dev.fmgateway.provider.AwsProperties;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClientBuilder;

/** One long-lived Bedrock Runtime client per region, all on the shared connection pool. */
@Component
class BedrockClients implements DisposableBean {

    /** The resilience step owns retries; SDK retries would multiply the attempts. */
    private static final RetryStrategy NO_RETRIES = AwsRetryStrategy.doNotRetry();

    private final Map<String, BedrockRuntimeAsyncClient> byRegion = new ConcurrentHashMap<>();

    private final AwsAccess access;

    private final AwsProperties properties;

    private final SdkAsyncHttpClient httpClient;

    BedrockClients(AwsAccess access, AwsProperties properties, SdkAsyncHttpClient httpClient) {
        this.access = access;
        this.properties = properties;
        this.httpClient = httpClient;
    }

    BedrockRuntimeAsyncClient in(String region) {
        return this.byRegion.computeIfAbsent(region, this::build);
    }

    private BedrockRuntimeAsyncClient build(String region) {
        BedrockRuntimeAsyncClientBuilder builder = BedrockRuntimeAsyncClient.builder()
            .region(Region.of(region))
            .credentialsProvider(this.access.credentials())
            .httpClient(this.httpClient)
            .overrideConfiguration(o -> o.retryStrategy(NO_RETRIES).apiCallTimeout(this.properties.apiCallTimeout()));
        if (this.access.bedrockEndpoint() != null) {
            builder.endpointOverride(this.access.bedrockEndpoint());
        }
        return builder.build();
    }

    @Override
    public void destroy() {
        this.byRegion.values().forEach(BedrockRuntimeAsyncClient::close);
    }
}
