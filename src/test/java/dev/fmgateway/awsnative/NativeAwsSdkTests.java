package dev.fmgateway.awsnative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import dev.fmgateway.emulator.RecordedRequest;
import dev.fmgateway.support.NodeScripts;
import dev.fmgateway.support.GatewayIntegrationTest;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileSummary;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileType;
import software.amazon.awssdk.services.bedrock.model.ListInferenceProfilesResponse;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeAsyncClient;
import software.amazon.awssdk.services.sagemakerruntime.SageMakerRuntimeClient;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.sagemakerruntime.model.InvokeEndpointResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The native AWS entry points driven by the AWS SDK for Java v2 itself, pointed at the gateway with
 * {@code endpointOverride}, the gateway in front of the built-in emulator: InvokeModel, InvokeModelWithResponseStream
 * and InvokeEndpoint, each with gateway-issued SigV4 credentials and with a gateway key as bearer token. Every
 * answer carries the gateway's headers, lands in the ledger, and reached the emulator with the caller's body
 * unchanged but signed with the gateway's own credentials. Refusals come in AWS's shape with no upstream call.
 */
@TestPropertySource(properties = { "gateway.security.keys[0].name=native-app", "gateway.security.keys[0].team=apps",
        "gateway.security.keys[0].sha256=" + NativeAwsSdkTests.KEY_SHA256,
        "gateway.security.keys[0].access-key-id=" + NativeAwsSdkTests.ACCESS_KEY_ID,
        "gateway.security.keys[0].allowed-models=claude-haiku-4-5,claude-sonnet-4-5,titan-text-express,falcon-7b-instruct,titan-embed-text-v2" })
class NativeAwsSdkTests extends GatewayIntegrationTest {

    static final String KEY = "native-app-secret-key-for-the-aws-sdk-tests";

    static final String KEY_SHA256 = "628cda45f1888bae120fd8bab4e23727ac7270a80090416f67bfee8e09547267";

    static final String ACCESS_KEY_ID = "FMGWTESTNATIVE0001";

    static final String MASTER = "master-secret-of-the-native-aws-sdk-tests-0123";

    static final String CLAUDE_PROFILE = "us.anthropic.claude-haiku-4-5-20251001-v1:0";

    static final String CLAUDE_BODY = """
            {"anthropic_version":"bedrock-2023-05-31","max_tokens":40,
             "messages":[{"role":"user","content":"Name a lighthouse"}]}""";

    static final String FALCON_ENDPOINT = "jumpstart-dft-hf-llm-falcon-7b-instruct-bf16";

    static final String TGI_BODY = """
            {"inputs":"Write a haiku about the sea","parameters":{"max_new_tokens":30,"details":true}}""";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void masterSecret(DynamicPropertyRegistry registry) {
        System.setProperty(IssuedSecrets.PROPERTY, MASTER);
    }

    @AfterAll
    static void clearMasterSecret() {
        System.clearProperty(IssuedSecrets.PROPERTY);
    }

    @Autowired
    JdbcTemplate jdbc;

    /** How the SDK authenticates. */
    enum Auth {
        SIGV4, BEARER
    }

    static String issuedSecret() {
        return new IssuedSecrets(MASTER).secretOf(ACCESS_KEY_ID);
    }

    @Test
    void theKeyHashIsOfTheKey() {
        assertThat(java.util.HexFormat.of().formatHex(SigV4.sha256(KEY.getBytes(StandardCharsets.UTF_8))))
            .isEqualTo(KEY_SHA256);
    }

