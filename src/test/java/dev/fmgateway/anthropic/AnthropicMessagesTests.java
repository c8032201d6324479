package dev.fmgateway.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.fmgateway.emulator.FaultRule;
import dev.fmgateway.support.GatewayHttp;
import dev.fmgateway.support.GatewayIntegrationTest;

/**
 * The Anthropic Messages surface over real HTTP: Anthropic's body in, the Claude Messages InvokeModel body out to the
 * emulator (signed by the gateway), Anthropic's message, SSE events and errors back.
 */
class AnthropicMessagesTests extends GatewayIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String WEATHER_TOOL = """
            {"name":"get_weather","description":"Weather in a city",
             "input_schema":{"type":"object","properties":{"city":{"type":"string"},
               "unit":{"type":"string","enum":["celsius","fahrenheit"]},"days":{"type":"integer","minimum":1}},
               "required":["city","unit"]},"cache_control":{"type":"ephemeral"}}""";

    @Test
    void plainMessageWithDatedNameGoesToBedrockAsTheClaudeMessagesBody() {
        GatewayHttp.Response response = this.http.post("/anthropic/v1/messages?beta=true", """
                {"model":"claude-sonnet-4-5-20250929","max_tokens":200,"stream":false,
                 "system":[{"type":"text","text":"Be brief.","cache_control":{"type":"ephemeral"}}],
                 "metadata":{"user_id":"u-1"},
                 "messages":[{"role":"user","content":"Name three colours"}]}""",
                "anthropic-version", "2023-06-01",
                "anthropic-beta", "claude-code-20250219,interleaved-thinking-2025-05-14");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode message = response.json();
        assertThat(message.path("type").asString()).isEqualTo("message");
        assertThat(message.path("role").asString()).isEqualTo("assistant");
        assertThat(message.path("model").asString()).isEqualTo("claude-sonnet-4-5-20250929");
        assertThat(message.path("content").path(0).path("type").asString()).isEqualTo("text");
        assertThat(message.path("content").path(0).path("text").asString()).isNotBlank();
        assertThat(message.path("stop_reason").asString()).isEqualTo("end_turn");
        assertThat(message.path("usage").path("input_tokens").asLong()).isPositive();
        assertThat(response.header("X-Gateway-Model")).isEqualTo("claude-sonnet-4-5");
        assertThat(response.header("X-Gateway-Region")).isNotBlank();
        assertThat(response.header("X-Gateway-Output-Tokens"))
            .isEqualTo(Long.toString(message.path("usage").path("output_tokens").asLong()));
        assertThat(response.header("X-Request-Id")).isNotBlank().isEqualTo(response.header("request-id"));

        var sent = this.emulator.requests().last().orElseThrow();
        assertThat(sent.rawPath()).contains("/model/us.anthropic.claude-sonnet-4-5-20250929-v1").endsWith("/invoke");
        JsonNode body = JSON.readTree(sent.bodyText());
        assertThat(body.has("model")).isFalse();
        assertThat(body.has("stream")).isFalse();
        assertThat(body.has("metadata")).isFalse();
        assertThat(body.path("anthropic_version").asString()).isEqualTo("bedrock-2023-05-31");
        assertThat(body.path("anthropic_beta").valueStream().map(JsonNode::asString).toList())
            .containsExactly("interleaved-thinking-2025-05-14");
        assertThat(body.path("system").path(0).path("cache_control").path("type").asString()).isEqualTo("ephemeral");
    }

    @Test
    void streamedMessageIsAnthropicSse() {
        GatewayHttp.Response response = this.http.post("/anthropic/v1/messages", """
                {"model":"claude-haiku-4-5","max_tokens":100,"stream":true,
                 "messages":[{"role":"user","content":"Tell me about rivers"}]}""", "x-api-key", "ignored-open-gw");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/event-stream");
        assertThat(response.header("X-Gateway-Model")).isEqualTo("claude-haiku-4-5");
        List<String[]> events = events(response.body());
        assertThat(events.stream().map(e -> e[0]).distinct().toList()).containsExactly("message_start",
                "content_block_start", "content_block_delta", "content_block_stop", "message_delta", "message_stop");
        for (String[] event : events) {
            assertThat(JSON.readTree(event[1]).path("type").asString()).isEqualTo(event[0]);
            assertThat(event[1]).doesNotContain("amazon-bedrock-invocationMetrics");
        }
        assertThat(JSON.readTree(events.getFirst()[1]).path("message").path("model").asString())
            .isEqualTo("claude-haiku-4-5");
        assertThat(this.emulator.requests().last().orElseThrow().rawPath()).endsWith("/invoke-with-response-stream");
    }

    @Test
    void toolUseLoopPlainAndStreamed() {
        GatewayHttp.Response first = this.http.post("/anthropic/v1/messages", """
                {"model":"claude-opus-4-1","max_tokens":300,"tools":[%s],
                 "messages":[{"role":"user","content":"Use get_weather for Hanoi"}]}""".formatted(WEATHER_TOOL));

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("stop_reason").asString()).isEqualTo("tool_use");
        JsonNode use = first.json().path("content").path(0);
        assertThat(use.path("type").asString()).isEqualTo("tool_use");
        assertThat(use.path("name").asString()).isEqualTo("get_weather");
        assertThat(use.path("input").path("city").isString()).isTrue();
        assertThat(use.path("input").path("unit").asString()).isEqualTo("celsius");

        GatewayHttp.Response second = this.http.post("/anthropic/v1/messages", """
                {"model":"claude-opus-4-1","max_tokens":300,"tools":[%s],
                 "messages":[{"role":"user","content":"Use get_weather for Hanoi"},
                  {"role":"assistant","content":[%s]},
                  {"role":"user","content":[{"type":"tool_result","tool_use_id":"%s","content":"31 degrees and sunny"}]}]}"""
            .formatted(WEATHER_TOOL, use, use.path("id").asString()));

        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().path("stop_reason").asString()).isEqualTo("end_turn");
        assertThat(second.json().path("content").path(0).path("type").asString()).isEqualTo("text");

        GatewayHttp.Response streamed = this.http.post("/anthropic/v1/messages", """
                {"model":"claude-opus-4-1","max_tokens":300,"stream":true,"tools":[%s],
                 "tool_choice":{"type":"tool","name":"get_weather"},
                 "messages":[{"role":"user","content":"What should I wear?"}]}""".formatted(WEATHER_TOOL));
        assertThat(streamed.status()).as(streamed.body()).isEqualTo(200);
        StringBuilder json = new StringBuilder();
        for (String[] event : events(streamed.body())) {
            JsonNode data = JSON.readTree(event[1]);
            if (event[0].equals("content_block_start")) {
                assertThat(data.path("content_block").path("type").asString()).isEqualTo("tool_use");
            }
            if (event[0].equals("content_block_delta")) {
                json.append(data.path("delta").path("partial_json").asString());
            }
            if (event[0].equals("message_delta")) {
                assertThat(data.path("delta").path("stop_reason").asString()).isEqualTo("tool_use");
            }
        }
        assertThat(JSON.readTree(json.toString()).path("unit").asString()).isEqualTo("celsius");
    }

    @Test
    void badInputIsAnthropicInvalidRequestWithoutUpstreamCall() {
        error(this.http.post("/anthropic/v1/messages", "{\"model\":\"claude-haiku-4-5\",\"messages\":[]}"), 400,
                "invalid_request_error", "max_tokens");
        error(this.http.post("/anthropic/v1/messages", "{\"max_tokens\":5,\"messages\":[]}"), 400,
                "invalid_request_error", "model");
        error(this.http.post("/anthropic/v1/messages", "{\"model\":\"claude-haiku-4-5\",\"max_tokens\":5}"), 400,
                "invalid_request_error", "messages");
        error(this.http.post("/anthropic/v1/messages", "{\"model\":"), 400, "invalid_request_error", "parsing");
        assertThat(this.emulator.requests().size()).isZero();
    }

    @Test
    void unknownModelNamesTheAliasSettingAndWildcardsResolve() {
        error(this.http.post("/anthropic/v1/messages",
                "{\"model\":\"gpt-4o\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"), 404,
                "not_found_error", "gateway.anthropic.model-aliases");
        error(this.http.post("/anthropic/v1/messages",
                "{\"model\":\"titan-text-express\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"),
                400, "invalid_request_error", "Claude Messages");

        GatewayHttp.Response newer = this.http.post("/anthropic/v1/messages",
                "{\"model\":\"claude-opus-4-9-20270101\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(newer.status()).as(newer.body()).isEqualTo(200);
        assertThat(newer.header("X-Gateway-Model")).isEqualTo("claude-opus-4-1");
        assertThat(newer.json().path("model").asString()).isEqualTo("claude-opus-4-9-20270101");
    }

    @Test
    void upstreamErrorsTakeAnthropicsShapeAndStatus() {
        this.emulator.faults().add(FaultRule.of(FaultRule.Kind.MODEL_ERROR).originalStatusCode(500));
        GatewayHttp.Response failed = this.http.post("/anthropic/v1/messages",
                "{\"model\":\"claude-haiku-4-5\",\"max_tokens\":5,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        error(failed, 502, "api_error", "");
        assertThat(failed.header("X-Gateway-Error-Code")).isEqualTo("UPSTREAM_ERROR");
    }

    @Test
    void midStreamFailureIsAnErrorEvent() {
        this.emulator.faults().add(FaultRule.of(FaultRule.Kind.STREAM_ERROR).afterEvents(3));
        GatewayHttp.Response response = this.http.post("/anthropic/v1/messages", """
                {"model":"claude-haiku-4-5","max_tokens":100,"stream":true,
                 "messages":[{"role":"user","content":"Tell me about rivers and lakes and seas"}]}""");

        assertThat(response.status()).isEqualTo(200);
        List<String[]> events = events(response.body());
        assertThat(events.getFirst()[0]).isEqualTo("message_start");
        String[] last = events.getLast();
        assertThat(last[0]).as(response.body()).isEqualTo("error");
        JsonNode error = JSON.readTree(last[1]);
        assertThat(error.path("type").asString()).isEqualTo("error");
        assertThat(error.path("error").path("type").asString()).isNotBlank();
        assertThat(error.path("request_id").asString()).isNotBlank();
    }

    @Test
    void countTokensAndModels() {
        GatewayHttp.Response count = this.http.post("/anthropic/v1/messages/count_tokens?beta=true", """
                {"model":"claude-3-5-haiku-20241022","system":"Be brief.",
                 "messages":[{"role":"user","content":"Hello there, how are you today?"}]}""");
        assertThat(count.status()).as(count.body()).isEqualTo(200);
        assertThat(count.json().path("input_tokens").asLong()).isPositive();
        assertThat(this.emulator.requests().size()).isZero();

        GatewayHttp.Response list = this.http.get("/anthropic/v1/models?limit=3");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        JsonNode data = list.json().path("data");
        assertThat(data).hasSize(3);
        assertThat(list.json().path("has_more").asBoolean()).isTrue();
        assertThat(list.json().path("first_id").asString()).isEqualTo(data.path(0).path("id").asString());
        assertThat(data.path(0).path("type").asString()).isEqualTo("model");
        assertThat(data.path(0).path("display_name").asString()).isNotBlank();
        assertThat(data.path(0).path("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT00:00:00Z");
        GatewayHttp.Response next = this.http
            .get("/anthropic/v1/models?limit=100&after_id=" + list.json().path("last_id").asString());
        assertThat(next.json().path("data").findValuesAsString("id")).doesNotContainAnyElementsOf(
                data.findValuesAsString("id")).noneMatch(id -> id.startsWith("titan") || id.equals("claude-v2"));

        GatewayHttp.Response one = this.http.get("/anthropic/v1/models/claude-sonnet-4-5-20250929");
        assertThat(one.json().path("id").asString()).isEqualTo("claude-sonnet-4-5");
        assertThat(one.json().path("max_tokens").asInt()).isEqualTo(64000);
        error(this.http.get("/anthropic/v1/models/llama-9"), 404, "not_found_error", "llama-9");
    }

    private static void error(GatewayHttp.Response response, int status, String type, String messagePart) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode body = response.json();
        assertThat(body.path("type").asString()).isEqualTo("error");
        assertThat(body.path("error").path("type").asString()).isEqualTo(type);
        assertThat(body.path("error").path("message").asString()).contains(messagePart);
        assertThat(body.path("request_id").asString()).isNotBlank().isEqualTo(response.header("request-id"));
        assertThat(response.header("X-Request-Id")).isEqualTo(response.header("request-id"));
    }

    /** SSE events as (name, data) pairs. */
    static List<String[]> events(String body) {
        List<String[]> events = new ArrayList<>();
        for (String block : body.split("\n\n")) {
            String name = null;
            String data = null;
            for (String line : block.split("\n")) {
                if (line.startsWith("event: ")) {
                    name = line.substring(7);
                }
                else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                }
            }
            if (name != null && data != null) {
                events.add(new String[] { name, data });
            }
        }
        return events;
    }
}
