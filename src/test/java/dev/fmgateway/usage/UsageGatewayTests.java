package dev.fmgateway.usage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import dev.fmgateway.catalog.Backend;
import dev.fmgateway.support.GatewayHttp;
import dev.fmgateway.support.IntegrationTest;

/**
 * The gateway in {@code aws} mode with API keys, WireMock standing in for Bedrock and an in-memory ledger: keys
 * and allow-lists are enforced before any upstream call, every routed call lands in the ledger exactly once with
 * the cost the caller was told, and the usage routes aggregate it per key.
 */
@IntegrationTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "gateway.mode=aws", "gateway.resilience.max-attempts=1",
                // The WireMock stubs below answer InvokeModel bodies: these models stay on InvokeModel here.
                "gateway.catalog.models.claude-haiku-4-5.api=invoke", "gateway.catalog.models.claude-sonnet-4-5.api=invoke",
                "gateway.catalog.models.titan-text-express.api=invoke",
                "gateway.resilience.minimum-calls=1000",
                "spring.datasource.url=jdbc:h2:mem:usage-gateway-tests;DB_CLOSE_DELAY=-1",
                "gateway.ledger.batch-size=7",
                "gateway.security.keys[0].name=key-alpha-app", "gateway.security.keys[0].team=alpha",
                "gateway.security.keys[0].sha256=" + UsageGatewayTests.ALPHA_SHA256,
                "gateway.security.keys[0].allowed-models=claude-haiku-4-5,amazon.titan-text-express-v1",
                "gateway.security.keys[1].name=key-bravo-app",
                "gateway.security.keys[1].sha256=" + UsageGatewayTests.BRAVO_SHA256,
                "gateway.security.keys[2].name=key-finops-admin", "gateway.security.keys[2].admin=true",
                "gateway.security.keys[2].sha256=" + UsageGatewayTests.FINOPS_SHA256,
                "gateway.sagemaker.endpoints.sdxl-endpoint.instance-type=ml.g5.2xlarge",
                "gateway.sagemaker.endpoints.sdxl-endpoint.instance-count=2",
                "gateway.sagemaker.endpoints.sdxl-endpoint.hourly-usd=1.515" })
class UsageGatewayTests {

    static final String ALPHA = "key-alpha-secret-for-usage-gateway-tests";

    static final String ALPHA_SHA256 = "caa269fab3d1a71f3691b94d19674ce4c0b2581dccd7c9b6cfe8173b036156f5";

    static final String BRAVO = "key-bravo-secret-for-usage-gateway-tests";

    static final String BRAVO_SHA256 = "7d8737ea6bdd3602973887ee03abab6cda19ffcf4da1d61cfa6f401719de5772";

    static final String FINOPS = "key-finops-secret-for-usage-gateway-tests";

    static final String FINOPS_SHA256 = "0aefa566def8c74fc49d9d2ea223daa50235c609035b61777402f18bfa46e37a";

    static final WireMockServer BEDROCK = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    static final String CLAUDE_PATH = "/model/us.anthropic.claude-haiku-4-5-20251001-v1%3A0/invoke";

    static final String TITAN_PATH = "/model/amazon.titan-text-express-v1/invoke";

    static final String CLAUDE = "{\"model\":\"claude-haiku-4-5\",\"prompt\":\"hi\"}";

    static final String TITAN = "{\"model\":\"titan-text-express\",\"prompt\":\"hi\"}";

    @DynamicPropertySource
    static void bedrock(DynamicPropertyRegistry registry) {
        BEDROCK.start();
        System.setProperty("aws.accessKeyId", "AKIDWIREMOCKTEST");
        System.setProperty("aws.secretAccessKey", "wiremock-secret");
        registry.add("gateway.aws.bedrock-endpoint", BEDROCK::baseUrl);
    }

    @AfterAll
    static void stop() {
        BEDROCK.stop();
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
    }

    @Value("${local.server.port}")
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    UsageLedger ledger;

    @Autowired
    UsageRepository repository;

    @Autowired
    JdbcTemplate jdbc;

    GatewayHttp http;