    @ParameterizedTest
    @EnumSource(Auth.class)
    void invokeModelThroughTheGateway(Auth auth) {
        try (BedrockRuntimeClient client = bedrock(auth)) {
            InvokeModelResponse response = client.invokeModel(r -> r.modelId(CLAUDE_PROFILE)
                .contentType("application/json").accept("application/json")
                .body(SdkBytes.fromUtf8String(CLAUDE_BODY)));

            JsonNode body = JSON.readTree(response.body().asUtf8String());
            assertThat(body.path("content").path(0).path("text").asString()).isNotBlank();
            SdkHttpResponse http = response.sdkHttpResponse();
            assertThat(header(http, "X-Gateway-Model")).isEqualTo("claude-haiku-4-5");
            assertThat(header(http, "X-Gateway-Region")).startsWith("us-");
            assertThat(header(http, "X-Amzn-Bedrock-Input-Token-Count"))
                .isEqualTo(body.path("usage").path("input_tokens").asString());
            assertThat(header(http, "X-Amzn-Bedrock-Output-Token-Count"))
                .isEqualTo(body.path("usage").path("output_tokens").asString());
            assertThat(header(http, "X-Amzn-Bedrock-Invocation-Latency")).matches("\\d+");
            assertThat(header(http, "X-Gateway-Cost-USD")).isNotBlank();
            String requestId = header(http, "X-Request-Id");
            assertThat(requestId).isNotBlank();

            RecordedRequest upstream = onlyUpstreamCall();
            assertThat(upstream.rawPath()).isEqualTo("/model/us.anthropic.claude-haiku-4-5-20251001-v1%3A0/invoke");
            assertThat(new String(upstream.body(), StandardCharsets.UTF_8)).isEqualTo(CLAUDE_BODY);
            assertThat(upstream.header("authorization")).doesNotContain(ACCESS_KEY_ID).doesNotContain(KEY);

            Map<String, Object> row = ledgerRow(requestId);
            assertThat(row.get("API_KEY")).isEqualTo("native-app");
            assertThat(row.get("MODEL")).isEqualTo("claude-haiku-4-5");
            assertThat(row.get("OUTCOME")).isEqualTo("ok");
            assertThat(((Number) row.get("INPUT_TOKENS")).longValue())
                .isEqualTo(body.path("usage").path("input_tokens").asLong());
        }
    }

    @ParameterizedTest
    @EnumSource(Auth.class)
    void invokeModelWithResponseStreamThroughTheGateway(Auth auth) {
        try (BedrockRuntimeAsyncClient client = bedrockAsync(auth)) {
            List<String> chunks = new CopyOnWriteArrayList<>();
            AtomicReference<SdkHttpResponse> http = new AtomicReference<>();
            client.invokeModelWithResponseStream(r -> r.modelId(CLAUDE_PROFILE).contentType("application/json")
                .body(SdkBytes.fromUtf8String(CLAUDE_BODY)), InvokeModelWithResponseStreamResponseHandler.builder()
                    .onResponse(response -> http.set(response.sdkHttpResponse()))
                    .subscriber(InvokeModelWithResponseStreamResponseHandler.Visitor.builder()
                        .onChunk(part -> chunks.add(part.bytes().asUtf8String()))
                        .build())
                    .build())
                .join();

            assertThat(chunks).hasSizeGreaterThan(2);
            assertThat(chunks.getFirst()).contains("\"message_start\"");
            assertThat(chunks.getLast()).contains("\"message_stop\"").contains("amazon-bedrock-invocationMetrics");
            assertThat(header(http.get(), "X-Gateway-Model")).isEqualTo("claude-haiku-4-5");
            assertThat(header(http.get(), "X-Gateway-Region")).startsWith("us-");
            String requestId = header(http.get(), "X-Request-Id");
            assertThat(onlyUpstreamCall().rawPath()).endsWith("/invoke-with-response-stream");

            JsonNode metrics = JSON.readTree(chunks.getLast()).path("amazon-bedrock-invocationMetrics");
            Map<String, Object> row = ledgerRow(requestId);
            assertThat(row.get("API_KEY")).isEqualTo("native-app");
            assertThat(((Number) row.get("OUTPUT_TOKENS")).longValue())
                .isEqualTo(metrics.path("outputTokenCount").asLong());
            assertThat(row.get("ESTIMATED")).isEqualTo(false);
        }
    }

