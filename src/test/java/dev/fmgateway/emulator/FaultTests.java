package dev.fmgateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelStreamErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;

class FaultTests {

    private static final String MODEL = "anthropic.claude-3-haiku-20240307-v1:0";
    private static final String BODY = """
            {"anthropic_version":"bedrock-2023-05-31","max_tokens":20,"messages":[{"role":"user","content":"fault tests here"}]}""";
    private final Faults faults = TestEmulator.SERVER.faults();

    @AfterEach
    void clearFaults() {
        faults.clear();
    }

    private static Throwable invokeFailure(String model) {
        return TestEmulator.failure(TestEmulator.BEDROCK.invokeModel(r -> r.modelId(model).body(SdkBytes.fromUtf8String(BODY))));
    }

    private void assertKind(FaultRule.Kind kind, Class<? extends BedrockRuntimeException> type, int status,
            Consumer<BedrockRuntimeException> more) {
        faults.clear();
        faults.add(FaultRule.of(kind));
        Throwable error = invokeFailure(MODEL);
        assertThat(error).as(kind.name()).isInstanceOf(type);
        BedrockRuntimeException aws = (BedrockRuntimeException) error;
        assertThat(aws.statusCode()).as(kind.name()).isEqualTo(status);
        assertThat(aws.requestId()).isNotBlank();
        more.accept(aws);
    }

    @Test
    void eachErrorKindSurfacesAsTheSdkExceptionClass() {
        assertKind(FaultRule.Kind.THROTTLE, ThrottlingException.class, 429, e -> assertThat(e.isThrottlingException()).isTrue());
        assertKind(FaultRule.Kind.MODEL_NOT_READY, ModelNotReadyException.class, 429, e -> { });
        assertKind(FaultRule.Kind.INTERNAL_ERROR, InternalServerException.class, 500, e -> { });
        assertKind(FaultRule.Kind.SERVICE_UNAVAILABLE, ServiceUnavailableException.class, 503, e -> { });
        assertKind(FaultRule.Kind.MODEL_TIMEOUT, ModelTimeoutException.class, 408, e -> { });
        assertKind(FaultRule.Kind.NOT_FOUND, ResourceNotFoundException.class, 404,
                e -> assertThat(e.awsErrorDetails().errorMessage()).contains("end of its life"));
        assertKind(FaultRule.Kind.MODEL_ERROR, ModelErrorException.class, 424, e -> {
            assertThat(((ModelErrorException) e).originalStatusCode()).isEqualTo(500);
            assertThat(((ModelErrorException) e).resourceName()).isEqualTo(MODEL);
        });
    }

    @Test
    void throttlesEveryNthMatchingCallOnly() {
        faults.add(FaultRule.of(FaultRule.Kind.THROTTLE).forService("bedrock").forTarget(MODEL).every(2));

        assertThat(TestEmulator.invoke(MODEL, BODY).sdkHttpResponse().statusCode()).isEqualTo(200);
        assertThat(invokeFailure(MODEL)).isInstanceOf(ThrottlingException.class);
        assertThat(TestEmulator.invoke("anthropic.claude-3-sonnet-20240229-v1:0", BODY).sdkHttpResponse().isSuccessful()).isTrue();
        assertThat(TestEmulator.invoke(MODEL, BODY).sdkHttpResponse().statusCode()).isEqualTo(200);
        // a profile id matches a rule on its base id
        assertThat(invokeFailure("us." + MODEL)).isInstanceOf(ThrottlingException.class);
    }

    @Test
    void matchesOnTheRegionOfTheCredentialScopeAndHonoursTheLimit() {
        int id = faults.add(FaultRule.of(FaultRule.Kind.INTERNAL_ERROR).inRegion("eu-west-1").limit(1));
        var eu = TestEmulator.bedrock(EmulatorSettings.DEFAULT_ACCESS_KEY_ID, EmulatorSettings.DEFAULT_SECRET_KEY,
                Region.EU_WEST_1);

        assertThat(TestEmulator.invoke(MODEL, BODY).sdkHttpResponse().statusCode()).isEqualTo(200);
        assertThat(TestEmulator.failure(eu.invokeModel(r -> r.modelId(MODEL).body(SdkBytes.fromUtf8String(BODY)))))
                .isInstanceOf(InternalServerException.class);
        assertThat(TestEmulator.get(eu.invokeModel(r -> r.modelId(MODEL).body(SdkBytes.fromUtf8String(BODY))))
                .sdkHttpResponse().statusCode()).isEqualTo(200);
        assertThat(faults.firedCount(id)).isEqualTo(1);
    }

    @Test
    void addsLatency() {
        faults.add(FaultRule.of(FaultRule.Kind.LATENCY).duration(Duration.ofMillis(300)));

        long start = System.nanoTime();
        var response = TestEmulator.invoke(MODEL, BODY);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(Long.parseLong(TestEmulator.header(response, "X-Amzn-Bedrock-Invocation-Latency"))).isGreaterThanOrEqualTo(300);
    }

    @Test
    void hangsThenDropsTheConnection() {
        faults.add(FaultRule.of(FaultRule.Kind.HANG).duration(Duration.ofMillis(300)));

        long start = System.nanoTime();
        Throwable error = invokeFailure(MODEL);

        assertThat(error).isInstanceOf(SdkClientException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void breaksAStreamAfterSomeEvents() {
        faults.add(FaultRule.of(FaultRule.Kind.STREAM_ERROR).afterEvents(3));
        // a stream rule does not affect non-streaming calls
        assertThat(TestEmulator.invoke(MODEL, BODY).sdkHttpResponse().statusCode()).isEqualTo(200);

        var stream = BedrockStreams.start(MODEL, BODY);
        Throwable error = TestEmulator.failure(stream.done);

        assertThat(error).isInstanceOf(ModelStreamErrorException.class);
        assertThat(((ModelStreamErrorException) error).originalStatusCode()).isEqualTo(500);
        assertThat(stream.chunks).hasSize(3);
    }

    @Test
    void breaksAStreamWithAnotherExceptionMember() {
        faults.add(FaultRule.of(FaultRule.Kind.STREAM_ERROR).afterEvents(1).exception("throttlingException"));

        var stream = BedrockStreams.start(MODEL, BODY);

        assertThat(TestEmulator.failure(stream.done)).isInstanceOf(ThrottlingException.class);
        assertThat(stream.chunks).hasSize(1);
    }

    @Test
    void adminApiManagesRulesWithoutSignature() {
        HttpResponse<String> health = RawRequests.unsigned("GET", "/_emulator/health", "");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");

        HttpResponse<String> added = RawRequests.unsigned("POST", "/_emulator/faults", """
                {"kind":"service-unavailable","service":"bedrock","target":"%s","every":1,"limit":0}""".formatted(MODEL));
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(added.body()).contains("\"kind\":\"service-unavailable\"");
        assertThat(invokeFailure(MODEL)).isInstanceOf(ServiceUnavailableException.class);
        assertThat(RawRequests.unsigned("GET", "/_emulator/faults", "").body()).contains("service-unavailable");

        assertThat(RawRequests.unsigned("POST", "/_emulator/faults", "{\"kind\":\"throttle\",\"bogus\":1}").statusCode())
                .isEqualTo(400);
        assertThat(RawRequests.unsigned("DELETE", "/_emulator/faults", "").statusCode()).isEqualTo(204);
        assertThat(TestEmulator.invoke(MODEL, BODY).sdkHttpResponse().statusCode()).isEqualTo(200);
    }
}
