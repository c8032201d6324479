package dev.fmgateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/** A second emulator with base latency and a slow stream pace, reached through the shared HTTP client. */
class PacingTests {

    private static final EmulatorServer SLOW = EmulatorServer.start(EmulatorSettings.defaults()
            .withLatency(Duration.ofMillis(150)).withStreamInterval(Duration.ofMillis(25)));
    private static final BedrockRuntimeAsyncClient CLIENT = BedrockRuntimeAsyncClient.builder()
            .httpClient(TestEmulator.HTTP)
            .region(Region.US_EAST_1)
            .endpointOverride(SLOW.endpoint())
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                    EmulatorSettings.DEFAULT_ACCESS_KEY_ID, EmulatorSettings.DEFAULT_SECRET_KEY)))
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build();
    private static final String BODY = """
            {"anthropic_version":"bedrock-2023-05-31","max_tokens":100,"messages":[{"role":"user","content":"Pace these words"}]}""";

    @AfterAll
    static void stop() {
        CLIENT.close();
        SLOW.close();
    }

    @Test
    void addsTheBaseLatencyToEveryAnswer() {
        long start = System.nanoTime();
        var response = TestEmulator.get(CLIENT.invokeModel(r -> r.modelId("anthropic.claude-3-haiku-20240307-v1:0")
                .body(SdkBytes.fromUtf8String(BODY))));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        assertThat(Long.parseLong(TestEmulator.header(response, "X-Amzn-Bedrock-Invocation-Latency"))).isGreaterThanOrEqualTo(150);
    }

    @Test
    void deliversStreamEventsOneByOne() {
        var result = BedrockStreams.start(CLIENT, "anthropic.claude-3-haiku-20240307-v1:0", BODY);
        TestEmulator.get(result.done);

        // 12 events, 25 ms apart: the first arrives long before the last
        assertThat(result.chunks).hasSize(12);
        long spreadMillis = (result.chunks.getLast().nanos() - result.chunks.getFirst().nanos()) / 1_000_000;
        assertThat(spreadMillis).isGreaterThanOrEqualTo(150);
        long firstByte = result.last().at("/amazon-bedrock-invocationMetrics/firstByteLatency").asLong();
        long total = result.last().at("/amazon-bedrock-invocationMetrics/invocationLatency").asLong();
        assertThat(firstByte).isGreaterThanOrEqualTo(150);
        assertThat(total - firstByte).isGreaterThanOrEqualTo(200);
    }
}
