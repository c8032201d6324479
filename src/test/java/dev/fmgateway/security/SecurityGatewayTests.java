package dev.fmgateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

import dev.fmgateway.support.GatewayHttp;
import dev.fmgateway.support.IntegrationTest;

/**
 * The doors of a gateway with API keys and anonymous access allowed (emulator mode): anonymous callers get only
 * their own allow-list, listings show a key only the models it may call, short keys are refused before hashing,
 * and the operations endpoints are on the management port, not the API port.
 */
@IntegrationTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.datasource.url=jdbc:h2:mem:security-gateway-tests;DB_CLOSE_DELAY=-1",
                "gateway.security.allow-anonymous=true",
                "gateway.security.anonymous.allowed-models=claude-haiku-4-5",
                "gateway.security.keys[0].name=alpha", "gateway.security.keys[0].team=search",
                "gateway.security.keys[0].sha256=" + SecurityGatewayTests.ALPHA_SHA256,
                "gateway.security.keys[0].allowed-models=titan-text-express,amazon.titan-embed-text-v2:0",
                "gateway.security.keys[1].name=admin", "gateway.security.keys[1].admin=true",
                "gateway.security.keys[1].sha256=" + SecurityGatewayTests.ADMIN_SHA256,
                "gateway.security.keys[2].name=short",
                "gateway.security.keys[2].sha256=" + SecurityGatewayTests.SHORT_SHA256 })
class SecurityGatewayTests {

    static final String ALPHA = "alpha-key-for-security-tests-0123456789";

    static final String ALPHA_SHA256 = "bc1d9ebf893c5db0526156eb1b6d7dde024c6f5b6039882ed8c04c508a6f42fb";

    static final String ADMIN = "admin-key-for-security-tests-0123456789";

    static final String ADMIN_SHA256 = "8ab613355597802241760f15973f653a88c0263b481db51913ab0579c8bc2f36";

    /** 14 characters: its hash is configured, but a key this short is refused before it is hashed. */
    static final String SHORT = "short-key-1234";

    static final String SHORT_SHA256 = "ba96fdd9cafedcd78cf8fd1add74a8bdd1932679483f079ed0ab99f556f96e39";

    @Value("${local.server.port}")
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    Environment environment;

    GatewayHttp http;

    @BeforeEach
    void connect() {
        this.http = new GatewayHttp(this.port);
    }

    @Test
    void anonymousCallerGetsOnlyTheAnonymousAllowList() {
        GatewayHttp.Response refused = this.http.post("/v1/text/generations",
                "{\"model\":\"titan-text-express\",\"prompt\":\"hi\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.json().path("code").asString()).isEqualTo("MODEL_NOT_ALLOWED");
        assertThat(this.http.post("/openai/v1/chat/completions",
                "{\"model\":\"claude-sonnet-4-5\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}").status())
            .isEqualTo(403);

        GatewayHttp.Response allowed = this.http.post("/v1/text/generations",
                "{\"model\":\"claude-haiku-4-5\",\"prompt\":\"hi\"}");
        assertThat(allowed.status()).as(allowed.body()).isEqualTo(200);
        assertThat(this.http.get("/v1/models").json().path("models").findValuesAsString("id"))
            .containsExactly("claude-haiku-4-5");
    }

    @Test
    void listingsShowARestrictedKeyOnlyItsModels() {
        JsonNode own = this.http.get("/v1/models", "Authorization", "Bearer " + ALPHA).json();
        assertThat(own.path("models").findValuesAsString("id")).containsExactlyInAnyOrder("titan-text-express",
                "titan-embed-text-v2");
        assertThat(own.path("count").asInt()).isEqualTo(2);
        assertThat(this.http.get("/v1/models?capability=EMBEDDING", "X-Api-Key", ALPHA)
            .json()
            .path("models")
            .findValuesAsString("id")).containsExactly("titan-embed-text-v2");
        JsonNode openAi = this.http.get("/openai/v1/models", "Authorization", "Bearer " + ALPHA).json();
        assertThat(openAi.path("data").findValuesAsString("id")).containsExactlyInAnyOrder("titan-text-express",
                "titan-embed-text-v2");

        // one model the key may not call: 403, as calling it would be (the catalog itself is not secret)
        GatewayHttp.Response one = this.http.get("/v1/models/claude-haiku-4-5", "X-Api-Key", ALPHA);
        assertThat(one.status()).as(one.body()).isEqualTo(403);
        assertThat(one.json().path("code").asString()).isEqualTo("MODEL_NOT_ALLOWED");
        assertThat(this.http.get("/openai/v1/models/claude-haiku-4-5", "X-Api-Key", ALPHA).status()).isEqualTo(403);
        assertThat(this.http.get("/v1/models/amazon.titan-text-express-v1", "X-Api-Key", ALPHA).status())
            .isEqualTo(200);
        assertThat(this.http.get("/openai/v1/models/titan-text-express", "X-Api-Key", ALPHA).status()).isEqualTo(200);

        // an unrestricted key sees the whole catalog
        assertThat(this.http.get("/v1/models", "X-Api-Key", ADMIN).json().path("count").asInt()).isGreaterThan(30);
    }

    @Test
    void anthropicSurfaceTakesXApiKeyOrBearerAndAnswersInAnthropicsShape() {
        String claude = "{\"model\":\"claude-haiku-4-5-20251001\",\"max_tokens\":8,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        GatewayHttp.Response viaApiKey = this.http.post("/anthropic/v1/messages", claude, "x-api-key", ADMIN);
        assertThat(viaApiKey.status()).as(viaApiKey.body()).isEqualTo(200);
        GatewayHttp.Response viaBearer = this.http.post("/anthropic/v1/messages", claude, "Authorization",
                "Bearer " + ADMIN);
        assertThat(viaBearer.status()).as(viaBearer.body()).isEqualTo(200);

        GatewayHttp.Response unknown = this.http.post("/anthropic/v1/messages", claude, "x-api-key",
                "unknown-key-for-security-tests-0123456789");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().path("error").path("type").asString()).isEqualTo("authentication_error");
        assertThat(unknown.header("request-id")).isNotBlank();

        GatewayHttp.Response notAllowed = this.http.post("/anthropic/v1/messages", claude, "x-api-key", ALPHA);
        assertThat(notAllowed.status()).isEqualTo(403);
        assertThat(notAllowed.json().path("type").asString()).isEqualTo("error");
        assertThat(notAllowed.json().path("error").path("type").asString()).isEqualTo("permission_error");
        assertThat(this.http.get("/anthropic/v1/models", "x-api-key", ALPHA).json().path("data")).isEmpty();
        assertThat(this.http.get("/anthropic/v1/models").json().path("data").findValuesAsString("id"))
            .containsExactly("claude-haiku-4-5");
    }

