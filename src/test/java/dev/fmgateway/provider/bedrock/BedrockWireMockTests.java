package dev.fmgateway.provider.bedrock;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.fmgateway.support.GatewayHttp;
import dev.fmgateway.support.IntegrationTest;

/**
 * The gateway in {@code aws} mode against WireMock standing in for Bedrock: proves the signed request that goes
 * out (SigV4 credential scope, percent-encoded model id, native body) and the mapping of AWS error shapes.
 */
@IntegrationTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "gateway.mode=aws", "gateway.security.allow-anonymous=true",
                "gateway.regions.verify-at-startup=true", "gateway.resilience.max-attempts=2",
                "gateway.resilience.initial-backoff=10ms", "gateway.resilience.minimum-calls=1000",
                // the InvokeModel Claude body is what these stubs answer; Converse has its own case below
                "gateway.catalog.models.claude-3-7-sonnet.api=invoke",
                "gateway.catalog.models.claude-3-haiku.api=invoke" })
class BedrockWireMockTests {

    static final WireMockServer BEDROCK = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static final String CLAUDE_PATH = "/model/us.anthropic.claude-3-7-sonnet-20250219-v1%3A0/invoke";

    @DynamicPropertySource
    static void bedrock(DynamicPropertyRegistry registry) {
        BEDROCK.start();
        System.setProperty("aws.accessKeyId", "AKIDWIREMOCKTEST");
        System.setProperty("aws.secretAccessKey", "wiremock-secret");
        registry.add("gateway.aws.bedrock-endpoint", BEDROCK::baseUrl);
        registry.add("gateway.regions.control-endpoint", BEDROCK::baseUrl);
        // The control plane as seen from every region: Claude 3.7 Sonnet only through its US profile, and
        // Titan Text Express listed without on-demand throughput.
        CONTROL_PLANE.add(BEDROCK.stubFor(get(urlPathEqualTo("/foundation-models")).willReturn(okJson("""
                {"modelSummaries":[
                  {"modelId":"anthropic.claude-3-7-sonnet-20250219-v1:0","inferenceTypesSupported":["INFERENCE_PROFILE"]},
                  {"modelId":"amazon.titan-text-express-v1","inferenceTypesSupported":["PROVISIONED"]},
                  {"modelId":"amazon.titan-embed-text-v2:0","inferenceTypesSupported":["ON_DEMAND"]}]}"""))).getId());
        CONTROL_PLANE.add(BEDROCK.stubFor(get(urlPathEqualTo("/inference-profiles")).willReturn(okJson("""
                {"inferenceProfileSummaries":[
                  {"inferenceProfileId":"us.anthropic.claude-3-7-sonnet-20250219-v1:0","status":"ACTIVE",
                   "type":"SYSTEM_DEFINED"}]}"""))).getId());
    }

    @AfterAll
    static void stop() {
        BEDROCK.stop();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Value("${local.server.port}")
    int port;

    /** The control-plane stubs outlive the per-test reset: the start-up check may still be running. */
    static final java.util.Set<java.util.UUID> CONTROL_PLANE = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @BeforeEach
    void reset() {
        BEDROCK.resetRequests();
        BEDROCK.listAllStubMappings()
            .getMappings()
            .stream()
            .filter(mapping -> !CONTROL_PLANE.contains(mapping.getId()))
            .forEach(BEDROCK::removeStubMapping);
    }

    @Test
    void catalogRouteReportsWhatTheControlPlaneSaid() {
        GatewayHttp http = new GatewayHttp(this.port);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
            .until(() -> http.get("/v1/models/claude-3-7-sonnet").json().path("availability").isObject());

        tools.jackson.databind.JsonNode sonnet = http.get("/v1/models/claude-3-7-sonnet").json().path("availability");
        assertThat(sonnet.path("verifiedAt").asString()).isNotBlank();
        assertThat(sonnet.path("deployments")).isNotEmpty()
            .allSatisfy(d -> assertThat(d.path("status").asString()).isEqualTo("VERIFIED"));
        tools.jackson.databind.JsonNode titan = http.get("/v1/models/titan-text-express").json().path("availability");
        assertThat(titan.path("deployments")).allSatisfy(d -> {
            assertThat(d.path("status").asString()).isEqualTo("NOT_OFFERED");
            assertThat(d.path("detail").asString()).contains("provisioned");
        });
        assertThat(http.get("/v1/models/claude-haiku-4-5").json().path("availability").path("deployments"))
            .allSatisfy(d -> assertThat(d.path("status").asString()).isEqualTo("NOT_OFFERED"));
    }

    @Test
    void signsTheNativeClaudeRequestForTheRegionAndEncodesTheModelId() {
        BEDROCK.stubFor(post(urlEqualTo(CLAUDE_PATH)).willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "application/json")
            .withHeader("X-Amzn-Bedrock-Input-Token-Count", "12")
            .withHeader("X-Amzn-Bedrock-Output-Token-Count", "5")
            .withBody("""
                    {"id":"msg_bdrk_1","type":"message","role":"assistant","model":"claude-3-haiku",
                     "content":[{"type":"text","text":"Hello from WireMock"}],
                     "stop_reason":"end_turn","stop_sequence":null,
                     "usage":{"input_tokens":12,"output_tokens":5}}""")));

