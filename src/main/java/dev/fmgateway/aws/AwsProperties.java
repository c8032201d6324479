package dev.fmgateway.aws;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway talks to AWS.
 *
 * @param bedrockEndpoint Bedrock Runtime endpoint override ({@code aws} mode), e.g. a VPC endpoint
 * @param sagemakerEndpoint SageMaker Runtime endpoint override ({@code aws} mode)
 * @param apiCallTimeout hard cap on one upstream call, streams included (the request deadline is usually shorter)
 * @param connectTimeout TCP/TLS connect timeout
 * @param maxConnections connection pool size shared by all upstream clients
 */
@ConfigurationProperties("gateway.aws")
public record AwsProperties(@Nullable URI bedrockEndpoint, @Nullable URI sagemakerEndpoint,
        @DefaultValue("300s") Duration apiCallTimeout, @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("1000") int maxConnections) {
}
