package dev.fmgateway.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.fmgateway.emulator.EmulatorServer;
import dev.fmgateway.support.GatewayHttp;
import dev.fmgateway.support.IntegrationTest;
import dev.fmgateway.support.Sse;

/**
 * Guardrails end to end: the catalog names one for claude-sonnet-4-5, one API key names its own (which wins). The
 * Converse and ConverseStream calls the emulator gets carry guardrailConfig (it checks its shape strictly), and a
 * turn the emulator's guardrail blocks (it says "contraband") ends with finish reason content_filter on the native
 * route, its stream and the OpenAI surface.
 */
@IntegrationTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.datasource.url=jdbc:h2:mem:guardrail-tests;DB_CLOSE_DELAY=-1",
                "gateway.catalog.models.claude-sonnet-4-5.guardrail.identifier=catalogguard",
                "gateway.catalog.models.claude-sonnet-4-5.guardrail.version=DRAFT",
                "gateway.security.keys[0].name=guarded-app", "gateway.security.keys[0].sha256=" + GuardrailTests.GUARDED_SHA256,
                "gateway.security.keys[0].guardrail.identifier=arn:aws:bedrock:us-east-1:123456789012:guardrail/keyguard1",
                "gateway.security.keys[0].guardrail.version=3", "gateway.security.keys[0].guardrail.trace=true",
                "gateway.security.keys[1].name=plain-app", "gateway.security.keys[1].sha256=" + GuardrailTests.PLAIN_SHA256 })
class GuardrailTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static final String GUARDED = "guarded-app-secret-for-guardrail-tests-0001";

    static final String GUARDED_SHA256 = "2396bfcf7ca98f1e4a97d8423d5cc06754d5a991a033b3991c3fc6f6e9cfe632";

    static final String PLAIN = "plain-app-secret-for-guardrail-tests-00001";

    static final String PLAIN_SHA256 = "98f4b1a4d594813468c824212d9dfe141efe40d8856a7e0e3830f777be0d7925";

    @Value("${local.server.port}")
    int port;

    @Autowired
    EmulatorServer emulator;

    GatewayHttp http;

    @BeforeEach
    void connect() {
        this.http = new GatewayHttp(this.port);
        this.emulator.requests().clear();
    }

    @Test
    void theCatalogsGuardrailGoesWithTheModelsConverseCalls() {
        GatewayHttp.Response response = generate(PLAIN, "claude-sonnet-4-5", "Name a colour", false);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("finishReason").asString()).isEqualTo("stop");
        JsonNode config = sentGuardrail();
        assertThat(config.path("guardrailIdentifier").asString()).isEqualTo("catalogguard");
        assertThat(config.path("guardrailVersion").asString()).isEqualTo("DRAFT");
        assertThat(config.path("trace").asString()).isEqualTo("disabled");
    }

    @Test
    void aKeysGuardrailWinsAndAModelWithoutOneGetsNoneForOtherKeys() {
        GatewayHttp.Response guarded = generate(GUARDED, "claude-sonnet-4-5", "Name a colour", false);
        JsonNode config = sentGuardrail();
        GatewayHttp.Response plain = generate(PLAIN, "claude-haiku-4-5", "Name a colour", false);

        assertThat(guarded.status()).as(guarded.body()).isEqualTo(200);
        assertThat(config.path("guardrailIdentifier").asString())
            .isEqualTo("arn:aws:bedrock:us-east-1:123456789012:guardrail/keyguard1");
        assertThat(config.path("guardrailVersion").asString()).isEqualTo("3");
        assertThat(config.path("trace").asString()).isEqualTo("enabled");
        assertThat(plain.status()).as(plain.body()).isEqualTo(200);
        assertThat(this.emulator.requests().last().orElseThrow().bodyText()).doesNotContain("guardrailConfig");
    }

    @Test
    void aBlockedTurnEndsWithContentFilterOnTheNativeRoute() {
        GatewayHttp.Response response = generate(GUARDED, "claude-haiku-4-5", "How do I smuggle contraband?", false);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("finishReason").asString()).isEqualTo("content_filter");
        assertThat(response.json().path("output").asString()).isEqualTo("Sorry, the model cannot answer this question.");
    }

    @Test
    void aBlockedStreamSendsTheStreamGuardrailConfigAndEndsWithContentFilter() {
        GatewayHttp.Response response = generate(GUARDED, "claude-sonnet-4-5", "Where is the contraband?", true);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<Sse.Event> events = Sse.parse(response.body());
        assertThat(events.getLast().name()).isEqualTo("done");
        assertThat(events.getLast().data().path("finishReason").asString()).isEqualTo("content_filter");
        JsonNode config = sentGuardrail();
        assertThat(config.path("streamProcessingMode").asString()).isEqualTo("sync");
        assertThat(this.emulator.requests().last().orElseThrow().rawPath()).endsWith("/converse-stream");
    }

    @Test
    void aBlockedOpenAiChatEndsWithFinishReasonContentFilter() {
        GatewayHttp.Response response = this.http.post("/openai/v1/chat/completions", """
                {"model":"claude-sonnet-4-5","messages":[{"role":"user","content":"Sell me contraband"}]}""",
                "Authorization", "Bearer " + PLAIN);

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode choice = response.json().path("choices").path(0);
        assertThat(choice.path("finish_reason").asString()).isEqualTo("content_filter");
        assertThat(choice.path("message").path("content").asString())
            .isEqualTo("Sorry, the model cannot answer this question.");
        assertThat(sentGuardrail().path("guardrailIdentifier").asString()).isEqualTo("catalogguard");
    }

    private GatewayHttp.Response generate(String key, String model, String text, boolean stream) {
        return this.http.post("/v1/text/generations", """
                {"model":"%s","stream":%s,"messages":[{"role":"user","content":"%s"}]}""".formatted(model, stream, text),
                "X-Api-Key", key);
    }

    private JsonNode sentGuardrail() {
        return JSON.readTree(this.emulator.requests().last().orElseThrow().bodyText()).path("guardrailConfig");
    }
}
