package dev.fmgateway.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.fmgateway.support.GatewayHttp;
import dev.fmgateway.support.GatewayIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tools, tool results, images, structured output and reasoning on {@code /openai/v1/chat/completions}, over HTTP
 * and through Converse to the emulator.
 */
class OpenAiChatToolsTests extends GatewayIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    private static final String WEATHER = """
            {"type":"function","function":{"name":"get_weather","description":"Weather in a city",
             "parameters":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}}""";

    private GatewayHttp.Response chat(String body) {
        return this.http.post("/openai/v1/chat/completions", body);
    }

    private JsonNode badRequest(GatewayHttp.Response response, String param) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode error = response.json().path("error");
        assertThat(error.path("type").asString()).isEqualTo("invalid_request_error");
        assertThat(error.path("param").asString()).isEqualTo(param);
        return error;
    }

    private JsonNode sent() {
        return JSON.readTree(this.emulator.requests().last().orElseThrow().bodyText());
    }

    @Test
    void aRequiredToolChoiceIsSentAsAnyAndTheCallComesBackAsToolCalls() {
        GatewayHttp.Response response = chat("""
                {"model":"claude-haiku-4-5","messages":[{"role":"user","content":"Weather in Hue?"}],
                 "tools":[%s],"tool_choice":"required"}""".formatted(WEATHER));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode choice = response.json().path("choices").path(0);
        assertThat(choice.path("finish_reason").asString()).isEqualTo("tool_calls");
        JsonNode call = choice.path("message").path("tool_calls").path(0);
        assertThat(call.path("type").asString()).isEqualTo("function");
        assertThat(call.path("id").asString()).isNotBlank();
        assertThat(call.path("function").path("name").asString()).isEqualTo("get_weather");
        assertThat(JSON.readTree(call.path("function").path("arguments").asString()).path("city").isString()).isTrue();
        assertThat(choice.path("message").path("content").isNull()).isTrue();
        JsonNode toolConfig = sent().path("toolConfig");
        assertThat(toolConfig.path("tools").path(0).path("toolSpec").path("name").asString()).isEqualTo("get_weather");
        assertThat(toolConfig.path("toolChoice").has("any")).isTrue();
    }

    @Test
    void assistantToolCallsAndToolMessagesBecomeToolUseAndToolResultBlocks() {
        GatewayHttp.Response response = chat("""
                {"model":"claude-haiku-4-5","tools":[%s],"messages":[
                 {"role":"user","content":"Weather in Hue?"},
                 {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
                  "function":{"name":"get_weather","arguments":"{\\"city\\":\\"Hue\\"}"}}]},
                 {"role":"tool","tool_call_id":"call_1","content":"31 C, sunny"}]}""".formatted(WEATHER));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("choices").path(0).path("finish_reason").asString()).isEqualTo("stop");
        JsonNode messages = sent().path("messages");
        assertThat(messages.path(1).path("content").path(0).path("toolUse").path("toolUseId").asString()).isEqualTo("call_1");
        assertThat(messages.path(1).path("content").path(0).path("toolUse").path("input").path("city").asString())
            .isEqualTo("Hue");
        assertThat(messages.path(2).path("role").asString()).isEqualTo("user");
        assertThat(messages.path(2).path("content").path(0).path("toolResult").path("toolUseId").asString())
            .isEqualTo("call_1");
    }

    @Test
    void badToolInputIsRefusedBeforeAnyCall() {
        JsonNode unknown = badRequest(chat("""
                {"model":"claude-haiku-4-5","messages":[{"role":"user","content":"hi"},
                 {"role":"tool","tool_call_id":"call_nobody","content":"42"}]}"""), "messages");
        assertThat(unknown.path("message").asString()).contains("call_nobody");
        badRequest(chat("""
                {"model":"claude-haiku-4-5","messages":[{"role":"user","content":"hi"},{"role":"tool","content":"42"}]}"""),
                "messages");
        badRequest(chat("""
                {"model":"claude-haiku-4-5","messages":[{"role":"user","content":"hi"}],"tools":[%s],
                 "tool_choice":{"type":"function","function":{"name":"nope"}}}""".formatted(WEATHER)), "tool_choice");
        badRequest(chat("""
                {"model":"claude-haiku-4-5","messages":[{"role":"user","content":"hi"},
                 {"role":"assistant","tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{oops"}}]}]}"""),
                "messages");
        badRequest(chat("""
                {"model":"claude-haiku-4-5","messages":[{"role":"user","content":"hi"}],"reasoning_effort":"extreme"}"""),
                "reasoning_effort");
        assertThat(this.emulator.requests().size()).isZero();
    }

    @Test
    void dataUrlImagesAreSentAsImageBlocksAndRemoteOrFalseImagesRefused() {
        GatewayHttp.Response response = chat("""
                {"model":"claude-haiku-4-5","messages":[{"role":"user","content":[{"type":"text","text":"What is this?"},
                 {"type":"image_url","image_url":{"url":"data:image/png;base64,%s"}}]}]}""".formatted(PNG));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(sent().path("messages").path(0).path("content").path(1).path("image").path("format").asString())
            .isEqualTo("png");
        this.emulator.requests().clear();

        JsonNode remote = badRequest(chat("""
                {"model":"claude-haiku-4-5","messages":[{"role":"user","content":[
                 {"type":"image_url","image_url":{"url":"http://169.254.169.254/latest/meta-data"}}]}]}"""), "messages");
        assertThat(remote.path("message").asString()).contains("does not fetch images from '169.254.169.254'")
            .contains("gateway.openai.image-url-hosts");
        JsonNode lying = badRequest(chat("""
                {"model":"claude-haiku-4-5","messages":[{"role":"user","content":[
                 {"type":"image_url","image_url":{"url":"data:image/jpeg;base64,%s"}}]}]}""".formatted(PNG)), "messages");
        assertThat(lying.path("message").asString()).contains("PNG");
        assertThat(this.emulator.requests().size()).isZero();
    }

    @Test
    void jsonSchemaAndJsonObjectAnswerWithJsonTextAndABadSchemaIsRefused() {
        GatewayHttp.Response response = chat("""
                {"model":"claude-haiku-4-5","messages":[{"role":"user","content":"Describe Hanoi"}],
                 "response_format":{"type":"json_schema","json_schema":{"name":"city","strict":true,"schema":{"type":"object",
                  "properties":{"name":{"type":"string"},"population":{"type":"integer"}},"required":["name","population"],
                  "additionalProperties":false}}}}""");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode choice = response.json().path("choices").path(0);
        assertThat(choice.path("finish_reason").asString()).isEqualTo("stop");
        assertThat(choice.path("message").has("tool_calls")).isFalse();
        JsonNode parsed = JSON.readTree(choice.path("message").path("content").asString());
        assertThat(parsed.path("name").isString()).isTrue();
        assertThat(parsed.path("population").isIntegralNumber()).isTrue();

        GatewayHttp.Response object = chat("""
                {"model":"claude-haiku-4-5","messages":[{"role":"user","content":"Describe Hanoi in JSON"}],
                 "response_format":{"type":"json_object"}}""");
        assertThat(object.status()).as(object.body()).isEqualTo(200);
        assertThat(JSON.readTree(object.json().path("choices").path(0).path("message").path("content").asString())
            .isObject()).isTrue();

        this.emulator.requests().clear();
        badRequest(chat("""
                {"model":"claude-haiku-4-5","messages":[{"role":"user","content":"x"}],
                 "response_format":{"type":"json_schema","json_schema":{"name":"bad","schema":{"type":"object","properties":{"a":{"type":"nonsense"}}}}}}"""),
                "response_format");
        badRequest(chat("""
                {"model":"claude-haiku-4-5","messages":[{"role":"user","content":"x"}],"response_format":{"type":"yaml"}}"""),
                "response_format");
        assertThat(this.emulator.requests().size()).isZero();
    }

    @Test
    void aStreamedToolCallComesAsOpenAiToolCallDeltas() {
        GatewayHttp.Response response = chat("""
                {"model":"claude-haiku-4-5","stream":true,"stream_options":{"include_usage":true},
                 "messages":[{"role":"user","content":"Weather in Hue?"}],"tools":[%s],
                 "tool_choice":{"type":"function","function":{"name":"get_weather"}}}""".formatted(WEATHER));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> chunks = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            if (line.startsWith("data: {")) {
                chunks.add(JSON.readTree(line.substring(6)));
            }
        }
        assertThat(response.body()).endsWith("data: [DONE]\n\n");
        List<JsonNode> toolDeltas = chunks.stream()
            .filter(chunk -> chunk.path("choices").path(0).path("delta").has("tool_calls"))
            .map(chunk -> chunk.path("choices").path(0).path("delta").path("tool_calls").path(0))
            .toList();
        assertThat(toolDeltas).hasSizeGreaterThan(1);
        JsonNode start = toolDeltas.getFirst();
        assertThat(start.path("index").asInt()).isZero();
        assertThat(start.path("id").asString()).isNotBlank();
        assertThat(start.path("type").asString()).isEqualTo("function");
        assertThat(start.path("function").path("name").asString()).isEqualTo("get_weather");
        StringBuilder arguments = new StringBuilder();
        toolDeltas.forEach(delta -> arguments.append(delta.path("function").path("arguments").asString("")));
        assertThat(toolDeltas.subList(1, toolDeltas.size())).allSatisfy(delta -> assertThat(delta.has("id")).isFalse());
        assertThat(JSON.readTree(arguments.toString()).path("city").isString()).isTrue();
        assertThat(chunks.stream().map(chunk -> chunk.path("choices").path(0).path("finish_reason").asString(""))
            .filter(reason -> !reason.isEmpty())).containsExactly("tool_calls");
        assertThat(chunks.getLast().path("usage").path("completion_tokens").asInt()).isPositive();
    }

    @Test
    void reasoningEffortBecomesABudgetAndUsageCarriesReasoningAndCachedTokens() {
        GatewayHttp.Response response = chat("""
                {"model":"claude-haiku-4-5","messages":[{"role":"user","content":"Why is the sky blue?"}],
                 "reasoning_effort":"low"}""");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode sent = sent();
        assertThat(sent.path("additionalModelRequestFields").path("thinking").path("budget_tokens").asInt())
            .isEqualTo(1024);
        assertThat(sent.path("inferenceConfig").path("maxTokens").asInt()).isEqualTo(1024 + ChatTools.ANSWER_TOKENS);
        JsonNode usage = response.json().path("usage");
        assertThat(usage.path("completion_tokens_details").path("reasoning_tokens").asInt()).isPositive();
        assertThat(usage.path("prompt_tokens_details").path("cached_tokens").isNumber()).isTrue();
        assertThat(usage.path("total_tokens").asInt())
            .isEqualTo(usage.path("prompt_tokens").asInt() + usage.path("completion_tokens").asInt());
    }
}
