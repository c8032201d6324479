package dev.fmgateway.aws;

import java.net.URI;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import software.amazon.awssdk.awscore.client.builder.AwsAsyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Builds every SDK client of the gateway the same way: signed with {@link AwsAccess}'s credentials, on the one
 * shared connection pool, with {@link ClientOverrides} (no SDK retries, the call timeout), and sent to an endpoint
 * override where one is set.
 *
 * @param access the credentials, and the endpoint overrides of the runtime services
 * @param overrides what every client's configuration shares
 * @param httpClient the shared connection pool (clients built on it never close it)
 */
@Component
public record AwsClients(AwsAccess access, ClientOverrides overrides, SdkAsyncHttpClient httpClient) {

    /**
     * One client of a service per region, e.g. {@code perRegion(BedrockAsyncClient::builder, null)}.
     *
     * @param endpoint replaces the service's public regional endpoint when set
     */
    public <B extends AwsAsyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C extends SdkAutoCloseable> RegionalClients<C> perRegion(
            Supplier<B> builder, @Nullable URI endpoint) {
        return new RegionalClients<>(region -> {
            B client = builder.get()
                .region(Region.of(region))
                .credentialsProvider(this.access.credentials())
                .httpClient(this.httpClient)
                .overrideConfiguration(this.overrides::configure);
            if (endpoint != null) {
                client.endpointOverride(endpoint);
            }
            return client.build();
        });
    }
}