        GatewayHttp.Response response = new GatewayHttp(this.port).post("/v1/text/generations", """
                {"model":"claude-3-7-sonnet","region":"us-west-2","system":"Be brief.",
                 "messages":[{"role":"user","content":"Say hello"}],"maxTokens":100,"temperature":0.2}""");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("output").asString()).isEqualTo("Hello from WireMock");
        assertThat(response.json().path("region").asString()).isEqualTo("us-west-2");
        assertThat(response.json().path("usage").path("inputTokens").asLong()).isEqualTo(12);
        // 12 * 0.003/1k + 5 * 0.015/1k
        assertThat(response.header("X-Gateway-Cost-USD")).isEqualTo("0.000111");
        BEDROCK.verify(1, postRequestedFor(urlEqualTo(CLAUDE_PATH))
            .withHeader("Authorization", matching("AWS4-HMAC-SHA256 Credential=AKIDWIREMOCKTEST/\\d{8}/us-west-2/"
                    + "bedrock/aws4_request, SignedHeaders=[a-z0-9;-]*host;[a-z0-9;-]*x-amz-date[a-z0-9;-]*, "
                    + "Signature=[0-9a-f]{64}"))
            .withHeader("Content-Type", matching("application/json"))
            .withRequestBody(equalToJson("""
                    {"anthropic_version":"bedrock-2023-05-31","max_tokens":100,"system":"Be brief.",
                     "temperature":0.2,"messages":[{"role":"user","content":"Say hello"}]}""")));
    }

    @Test
    void retiredModelIsGoneOnAwsWithoutAnyUpstreamCall() {
        GatewayHttp.Response response = new GatewayHttp(this.port).post("/v1/text/generations",
                "{\"model\":\"claude-3-haiku\",\"prompt\":\"hi\"}");

        assertThat(response.status()).isEqualTo(410);
        assertThat(response.json().path("code").asString()).isEqualTo("MODEL_RETIRED");
        assertThat(response.json().path("successor").asString()).isEqualTo("claude-haiku-4-5");
        assertThat(response.header("Sunset")).isEqualTo("Thu, 10 Sep 2026 00:00:00 GMT");
        assertThat(response.header("Link")).isEqualTo("</v1/models/claude-haiku-4-5>; rel=\"successor-version\"");
        assertThat(BEDROCK.getAllServeEvents())
            .noneMatch(event -> event.getRequest().getUrl().startsWith("/model/"));
    }


    @Test
    void aConverseErrorWithoutAnErrorTypeIsAProblemNotAnInternalError() {
        String path = "/model/us.anthropic.claude-haiku-4-5-20251001-v1%3A0/converse";
        BEDROCK.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(500)
            .withHeader("Content-Type", "application/json")
            .withBody("{}")));

        GatewayHttp.Response response = new GatewayHttp(this.port).post("/v1/text/generations",
                "{\"model\":\"claude-haiku-4-5\",\"prompt\":\"hi\"}");

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.json().path("code").asString()).isEqualTo("UPSTREAM_ERROR");
        BEDROCK.verify(postRequestedFor(urlEqualTo(path)));
    }

    @ParameterizedTest
    @CsvSource({ "400, ValidationException, 400, UPSTREAM_VALIDATION, 1",
            "429, ThrottlingException, 429, UPSTREAM_THROTTLED, 2",
            "400, ServiceQuotaExceededException, 429, UPSTREAM_THROTTLED, 1",
            "408, ModelTimeoutException, 504, UPSTREAM_TIMEOUT, 1",
            "429, ModelNotReadyException, 503, UPSTREAM_UNAVAILABLE, 2",
            "424, ModelErrorException, 502, UPSTREAM_ERROR, 1",
            "403, AccessDeniedException, 502, UPSTREAM_ERROR, 2",
            "404, ResourceNotFoundException, 502, UPSTREAM_ERROR, 2",
            "500, InternalServerException, 502, UPSTREAM_ERROR, 1",
            "503, ServiceUnavailableException, 502, UPSTREAM_ERROR, 2" })
    void mapsBedrockErrors(int upstreamStatus, String errorType, int status, String code, int attempts) {
        BEDROCK.stubFor(post(urlEqualTo(CLAUDE_PATH)).willReturn(aResponse().withStatus(upstreamStatus)
            .withHeader("Content-Type", "application/json")
            .withHeader("x-amzn-ErrorType", errorType + ":http://internal.amazon.com/coral/com.amazon.bedrock/")
            .withHeader("x-amzn-RequestId", "req-1")
            .withBody("{\"message\":\"upstream says no for arn:aws:bedrock:us-east-1:123456789012:model/x\"}")));

        GatewayHttp.Response response = new GatewayHttp(this.port).post("/v1/text/generations",
                "{\"model\":\"claude-3-7-sonnet\",\"prompt\":\"hi\"}");

        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.json().path("code").asString()).isEqualTo(code);
        assertThat(response.body()).doesNotContain("123456789012").doesNotContain("arn:aws").doesNotContain(
                BEDROCK.baseUrl());
        BEDROCK.verify(attempts, postRequestedFor(urlEqualTo(CLAUDE_PATH)));
        if (status == 429 || status == 503) {
            assertThat(response.header("Retry-After")).matches("\\d+");
        }
    }
}
