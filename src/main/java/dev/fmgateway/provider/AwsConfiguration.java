package dev.fmgateway.provider;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;

/**
 * The connection to AWS shared by all upstream clients. In {@code aws} mode credentials come from the standard
 * chain (environment, profiles, instance and container roles); the emulator supplies its own {@link AwsAccess}.
 */
@Configuration(proxyBeanMethods = false)
class AwsConfiguration {

    /** One non-blocking pool for every service and region; clients built on it never close it themselves. */
    @Bean(destroyMethod = "close")
    SdkAsyncHttpClient upstreamHttpClient(AwsProperties properties) {
        return NettyNioAsyncHttpClient.builder()
            .protocol(Protocol.HTTP1_1)
            .maxConcurrency(properties.maxConnections())
            .maxPendingConnectionAcquires(properties.maxConnections() * 10)
            .connectionTimeout(properties.connectTimeout())
            .readTimeout(properties.apiCallTimeout())
            .build();
    }

    @Bean
    @ConditionalOnProperty(name = "gateway.mode", havingValue = "aws")
    AwsAccess awsAccess(AwsProperties properties) {
        return new AwsAccess(DefaultCredentialsProvider.builder().build(), properties.bedrockEndpoint(),
                properties.sagemakerEndpoint());
    }
}
