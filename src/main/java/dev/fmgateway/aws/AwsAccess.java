package dev.fmgateway.aws;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * How the gateway reaches AWS: which credentials sign the requests and, optionally, which endpoints
 * replace the public regional ones. In {@code aws} mode this comes from the standard credentials
 * chain and the {@code gateway.aws.*} overrides; in {@code emulator} mode the emulator provides it.
 *
 * @param credentials signs every request (SigV4)
 * @param bedrockEndpoint replaces {@code https://bedrock-runtime.{region}.amazonaws.com} when set
 * @param sagemakerEndpoint replaces {@code https://runtime.sagemaker.{region}.amazonaws.com} when set
 */
public record AwsAccess(AwsCredentialsProvider credentials, @Nullable URI bedrockEndpoint,
        @Nullable URI sagemakerEndpoint) {
}