    @ParameterizedTest
    @EnumSource(Auth.class)
    void invokeEndpointThroughTheGateway(Auth auth) {
        try (SageMakerRuntimeClient client = sageMaker(auth)) {
            InvokeEndpointResponse response = client.invokeEndpoint(r -> r.endpointName(FALCON_ENDPOINT)
                .contentType("application/json").accept("application/json")
                .body(SdkBytes.fromUtf8String(TGI_BODY)));

            JsonNode body = JSON.readTree(response.body().asUtf8String());
            assertThat(body.path(0).path("generated_text").asString()).isNotBlank();
            SdkHttpResponse http = response.sdkHttpResponse();
            assertThat(header(http, "X-Gateway-Model")).isEqualTo("falcon-7b-instruct");
            String requestId = header(http, "X-Request-Id");
            RecordedRequest upstream = onlyUpstreamCall();
            assertThat(upstream.rawPath()).isEqualTo("/endpoints/" + FALCON_ENDPOINT + "/invocations");
            assertThat(new String(upstream.body(), StandardCharsets.UTF_8)).isEqualTo(TGI_BODY);

            Map<String, Object> row = ledgerRow(requestId);
            assertThat(row.get("MODEL")).isEqualTo("falcon-7b-instruct");
            assertThat(((Number) row.get("OUTPUT_TOKENS")).longValue())
                .isEqualTo(body.path(0).path("details").path("generated_tokens").asLong());
        }
    }