    @BeforeEach
    void setUp() {
        BEDROCK.resetAll();
        BEDROCK.stubFor(post(urlEqualTo(CLAUDE_PATH)).willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "application/json")
            .withBody("""
                    {"id":"msg_1","type":"message","role":"assistant","content":[{"type":"text","text":"Hello"}],
                     "stop_reason":"end_turn","usage":{"input_tokens":12,"output_tokens":5}}""")));
        BEDROCK.stubFor(post(urlEqualTo(TITAN_PATH)).willReturn(aResponse().withStatus(200)
            .withHeader("Content-Type", "application/json")
            .withBody("""
                    {"inputTextTokenCount":7,
                     "results":[{"tokenCount":3,"outputText":"Hi there","completionReason":"FINISH"}]}""")));
        this.http = new GatewayHttp(this.port);
    }

    @Test
    void missingKeyIs401WithWwwAuthenticateAndNoUpstreamCall() {
        GatewayHttp.Response response = this.http.post("/v1/text/generations", CLAUDE);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.json().path("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(response.json().path("requestId").asString()).isEqualTo(response.header("X-Request-Id"));
        assertThat(response.json().path("instance").asString()).isEqualTo("/v1/text/generations");
        assertThat(this.http.get("/v1/models").status()).isEqualTo(401);
        BEDROCK.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void unknownKeyIs401AndTheKeyIsNotEchoed() {
        GatewayHttp.Response bearer = this.http.post("/v1/text/generations", CLAUDE, "Authorization",
                "Bearer not-a-configured-key");
        GatewayHttp.Response header = this.http.post("/v1/text/generations", CLAUDE, "X-Api-Key", "also-unknown");

        assertThat(bearer.status()).isEqualTo(401);
        assertThat(bearer.json().path("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(bearer.body()).doesNotContain("not-a-configured-key");
        assertThat(header.status()).isEqualTo(401);
        BEDROCK.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void modelOutsideTheAllowListIs403BeforeAnyUpstreamCall() {
        GatewayHttp.Response response = this.http.post("/v1/text/generations",
                "{\"model\":\"claude-sonnet-4-5\",\"prompt\":\"hi\"}", "Authorization", "Bearer " + ALPHA);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().path("code").asString()).isEqualTo("MODEL_NOT_ALLOWED");
        assertThat(response.json().path("model").asString()).isEqualTo("claude-sonnet-4-5");
        BEDROCK.verify(0, anyRequestedFor(anyUrl()));
        // an alias in the allow-list admits the model under its catalog id
        assertThat(this.http.post("/v1/text/generations", TITAN, "X-Api-Key", ALPHA).status()).isEqualTo(200);
    }

    @Test
    void operationsRoutesNeedNoKey() {
        GatewayHttp management = new GatewayHttp(this.managementPort);
        assertThat(management.get("/actuator/health").status()).isEqualTo(200);
        assertThat(management.get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(this.http.get("/readyz").status()).isEqualTo(200);
    }

    @Test
    void exactCostAgreesInHeadersBodyAndLedgerRow() throws Exception {
        GatewayHttp.Response response = this.http.post("/v1/text/generations", CLAUDE, "Authorization",
                "Bearer " + ALPHA, "X-Request-Id", "exact-cost-1");

        assertThat(response.status()).isEqualTo(200);
        // 12 * 0.001 / 1000 + 5 * 0.005 / 1000
        BigDecimal expected = new BigDecimal("0.000037");
        assertThat(new BigDecimal(response.header("X-Gateway-Cost-USD"))).isEqualByComparingTo(expected);
        assertThat(response.json().path("cost").path("usd").decimalValue()).isEqualByComparingTo(expected);
        assertThat(response.header("X-Gateway-Input-Tokens")).isEqualTo("12");
        assertThat(response.json().path("usage").path("inputTokens").asLong()).isEqualTo(12);
        assertThat(response.header("X-Gateway-Output-Tokens")).isEqualTo("5");
        assertThat(response.json().path("usage").path("outputTokens").asLong()).isEqualTo(5);

        Map<String, Object> row = row("exact-cost-1");
        assertThat(row).containsEntry("API_KEY", "key-alpha-app")
            .containsEntry("TEAM", "alpha")
            .containsEntry("MODEL", "claude-haiku-4-5")
            .containsEntry("BACKEND", "BEDROCK")
            .containsEntry("REGION", "us-east-1")
            .containsEntry("UPSTREAM_ID", "us.anthropic.claude-haiku-4-5-20251001-v1:0")
            .containsEntry("USAGE_KIND", "tokens")
            .containsEntry("INPUT_TOKENS", 12L)
            .containsEntry("OUTPUT_TOKENS", 5L)
            .containsEntry("IMAGES", 0L)
            .containsEntry("ESTIMATED", false)
            .containsEntry("OUTCOME", "ok")
            .containsEntry("STATUS", 200);
        assertThat((BigDecimal) row.get("COST_USD")).isEqualByComparingTo(expected);
        assertThat((Long) row.get("LATENCY_MS")).isNotNegative();
    }

    @Test
    void failedCallIsRecordedWithItsProblemCodeAndZeroCost() throws Exception {
        BEDROCK.stubFor(post(urlEqualTo(TITAN_PATH)).willReturn(aResponse().withStatus(400)
            .withHeader("Content-Type", "application/json")
            .withHeader("x-amzn-ErrorType", "ValidationException")
            .withBody("{\"message\":\"bad input\"}")));

        GatewayHttp.Response response = this.http.post("/v1/text/generations", TITAN, "X-Api-Key", BRAVO,
                "X-Request-Id", "failed-call-1");

        assertThat(response.status()).isEqualTo(400);
        Map<String, Object> row = row("failed-call-1");
        assertThat(row).containsEntry("API_KEY", "key-bravo-app")
            .containsEntry("OUTCOME", "UPSTREAM_VALIDATION")
            .containsEntry("STATUS", 400)
            .containsEntry("USAGE_KIND", "none")
            .containsEntry("INPUT_TOKENS", 0L);
        assertThat((BigDecimal) row.get("COST_USD")).isZero();
    }

    @Test
    void concurrentCallsProduceExactlyOneRowEachWhoseCostsSumToTheHeaders() throws Exception {
        int calls = 50;
        List<Future<GatewayHttp.Response>> futures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < calls; i++) {
                String body = i % 3 == 0 ? TITAN : CLAUDE;
                String key = i % 2 == 0 ? ALPHA : BRAVO;
                String requestId = "concurrent-" + i;
                futures.add(pool.submit(() -> this.http.post("/v1/text/generations", body, "X-Api-Key", key,
                        "X-Request-Id", requestId)));
            }
        }
        BigDecimal headerSum = BigDecimal.ZERO;
        Map<String, BigDecimal> costByRequest = new HashMap<>();
        for (Future<GatewayHttp.Response> future : futures) {
            GatewayHttp.Response response = future.get();
            assertThat(response.status()).isEqualTo(200);
            BigDecimal cost = new BigDecimal(response.header("X-Gateway-Cost-USD"));
            headerSum = headerSum.add(cost);
            costByRequest.put(response.header("X-Request-Id"), cost);
        }
        assertThat(this.ledger.awaitWritten(Duration.ofSeconds(10))).isTrue();

        List<Map<String, Object>> rows = this.jdbc
            .queryForList("SELECT request_id, cost_usd FROM usage_record WHERE request_id LIKE 'concurrent-%'");
        assertThat(rows).hasSize(calls);
        BigDecimal ledgerSum = BigDecimal.ZERO;
        for (Map<String, Object> row : rows) {
            BigDecimal cost = (BigDecimal) row.get("COST_USD");
            assertThat(cost).isEqualByComparingTo(costByRequest.get((String) row.get("REQUEST_ID")));
            ledgerSum = ledgerSum.add(cost);
        }
        assertThat(ledgerSum).isEqualByComparingTo(headerSum);
        // 17 Titan calls at 0.0000032 and 33 Claude calls at 0.000037
        assertThat(headerSum).isEqualByComparingTo("0.0012754");
    }

    @Test
    void usageRouteAggregatesPerKeyAndScopesNonAdminKeys() throws Exception {
        for (int i = 0; i < 3; i++) {
            this.http.post("/v1/text/generations", CLAUDE, "X-Api-Key", ALPHA);
        }
        this.http.post("/v1/text/generations", TITAN, "X-Api-Key", BRAVO);
        this.http.post("/v1/text/generations", TITAN, "X-Api-Key", BRAVO);
        assertThat(this.ledger.awaitWritten(Duration.ofSeconds(10))).isTrue();
        String from = Instant.now().minusSeconds(120).toString();

        JsonNode alpha = this.http.get("/v1/usage?groupBy=apiKey,model&from=" + from, "X-Api-Key", ALPHA).json();
        JsonNode admin = this.http.get("/v1/usage?groupBy=apiKey&from=" + from, "X-Api-Key", FINOPS).json();

        assertThat(alpha.path("apiKey").asString()).isEqualTo("key-alpha-app");
        assertThat(alpha.path("groups").valueStream().map(g -> g.path("apiKey").asString()).distinct().toList())
            .containsExactly("key-alpha-app");
        assertThat(admin.has("apiKey")).isFalse();
        assertThat(admin.path("groups").valueStream().map(g -> g.path("apiKey").asString()).toList())
            .contains("key-alpha-app", "key-bravo-app");
        BigDecimal sumOfGroups = admin.path("groups")
            .valueStream()
            .map(g -> g.path("costUsd").decimalValue())
            .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(admin.path("total").path("costUsd").decimalValue()).isEqualByComparingTo(sumOfGroups);
        assertThat(admin.path("total").path("requests").asLong())
            .isEqualTo(admin.path("groups").valueStream().mapToLong(g -> g.path("requests").asLong()).sum());
        assertThat(this.http.get("/v1/usage?apiKey=key-bravo-app", "X-Api-Key", ALPHA).json().path("code").asString())
            .isEqualTo("ADMIN_REQUIRED");
        JsonNode bravoByAdmin = this.http.get("/v1/usage?groupBy=model&apiKey=key-bravo-app&from=" + from,
                "X-Api-Key", FINOPS).json();
        assertThat(bravoByAdmin.path("apiKey").asString()).isEqualTo("key-bravo-app");
        assertThat(bravoByAdmin.path("total").path("requests").asLong()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void usageRouteRejectsBadParametersWith400() {
        GatewayHttp.Response groupBy = this.http.get("/v1/usage?groupBy=model,colour", "X-Api-Key", FINOPS);
        GatewayHttp.Response from = this.http.get("/v1/usage?from=yesterday", "X-Api-Key", FINOPS);
        GatewayHttp.Response order = this.http.get("/v1/usage?from=2026-11-02&to=2026-11-01", "X-Api-Key", FINOPS);

        assertThat(groupBy.status()).isEqualTo(400);
        assertThat(groupBy.contentType()).isEqualTo("application/problem+json");
        assertThat(groupBy.json().path("code").asString()).isEqualTo("INVALID_REQUEST");
        assertThat(groupBy.json().path("allowedValues").valueStream().map(JsonNode::asString).toList())
            .containsExactly("model", "apiKey", "region", "day");
        assertThat(from.status()).isEqualTo(400);
        assertThat(from.json().path("parameter").asString()).isEqualTo("from");
        assertThat(order.status()).isEqualTo(400);
    }

    @Test
    void endpointReportPricesInstanceHoursAndIsForAdminsOnly() {
        this.repository.insert(List.of(sageMakerCall(Instant.parse("2026-11-01T10:00:00Z")),
                sageMakerCall(Instant.parse("2026-11-01T11:00:00Z")),
                sageMakerCall(Instant.parse("2026-11-03T11:00:00Z"))));

        GatewayHttp.Response response = this.http.get(
                "/v1/usage/endpoints?from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z", "X-Api-Key", FINOPS);

        assertThat(response.status()).isEqualTo(200);
        JsonNode sdxl = response.json()
            .path("endpoints")
            .valueStream()
            .filter(e -> e.path("endpoint").asString().equals("sdxl-endpoint"))
            .findFirst()
            .orElseThrow();
        assertThat(sdxl.path("endpoint").asString()).isEqualTo("sdxl-endpoint");
        assertThat(sdxl.path("instanceType").asString()).isEqualTo("ml.g5.2xlarge");
        assertThat(sdxl.path("hourlyUsd").decimalValue()).isEqualByComparingTo("3.03");
        assertThat(sdxl.path("instanceHours").decimalValue()).isEqualByComparingTo("48");
        assertThat(sdxl.path("windowCostUsd").decimalValue()).isEqualByComparingTo("72.72");
        assertThat(sdxl.path("calls").asLong()).isEqualTo(2);
        assertThat(sdxl.path("costPerCallUsd").decimalValue()).isEqualByComparingTo("36.36");
        assertThat(response.json().path("idleAfterSeconds").asLong()).isEqualTo(3600);
        assertThat(this.http.get("/v1/usage/endpoints", "X-Api-Key", ALPHA).status()).isEqualTo(403);
    }

    @Test
    void prometheusShowsLedgerAndEndpointGaugesButNoKeyNames() {
        this.http.post("/v1/text/generations", CLAUDE, "X-Api-Key", ALPHA);

        String metrics = new GatewayHttp(this.managementPort).get("/actuator/prometheus").body();

        assertThat(metrics).contains("gateway_ledger_backlog", "gateway_ledger_journal_bytes",
                "gateway_ledger_dropped_total", "gateway_ledger_journal_failures_total", "gateway_cost_usd_total{",
                "gateway_sagemaker_endpoint_hourly_cost_usd{endpoint=\"sdxl-endpoint\",instance_type=\"ml.g5.2xlarge\"} 3.03",
                "gateway_sagemaker_endpoint_idle_seconds{endpoint=\"sdxl-endpoint\"");
        assertThat(metrics).doesNotContain("key-alpha", "key-bravo", "key-finops", "alpha\"");
    }

    private Map<String, Object> row(String requestId) throws InterruptedException {
        assertThat(this.ledger.awaitWritten(Duration.ofSeconds(10))).isTrue();
        return this.jdbc.queryForMap("SELECT * FROM usage_record WHERE request_id = ?", requestId);
    }

    private static UsageRecord sageMakerCall(Instant at) {
        return new UsageRecord(UUID.randomUUID().toString(), at, "sm-" + at, "key-finops-admin", null, "sdxl", Backend.SAGEMAKER, "us-east-1",
                "sdxl-endpoint", new UsageCounts("images", 0, 0, 1), BigDecimal.ZERO, false, 1200, "ok", 200);
    }
}
