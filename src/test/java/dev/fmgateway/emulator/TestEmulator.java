package dev.fmgateway.emulator;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeAsyncClient;

/**
 * One emulator and one Netty HTTP client for the whole test run (closing Netty costs ~2 s). SDK clients
 * built here share that HTTP client, so extra clients (other credentials) are cheap. Tests that add
 * fault rules clear them afterwards.
 */
final class TestEmulator {

    static final EmulatorServer SERVER = EmulatorServer.start(EmulatorSettings.defaults()
            .withStreamInterval(Duration.ofMillis(2)));
    static final SdkAsyncHttpClient HTTP = NettyNioAsyncHttpClient.builder()
            .protocol(Protocol.HTTP1_1)
            .readTimeout(Duration.ofSeconds(10))
            .build();
    static final BedrockRuntimeAsyncClient BEDROCK = bedrock(EmulatorSettings.DEFAULT_ACCESS_KEY_ID,
            EmulatorSettings.DEFAULT_SECRET_KEY, Region.US_EAST_1);
    static final SageMakerRuntimeAsyncClient SAGEMAKER = SageMakerRuntimeAsyncClient.builder()
            .httpClient(HTTP)
            .region(Region.US_WEST_2)
            .endpointOverride(SERVER.endpoint())
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    EmulatorSettings.DEFAULT_ACCESS_KEY_ID, EmulatorSettings.DEFAULT_SECRET_KEY)))
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build();

    private TestEmulator() {
    }

    static BedrockRuntimeAsyncClient bedrock(String accessKey, String secret, Region region) {
        return BedrockRuntimeAsyncClient.builder()
                .httpClient(HTTP)
                .region(region)
                .endpointOverride(SERVER.endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    static InvokeModelResponse invoke(String modelId, String json) {
        return get(BEDROCK.invokeModel(r -> r.modelId(modelId).contentType("application/json").accept("application/json")
                .body(SdkBytes.fromUtf8String(json))));
    }

    static <T> T get(CompletableFuture<T> future) {
        try {
            return future.get(20, TimeUnit.SECONDS);
        }
        catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new CompletionException(e.getCause());
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The exception a future failed with (unwrapped), or an AssertionError if it succeeded. */
    static Throwable failure(CompletableFuture<?> future) {
        try {
            future.get(20, TimeUnit.SECONDS);
        }
        catch (ExecutionException e) {
            Throwable cause = e.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            return cause;
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
        throw new AssertionError("expected the call to fail");
    }

    static String header(InvokeModelResponse response, String name) {
        return response.sdkHttpResponse().firstMatchingHeader(name).orElseThrow(() -> new AssertionError("no header " + name));
    }
}