    @Test
    void invokeEndpointWithResponseStreamThroughTheGateway() {
        try (SageMakerRuntimeAsyncClient client = SageMakerRuntimeAsyncClient.builder().endpointOverride(gateway())
            .region(Region.US_EAST_1).credentialsProvider(issued())
            .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1)).build()) {
            StringBuilder raw = new StringBuilder();
            AtomicReference<SdkHttpResponse> http = new AtomicReference<>();
            client.invokeEndpointWithResponseStream(r -> r.endpointName(FALCON_ENDPOINT).contentType("application/json")
                .body(SdkBytes.fromUtf8String(TGI_BODY.replace("}}", "},\"stream\":true}"))),
                    InvokeEndpointWithResponseStreamResponseHandler.builder()
                        .onResponse(response -> http.set(response.sdkHttpResponse()))
                        .subscriber(InvokeEndpointWithResponseStreamResponseHandler.Visitor.builder()
                            .onPayloadPart(part -> raw.append(part.bytes().asUtf8String()))
                            .build())
                        .build())
                .join();

            assertThat(raw.toString()).startsWith("data:").contains("\"generated_text\"");
            assertThat(header(http.get(), "X-Gateway-Model")).isEqualTo("falcon-7b-instruct");
            assertThat(onlyUpstreamCall().rawPath()).isEqualTo("/endpoints/" + FALCON_ENDPOINT
                    + "/invocations-response-stream");
            Map<String, Object> row = ledgerRow(header(http.get(), "X-Request-Id"));
            assertThat(row.get("MODEL")).isEqualTo("falcon-7b-instruct");
            assertThat(((Number) row.get("OUTPUT_TOKENS")).longValue()).isPositive();
        }
    }

    @ParameterizedTest
    @EnumSource(Auth.class)
    void converseThroughTheGateway(Auth auth) {
        try (BedrockRuntimeClient client = bedrock(auth)) {
            ConverseResponse response = client.converse(r -> r.modelId(CLAUDE_PROFILE)
                .messages(Message.builder().role(ConversationRole.USER)
                    .content(ContentBlock.fromText("Name a lighthouse")).build())
                .inferenceConfig(c -> c.maxTokens(40)));

            assertThat(response.output().message().content().getFirst().text()).isNotBlank();
            assertThat(response.usage().inputTokens()).isPositive();
            SdkHttpResponse http = response.sdkHttpResponse();
            assertThat(header(http, "X-Gateway-Model")).isEqualTo("claude-haiku-4-5");
            assertThat(header(http, "X-Gateway-Region")).startsWith("us-");
            assertThat(header(http, "X-Amzn-Bedrock-Output-Token-Count"))
                .isEqualTo(response.usage().outputTokens().toString());
            assertThat(header(http, "X-Gateway-Cost-USD")).isNotBlank();
            RecordedRequest upstream = onlyUpstreamCall();
            assertThat(upstream.rawPath()).isEqualTo("/model/us.anthropic.claude-haiku-4-5-20251001-v1%3A0/converse");
            assertThat(upstream.header("authorization")).startsWith("AWS4-HMAC-SHA256").doesNotContain(ACCESS_KEY_ID)
                .doesNotContain(KEY);

            Map<String, Object> row = ledgerRow(header(http, "X-Request-Id"));
            assertThat(row.get("API_KEY")).isEqualTo("native-app");
            assertThat(row.get("MODEL")).isEqualTo("claude-haiku-4-5");
            assertThat(row.get("OUTCOME")).isEqualTo("ok");
            assertThat(((Number) row.get("INPUT_TOKENS")).longValue()).isEqualTo(response.usage().inputTokens().longValue());
            assertThat(((Number) row.get("OUTPUT_TOKENS")).longValue()).isEqualTo(response.usage().outputTokens().longValue());
            assertThat(row.get("ESTIMATED")).isEqualTo(false);
        }
    }

    @ParameterizedTest
    @EnumSource(Auth.class)
    void converseStreamThroughTheGateway(Auth auth) {
        try (BedrockRuntimeAsyncClient client = bedrockAsync(auth)) {
            StringBuilder text = new StringBuilder();
            AtomicReference<TokenUsage> usage = new AtomicReference<>();
            AtomicReference<SdkHttpResponse> http = new AtomicReference<>();
            client.converseStream(r -> r.modelId(CLAUDE_PROFILE)
                .messages(Message.builder().role(ConversationRole.USER)
                    .content(ContentBlock.fromText("Name a lighthouse")).build())
                .inferenceConfig(c -> c.maxTokens(40)), ConverseStreamResponseHandler.builder()
                    .onResponse(response -> http.set(response.sdkHttpResponse()))
                    .subscriber(ConverseStreamResponseHandler.Visitor.builder()
                        .onContentBlockDelta(delta -> text.append(delta.delta().text()))
                        .onMetadata(metadata -> usage.set(metadata.usage()))
                        .build())
                    .build())
                .join();

            assertThat(text.toString()).isNotBlank();
            assertThat(usage.get()).isNotNull();
            assertThat(header(http.get(), "Content-Type")).isEqualTo("application/vnd.amazon.eventstream");
            assertThat(header(http.get(), "X-Gateway-Model")).isEqualTo("claude-haiku-4-5");
            assertThat(header(http.get(), "X-Gateway-Region")).startsWith("us-");
            assertThat(onlyUpstreamCall().rawPath()).endsWith("%3A0/converse-stream");

            Map<String, Object> row = ledgerRow(header(http.get(), "X-Request-Id"));
            assertThat(row.get("API_KEY")).isEqualTo("native-app");
            assertThat(((Number) row.get("INPUT_TOKENS")).longValue()).isEqualTo(usage.get().inputTokens().longValue());
            assertThat(((Number) row.get("OUTPUT_TOKENS")).longValue()).isEqualTo(usage.get().outputTokens().longValue());
            assertThat(row.get("ESTIMATED")).isEqualTo(false);
        }
    }

    @Test
    void aConverseBodyIsForwardedByteForByte() {
        String body = """
                {"messages":[{"role":"user","content":[{"text":"Name a lighthouse"}]}],
                 "inferenceConfig":{"maxTokens":40},  "additionalModelRequestFields":{"top_k":5}}""";
        HttpResponse<String> response = bearerPost("/model/claude-haiku-4-5/converse", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JSON.readTree(response.body()).path("usage").path("outputTokens").asLong()).isPositive();
        assertThat(new String(onlyUpstreamCall().body(), StandardCharsets.UTF_8)).isEqualTo(body);
    }

    @Test
    void anUpstreamConverseErrorKeepsItsAwsShape() {
        HttpResponse<String> response = bearerPost("/model/claude-haiku-4-5/converse",
                "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi\"}]}],\"inferenceConfig\":{\"maxTokens\":0}}");

        assertAwsError(response, 400, "ValidationException");
        assertThat(JSON.readTree(response.body()).path("message").asString()).contains("maxTokens");
        assertThat(this.emulator.requests().all()).as("no failover on the caller's own error").hasSize(1);

        HttpResponse<String> stream = bearerPost("/model/claude-haiku-4-5/converse-stream",
                "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi\"}]}],\"inferenceConfig\":{\"maxTokens\":0}}");
        assertAwsError(stream, 400, "ValidationException");
        assertThat(this.emulator.requests().all()).hasSize(2);
    }

    @Test
    void converseRefusalsComeInAwsShapeWithNoUpstreamCall() {
        try (BedrockRuntimeClient client = bedrock(Auth.SIGV4)) {
            Message hello = Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("hi")).build();
            assertRefused(() -> client.converse(r -> r.modelId("anthropic.claude-unknown-v9:0").messages(hello)), 404,
                    "ResourceNotFoundException");
            assertRefused(() -> client.converse(r -> r.modelId("meta.llama3-1-8b-instruct-v1:0").messages(hello)), 403,
                    "AccessDeniedException");
            assertRefused(() -> client.converse(r -> r.modelId("ai21.j2-mid-v1").messages(hello)), 400,
                    "ValidationException");
        }
    }

    @Test
    void aWrongSecretIsAnInvalidSignatureWithNoUpstreamCall() {
        try (BedrockRuntimeClient client = bedrock(StaticCredentialsProvider
            .create(AwsBasicCredentials.create(ACCESS_KEY_ID, issuedSecret() + "x")))) {
            assertRefused(() -> client.invokeModel(r -> r.modelId(CLAUDE_PROFILE).contentType("application/json")
                .body(SdkBytes.fromUtf8String(CLAUDE_BODY))), 403, "InvalidSignatureException");
        }
    }

    @Test
    void anUnknownAccessKeyIdIsAnUnrecognizedClientWithNoUpstreamCall() {
        try (BedrockRuntimeClient client = bedrock(StaticCredentialsProvider
            .create(AwsBasicCredentials.create("FMGWUNKNOWNKEY0001", issuedSecret())))) {
            assertRefused(() -> client.invokeModel(r -> r.modelId(CLAUDE_PROFILE).contentType("application/json")
                .body(SdkBytes.fromUtf8String(CLAUDE_BODY))), 403, "UnrecognizedClientException");
        }
    }

    @Test
    void aModelTheKeyMayNotUseIsAccessDeniedWithNoUpstreamCall() {
        try (BedrockRuntimeClient client = bedrock(Auth.SIGV4)) {
            assertRefused(() -> client.invokeModel(r -> r.modelId("meta.llama3-1-8b-instruct-v1:0")
                .contentType("application/json").body(SdkBytes.fromUtf8String("{\"prompt\":\"hi\"}"))), 403,
                    "AccessDeniedException");
        }
    }

    @Test
    void anUnknownModelIsResourceNotFound() {
        try (BedrockRuntimeClient client = bedrock(Auth.BEARER)) {
            assertRefused(() -> client.invokeModel(r -> r.modelId("anthropic.claude-unknown-v9:0")
                .contentType("application/json").body(SdkBytes.fromUtf8String(CLAUDE_BODY))), 404,
                    "ResourceNotFoundException");
        }
    }

    @Test
    void anAlteredBodyIsAnInvalidSignatureWithNoUpstreamCall() {
        HttpResponse<String> response = sendSigned(CLAUDE_BODY, CLAUDE_BODY.replace("40", "4000"), Clock.systemUTC());

        assertAwsError(response, 403, "InvalidSignatureException");
        assertThat(this.emulator.requests().all()).as("upstream calls").isEmpty();
    }

    @Test
    void aSignatureTenMinutesOffIsRefusedWithNoUpstreamCall() {
        for (Duration offset : List.of(Duration.ofMinutes(10), Duration.ofMinutes(-10))) {
            Clock off = Clock.offset(Clock.systemUTC(), offset);
            HttpResponse<String> response = sendSigned(CLAUDE_BODY, CLAUDE_BODY, off);

            assertAwsError(response, 403, "InvalidSignatureException");
            assertThat(JSON.readTree(response.body()).path("message").asString()).containsPattern("Signature (expired|not yet current)");
        }
        assertThat(this.emulator.requests().all()).as("upstream calls").isEmpty();
        assertThat(sendSigned(CLAUDE_BODY, CLAUDE_BODY, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(4))).statusCode())
            .as("within five minutes").isEqualTo(200);
    }

    @Test
    void missingAuthenticationIsAccessDenied() {
        HttpResponse<String> response = send(HttpRequest.newBuilder(gateway().resolve("/model/" + CLAUDE_PROFILE + "/invoke"))
            .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(CLAUDE_BODY)));

        assertAwsError(response, 403, "AccessDeniedException");
        assertThat(this.emulator.requests().all()).isEmpty();
    }

    @Test
    void modelIdsInEveryFormAwsAccepts() {
        // The ':' left unencoded (Claude Code), a profile ARN with '/' encoded, a base id, a catalog id.
        for (String path : List.of("/model/" + CLAUDE_PROFILE + "/invoke",
                "/model/" + encode("arn:aws:bedrock:us-east-1:123456789012:inference-profile/" + CLAUDE_PROFILE) + "/invoke",
                "/model/" + encode("anthropic.claude-haiku-4-5-20251001-v1:0") + "/invoke",
                "/model/claude-haiku-4-5/invoke")) {
            HttpResponse<String> response = bearerPost(path, CLAUDE_BODY);
            assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-Gateway-Model")).hasValue("claude-haiku-4-5");
        }
    }

    @Test
    void aProfileInTheIdPinsItsGeography() {
        HttpResponse<String> eu = bearerPost("/model/" + encode("eu.anthropic.claude-sonnet-4-5-20250929-v1:0") + "/invoke",
                CLAUDE_BODY);

        assertThat(eu.statusCode()).as(eu.body()).isEqualTo(200);
        assertThat(eu.headers().firstValue("X-Gateway-Region")).hasValueSatisfying(r -> assertThat(r).startsWith("eu-"));
        assertThat(onlyUpstreamCall().rawPath()).startsWith("/model/eu.anthropic.claude-sonnet-4-5");
    }

    @Test
    void aRegionInAFoundationModelArnPinsTheRegion() {
        HttpResponse<String> response = bearerPost("/model/"
                + encode("arn:aws:bedrock:ap-northeast-1::foundation-model/anthropic.claude-haiku-4-5-20251001-v1:0")
                + "/invoke", CLAUDE_BODY);

        assertAwsError(response, 400, "ValidationException");
        assertThat(this.emulator.requests().all()).isEmpty();
    }

    @Test
    void h2cWithPriorKnowledgeAndHttp11OnTheSamePort() throws Exception {
        for (String protocol : List.of("--http2-prior-knowledge", "--http1.1")) {
            Process curl = new ProcessBuilder("curl", "-sS", protocol, "-o", "/dev/null", "-w",
                    "%{http_version} %{http_code}", "-H", "Authorization: Bearer " + KEY, "-H",
                    "Content-Type: application/json", "--data-binary", CLAUDE_BODY,
                    gateway() + "/model/" + encode(CLAUDE_PROFILE) + "/invoke").redirectErrorStream(true).start();
            String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(curl.waitFor()).as(out).isZero();
            assertThat(out).isEqualTo(protocol.equals("--http1.1") ? "1.1 200" : "2 200");
        }
    }

    @Test
    void listInferenceProfilesAnswersFromTheCatalog() {
        try (BedrockClient client = BedrockClient.builder().endpointOverride(gateway()).region(Region.US_WEST_2)
            .credentialsProvider(issued()).httpClientBuilder(Apache5HttpClient.builder()).build()) {
            ListInferenceProfilesResponse response = client
                .listInferenceProfiles(r -> r.typeEquals(InferenceProfileType.SYSTEM_DEFINED));

            List<String> ids = response.inferenceProfileSummaries().stream()
                .map(InferenceProfileSummary::inferenceProfileId).toList();
            assertThat(ids).contains(CLAUDE_PROFILE, "eu.anthropic.claude-sonnet-4-5-20250929-v1:0")
                .as("only the models the key may use").noneMatch(id -> id.contains("llama"));
            InferenceProfileSummary haiku = response.inferenceProfileSummaries().stream()
                .filter(p -> p.inferenceProfileId().equals(CLAUDE_PROFILE)).findFirst().orElseThrow();
            assertThat(haiku.typeAsString()).isEqualTo("SYSTEM_DEFINED");
            assertThat(haiku.statusAsString()).isEqualTo("ACTIVE");
            assertThat(haiku.inferenceProfileArn()).endsWith(":inference-profile/" + CLAUDE_PROFILE);
            assertThat(haiku.models()).isNotEmpty();
            assertThat(haiku.createdAt()).isNotNull();
        }
        assertThat(this.emulator.requests().all()).isEmpty();
    }

    /**
     * The AWS SDK for JavaScript v3 ({@code src/test/node-aws}) with its default HTTP/2 handler, once with the
     * issued SigV4 pair and once with the key as {@code AWS_BEARER_TOKEN_BEDROCK}. Installs the locked package with
     * {@code npm ci} when missing; without Node.js it fails, never skips.
     */
    @ParameterizedTest
    @EnumSource(Auth.class)
    void theJavaScriptSdkOverHttp2(Auth auth) throws Exception {
        java.nio.file.Path dir = java.nio.file.Path.of("src/test/node-aws");
        NodeScripts.install(dir, "@aws-sdk/client-bedrock-runtime/package.json", 240);
        Map<String, String> environment = auth == Auth.BEARER ? Map.of("AWS_BEARER_TOKEN_BEDROCK", KEY)
                : Map.of("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID, "AWS_SECRET_ACCESS_KEY", issuedSecret());

        String output = run(dir, environment, "node", "bedrock-runtime.test.mjs");

        assertThat(output).contains("7/7 checks passed");
    }

    private String run(java.nio.file.Path dir, Map<String, String> environment, String... command) throws Exception {
        Map<String, String> all = new java.util.HashMap<>(environment);
        all.put("GATEWAY_URL", gateway().toString());
        all.put("AWS_CONFIG_FILE", "/dev/null");
        all.put("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
        NodeScripts.Run run = NodeScripts.run(dir, all, 180, command);
        assertThat(run.exitCode()).as(String.join(" ", command) + ":%n%s", run.output()).isZero();
        return run.output();
    }

    private HttpResponse<String> bearerPost(String path, String body) {
        return send(HttpRequest.newBuilder(gateway().resolve(path)).header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + KEY).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Signs {@code signed} with the SDK's own SigV4 signer and the issued credentials, then sends {@code sent}. */
    private HttpResponse<String> sendSigned(String signed, String sent, Clock clock) {
        URI uri = gateway().resolve("/model/" + encode(CLAUDE_PROFILE) + "/invoke");
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.POST).uri(uri)
            .putHeader("Content-Type", "application/json").build();
        SignedRequest signature = AwsV4HttpSigner.create().sign(r -> r
            .identity(AwsCredentialsIdentity.create(ACCESS_KEY_ID, issuedSecret()))
            .request(request)
            .payload(ContentStreamProvider.fromUtf8String(signed))
            .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "bedrock")
            .putProperty(AwsV4HttpSigner.REGION_NAME, "us-west-2")
            .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        HttpRequest.Builder out = HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(sent));
        signature.request().headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                values.forEach(value -> out.header(name, value));
            }
        });
        return send(out);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static void assertAwsError(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).hasValue(type);
        assertThat(JSON.readTree(response.body()).path("message").asString()).isNotBlank();
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    }

    private static String encode(String id) {
        return SigV4.uriEncode(id);
    }

    private void assertRefused(Runnable call, int status, String errorType) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AwsServiceException.class, ex -> {
            assertThat(ex.statusCode()).isEqualTo(status);
            assertThat(ex.awsErrorDetails().errorCode()).isEqualTo(errorType);
            assertThat(ex.awsErrorDetails().errorMessage()).isNotBlank();
        });
        assertThat(this.emulator.requests().all()).as("upstream calls").isEmpty();
    }

    private RecordedRequest onlyUpstreamCall() {
        assertThat(this.emulator.requests().all()).hasSize(1);
        return this.emulator.requests().all().getFirst();
    }

    private Map<String, Object> ledgerRow(String requestId) {
        Instant until = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(until)) {
            List<Map<String, Object>> rows = this.jdbc.queryForList("SELECT * FROM usage_record WHERE request_id = ?",
                    requestId);
            if (!rows.isEmpty()) {
                assertThat(rows).hasSize(1);
                return rows.getFirst();
            }
            sleep(50);
        }
        throw new AssertionError("No ledger record for request " + requestId);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static String header(SdkHttpResponse response, String name) {
        return response.firstMatchingHeader(name).orElse(null);
    }

    URI gateway() {
        return URI.create("http://127.0.0.1:" + this.port);
    }

    BedrockRuntimeClient bedrock(Auth auth) {
        BedrockRuntimeClientBuilder builder = BedrockRuntimeClient.builder();
        if (auth == Auth.BEARER) {
            return bearer(() -> builder.endpointOverride(gateway()).region(Region.US_EAST_1)
                .httpClientBuilder(Apache5HttpClient.builder()).build());
        }
        return bedrock(issued());
    }

    BedrockRuntimeClient bedrock(software.amazon.awssdk.auth.credentials.AwsCredentialsProvider credentials) {
        return BedrockRuntimeClient.builder().endpointOverride(gateway()).region(Region.US_EAST_1)
            .credentialsProvider(credentials).httpClientBuilder(Apache5HttpClient.builder())
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
            .build();
    }

    BedrockRuntimeAsyncClient bedrockAsync(Auth auth) {
        BedrockRuntimeAsyncClientBuilder builder = BedrockRuntimeAsyncClient.builder().endpointOverride(gateway())
            .region(Region.US_EAST_1)
            .httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP2)); // h2c, prior knowledge
        if (auth == Auth.BEARER) {
            return bearer(builder::build);
        }
        return builder.credentialsProvider(issued()).build();
    }

    SageMakerRuntimeClient sageMaker(Auth auth) {
        var builder = SageMakerRuntimeClient.builder().endpointOverride(gateway()).region(Region.US_EAST_1)
            .httpClientBuilder(Apache5HttpClient.builder());
        if (auth == Auth.BEARER) {
            // SageMaker's SDK only signs; unsigned (anonymous) with the key as a bearer header is what a caller sends.
            builder.credentialsProvider(AnonymousCredentialsProvider.create())
                .overrideConfiguration(o -> o.putHeader("Authorization", "Bearer " + KEY));
        }
        else {
            builder.credentialsProvider(issued());
        }
        return builder.build();
    }

    static StaticCredentialsProvider issued() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, issuedSecret()));
    }

    /**
     * A Bedrock client built as with {@code AWS_BEARER_TOKEN_BEDROCK=<gateway key>} in the environment: the SDK
     * reads the same setting from the system property {@code aws.bearerTokenBedrock} and then authenticates with
     * {@code Authorization: Bearer}.
     */
    static <C> C bearer(java.util.function.Supplier<C> build) {
        System.setProperty("aws.bearerTokenBedrock", KEY);
        try {
            return build.get();
        }
        finally {
            System.clearProperty("aws.bearerTokenBedrock");
        }
    }
}