    @Test
    void aKeyShorterThan32CharactersIsRefusedEvenIfItsHashIsConfigured() {
        GatewayHttp.Response response = this.http.get("/v1/models", "Authorization", "Bearer " + SHORT);
        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.json().path("code").asString()).isEqualTo("UNAUTHENTICATED");
        assertThat(response.json().path("detail").asString()).contains("32");
        assertThat(this.http.get("/v1/models", "X-Api-Key", ALPHA).status()).isEqualTo(200);
    }

    @Test
    void metricsAreOnTheManagementPortOnlyAndHealthProbesStayOnTheApiPort() {
        assertThat(this.managementPort).isPositive().isNotEqualTo(this.port);
        assertThat(this.environment.getProperty("management.server.address")).isEqualTo("127.0.0.1");

        GatewayHttp.Response apiPrometheus = this.http.get("/actuator/prometheus");
        assertThat(apiPrometheus.status()).isEqualTo(404);
        assertThat(apiPrometheus.body()).doesNotContain("gateway_");
        assertThat(this.http.get("/actuator/metrics").status()).isEqualTo(404);
        assertThat(this.http.get("/actuator/metrics", "X-Api-Key", ADMIN).status()).isEqualTo(404);

        GatewayHttp management = new GatewayHttp(this.managementPort);
        assertThat(management.get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(management.get("/actuator/health").json().path("status").asString()).isEqualTo("UP");

        assertThat(this.http.get("/livez").status()).isEqualTo(200);
        assertThat(this.http.get("/readyz").status()).isEqualTo(200);
    }

    @Test
    void swaggerUiIsOffByDefaultAndTheApiDocsAreServed() {
        assertThat(this.http.get("/swagger-ui.html").status()).isEqualTo(404);
        assertThat(this.http.get("/swagger-ui/index.html").status()).isEqualTo(404);
        assertThat(this.http.get("/v3/api-docs").status()).isEqualTo(200);
    }

    @Test
    void aKeyContinuesOnlyItsOwnStoredResponses() {
        GatewayHttp.Response mine = this.http.post("/openai/v1/responses",
                "{\"model\":\"claude-haiku-4-5\",\"input\":\"What is a lighthouse?\"}", "Authorization", "Bearer " + ADMIN);
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        String next = "{\"model\":\"claude-haiku-4-5\",\"input\":\"and then?\",\"previous_response_id\":\""
                + mine.json().path("id").asString() + "\"}";

        GatewayHttp.Response other = this.http.post("/openai/v1/responses", next);
        assertThat(other.status()).as(other.body()).isEqualTo(400);
        assertThat(other.json().path("error").path("code").asString()).isEqualTo("previous_response_not_found");
        GatewayHttp.Response own = this.http.post("/openai/v1/responses", next, "Authorization", "Bearer " + ADMIN);
        assertThat(own.status()).as(own.body()).isEqualTo(200);
    }
}
