package dev.fmgateway.aws;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.fmgateway.GatewayMode;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;

/**
 * The connection to AWS shared by all upstream clients. In {@code aws} mode credentials come from the standard
 * chain (environment, profiles, instance and container roles); the emulator supplies its own {@link AwsAccess}.
 */
@Configuration(proxyBeanMethods = false)
public class AwsConfiguration {

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
    AwsAccess awsAccess(GatewayMode mode, AwsProperties properties, ObjectProvider<LocalUpstream> local) {
        if (mode == GatewayMode.AWS) {
            return new AwsAccess(DefaultCredentialsProvider.builder().build(), properties.bedrockEndpoint(),
                    properties.sagemakerEndpoint());
        }
        LocalUpstream upstream = local.getIfAvailable();
        if (upstream == null) {
            throw new IllegalStateException("gateway.mode=emulator, but this build has no emulator: the packaged "
                    + "jar and the container image call AWS only. For the emulator run ./mvnw spring-boot:run, or "
                    + "start it on its own (./mvnw -Pemulator spring-boot:run) and point gateway.aws.bedrock-endpoint "
                    + "and gateway.aws.sagemaker-endpoint at it in aws mode");
        }
        return upstream.access();
    }
}
