package dev.fmgateway.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import dev.fmgateway.emulator.FaultRule;
import dev.fmgateway.support.GatewayHttp;
import dev.fmgateway.support.GatewayIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The OpenAI-compatible routes over real HTTP: OpenAI's shapes in and out, the gateway's chain in between. */
class OpenAiRoutesTests extends GatewayIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonNode error(GatewayHttp.Response response, int status, String type, String code, String param) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode error = response.json().path("error");
        assertThat(error.path("type").asString()).isEqualTo(type);
        assertThat(error.path("code").asString()).isEqualTo(code);
        if (param == null) {
            assertThat(error.path("param").isNull()).isTrue();
        }
        else {
            assertThat(error.path("param").asString()).isEqualTo(param);
        }
        assertThat(error.path("message").asString()).isNotBlank();
        return error;
    }

    @Test
    void chatCompletionWithSystemMessageAndExtraSdkFields() {
        GatewayHttp.Response response = this.http.post("/openai/v1/chat/completions", """
                {"model":"claude-haiku-4-5","messages":[{"role":"system","content":"Answer briefly."},
                 {"role":"user","content":[{"type":"text","text":"Name three colours"}]}],
                 "max_completion_tokens":100,"temperature":0.2,"stop":"THE END","user":"u-1","seed":7,"store":false}""");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("object").asString()).isEqualTo("chat.completion");
        assertThat(body.path("id").asString()).startsWith("chatcmpl-");
        assertThat(body.path("model").asString()).isEqualTo("claude-haiku-4-5");
        JsonNode choice = body.path("choices").path(0);
        assertThat(choice.path("message").path("role").asString()).isEqualTo("assistant");
        assertThat(choice.path("message").path("content").asString()).isNotBlank();
        assertThat(choice.path("finish_reason").asString()).isEqualTo("stop");
        JsonNode usage = body.path("usage");
        assertThat(usage.path("total_tokens").asLong())
            .isEqualTo(usage.path("prompt_tokens").asLong() + usage.path("completion_tokens").asLong())
            .isPositive();
        assertThat(response.header("X-Gateway-Cost-USD")).isNotNull();
        String sent = this.emulator.requests().last().orElseThrow().bodyText();
        assertThat(sent).contains("\"system\":[{\"text\":\"Answer briefly.\"}]").contains("\"maxTokens\":100")
            .contains("THE END");
    }

    @Test
    void nChoicesAreSeparateCalls() {
        GatewayHttp.Response response = this.http.post("/openai/v1/chat/completions", """
                {"model":"titan-text-express","messages":[{"role":"user","content":"hello"}],"n":2,"max_tokens":10}""");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("choices")).hasSize(2);
        assertThat(response.json().path("choices").path(1).path("index").asInt()).isEqualTo(1);
        assertThat(this.emulator.requests().size()).isEqualTo(2);
    }

    @Test
    void streamingChatSendsChunksFinishUsageAndDone() {
        GatewayHttp.Response response = this.http.post("/openai/v1/chat/completions", """
                {"model":"claude-sonnet-4-5","messages":[{"role":"user","content":"Tell me about lighthouses"}],
                 "stream":true,"stream_options":{"include_usage":true},"max_tokens":60}""");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/event-stream");
        List<String> data = dataLines(response.body());
        assertThat(data.getLast()).isEqualTo("[DONE]");
        List<JsonNode> chunks = data.subList(0, data.size() - 1).stream().map(JSON::readTree).toList();
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.path("object").asString()).isEqualTo("chat.completion.chunk"));
        assertThat(chunks.getFirst().path("choices").path(0).path("delta").path("role").asString()).isEqualTo("assistant");
        StringBuilder text = new StringBuilder();
        chunks.forEach(chunk -> text.append(chunk.path("choices").path(0).path("delta").path("content").asString("")));
        assertThat(text.toString()).isNotBlank();
        JsonNode finish = chunks.get(chunks.size() - 2);
        assertThat(finish.path("choices").path(0).path("finish_reason").asString()).isIn("stop", "length");
        JsonNode usage = chunks.getLast();
        assertThat(usage.path("choices")).isEmpty();
        assertThat(usage.path("usage").path("completion_tokens").asLong()).isPositive();
        assertThat(chunks.size()).isGreaterThan(3);
    }

    @Test
    void completionsWithEchoAndAStream() {
        GatewayHttp.Response plain = this.http.post("/openai/v1/completions",
                "{\"model\":\"llama-3-1-8b\",\"prompt\":[\"Once upon a time\"],\"max_tokens\":20,\"echo\":true}");
        assertThat(plain.status()).as(plain.body()).isEqualTo(200);
        assertThat(plain.json().path("object").asString()).isEqualTo("text_completion");
        assertThat(plain.json().path("choices").path(0).path("text").asString()).startsWith("Once upon a time")
            .hasSizeGreaterThan("Once upon a time".length());

        GatewayHttp.Response streamed = this.http.post("/openai/v1/completions",
                "{\"model\":\"titan-text-express\",\"prompt\":\"Once upon a time\",\"max_tokens\":20,\"stream\":true}");
        List<String> data = dataLines(streamed.body());
        assertThat(data.getLast()).isEqualTo("[DONE]");
        assertThat(JSON.readTree(data.getFirst()).path("choices").path(0).path("text").asString()).isNotEmpty();
    }

    @Test
    void embeddingsAsFloatsAndAsLittleEndianBase64() {
        GatewayHttp.Response floats = this.http.post("/openai/v1/embeddings",
                "{\"model\":\"titan-embed-text-v2\",\"input\":[\"red apples\",\"green pears\"],\"dimensions\":256}");
        GatewayHttp.Response base64 = this.http.post("/openai/v1/embeddings",
                "{\"model\":\"titan-embed-text-v2\",\"input\":\"red apples\",\"dimensions\":256,\"encoding_format\":\"base64\"}");

        assertThat(floats.status()).as(floats.body()).isEqualTo(200);
        JsonNode body = floats.json();
        assertThat(body.path("object").asString()).isEqualTo("list");
        assertThat(body.path("data")).hasSize(2);
        assertThat(body.path("data").path(0).path("object").asString()).isEqualTo("embedding");
        assertThat(body.path("usage").path("prompt_tokens").asLong()).isPositive();
        JsonNode vector = body.path("data").path(0).path("embedding");
        assertThat(vector).hasSize(256);

        ByteBuffer bytes = ByteBuffer.wrap(Base64.getDecoder()
            .decode(base64.json().path("data").path(0).path("embedding").asString())).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(bytes.remaining()).isEqualTo(256 * 4);
        double norm = 0;
        for (int i = 0; i < 256; i++) {
            float value = bytes.getFloat();
            assertThat(value).isEqualTo(vector.path(i).floatValue());
            norm += value * value;
        }
        assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
    }

    @Test
    void imagesAsBase64Png() throws Exception {
        GatewayHttp.Response response = this.http.post("/openai/v1/images/generations",
                "{\"model\":\"titan-image-v1\",\"prompt\":\"a lighthouse\",\"n\":2,\"size\":\"512x512\",\"response_format\":\"b64_json\"}");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("created").asLong()).isPositive();
        assertThat(response.json().path("data")).hasSize(2);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                Base64.getDecoder().decode(response.json().path("data").path(0).path("b64_json").asString())));
        assertThat(image.getWidth()).isEqualTo(512);

        error(this.http.post("/openai/v1/images/generations",
                "{\"model\":\"titan-image-v1\",\"prompt\":\"a lighthouse\",\"response_format\":\"url\"}"), 400,
                "invalid_request_error", "unsupported_parameter", "response_format");
        error(this.http.post("/openai/v1/images/generations",
                "{\"model\":\"titan-image-v1\",\"prompt\":\"a lighthouse\",\"size\":\"100x100\"}"), 400,
                "invalid_request_error", "invalid_request", "size");
    }

    @Test
    void modelsInOpenAiListShape() {
        JsonNode list = this.http.get("/openai/v1/models").json();
        assertThat(list.path("object").asString()).isEqualTo("list");
        assertThat(list.path("data").findValuesAsString("id")).contains("claude-haiku-4-5", "titan-embed-text-v2");
        JsonNode one = this.http.get("/openai/v1/models/claude-haiku-4-5").json();
        assertThat(one.path("object").asString()).isEqualTo("model");
        assertThat(one.path("owned_by").asString()).isEqualTo("Anthropic");
        error(this.http.get("/openai/v1/models/gpt-4o"), 404, "not_found_error", "model_not_found", "model");
        error(this.http.get("/openai/v1/assistants"), 404, "not_found_error", "route_not_found", null);
    }

    @Test
    void errorsInOpenAiShapeWithTheGatewayStatus() {
        error(this.http.post("/openai/v1/chat/completions",
                "{\"model\":\"gpt-4o\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"), 404, "not_found_error",
                "model_not_found", "model");
        error(this.http.post("/openai/v1/chat/completions", """
                {"model":"claude-haiku-4-5","messages":[{"role":"user","content":"hi"}],
                 "tools":[{"type":"function","function":{"name":"f","parameters":{"type":"string"}}}]}"""), 400,
                "invalid_request_error", "invalid_request", "tools");
        error(this.http.post("/openai/v1/chat/completions",
                "{\"model\":\"claude-haiku-4-5\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"max_tokens\":999999}"),
                400, "invalid_request_error", "invalid_request", "max_tokens");
        error(this.http.post("/openai/v1/chat/completions",
                "{\"model\":\"claude-haiku-4-5\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"n\":2,\"stream\":true}"),
                400, "invalid_request_error", "unsupported_parameter", "n");
        error(this.http.post("/openai/v1/embeddings", "{\"model\":\"claude-haiku-4-5\",\"input\":\"hi\"}"), 422,
                "invalid_request_error", "capability_not_supported", "model");
        error(this.http.post("/openai/v1/embeddings", "{\"model\":\"titan-embed-text-v2\",\"input\":[[1,2,3]]}"), 400,
                "invalid_request_error", "unsupported_parameter", "input");
        error(this.http.post("/openai/v1/chat/completions", "{\"model\": "), 400, "invalid_request_error",
                "invalid_json", null);
        assertThat(this.emulator.requests().size()).isZero();
    }

    @Test
    void upstreamThrottlingIsA429RateLimitErrorWithRetryAfter() {
        this.emulator.faults().add(FaultRule.of(FaultRule.Kind.THROTTLE).forTarget("amazon.titan-text-lite-v1"));

        GatewayHttp.Response response = this.http.post("/openai/v1/chat/completions",
                "{\"model\":\"titan-text-lite\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");

        error(response, 429, "rate_limit_error", "upstream_throttled", null);
        assertThat(response.header("Retry-After")).isNotNull();
    }

    @Test
    void textPartsOfOneMessageReachTheModelAsSeparateBlocks() {
        GatewayHttp.Response response = this.http.post("/openai/v1/chat/completions", """
                {"model":"claude-haiku-4-5","messages":[{"role":"user","content":[
                 {"type":"text","text":"lighthouses"},{"type":"text","text":"harbours too"}]}]}""");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode content = JSON.readTree(this.emulator.requests().last().orElseThrow().bodyText())
            .path("messages").path(0).path("content");
        assertThat(content.findValuesAsString("text")).containsExactly("lighthouses", "harbours too");
    }

    @Test
    void aMissingPromptNamesTheMissingField() {
        for (String body : List.of("{\"model\":\"claude-haiku-4-5\",\"messages\":[]}",
                "{\"model\":\"claude-haiku-4-5\"}")) {
            JsonNode error = error(this.http.post("/openai/v1/chat/completions", body), 400, "invalid_request_error",
                    "invalid_request", "messages");
            assertThat(error.path("message").asString()).contains("messages").doesNotContain("not both")
                .doesNotContain("promptOrMessages");
        }
        JsonNode error = error(this.http.post("/openai/v1/completions", "{\"model\":\"claude-haiku-4-5\"}"), 400,
                "invalid_request_error", "invalid_request", "prompt");
        assertThat(error.path("message").asString()).contains("prompt").doesNotContain("messages");
        assertThat(this.emulator.requests().size()).isZero();
    }

    @Test
    void frameworkDefaultsForToolsAreAccepted() {
        GatewayHttp.Response response = this.http.post("/openai/v1/chat/completions", """
                {"model":"claude-haiku-4-5","messages":[{"role":"user","content":"hi"}],
                 "tools":[],"tool_choice":"none","parallel_tool_calls":false}""");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(this.http.post("/openai/v1/chat/completions", """
                {"model":"claude-haiku-4-5","messages":[{"role":"user","content":"hi"}],"tools":[]}""").status())
            .isEqualTo(200);
        // tools other than functions are refused by name
        error(this.http.post("/openai/v1/chat/completions", """
                {"model":"claude-haiku-4-5","messages":[{"role":"user","content":"hi"}],
                 "tools":[{"type":"web_search"}],"tool_choice":"none"}"""), 400,
                "invalid_request_error", "unsupported_parameter", "tools");
    }

    @Test
    void idFieldsHaveALengthLimit() {
        String longId = "m".repeat(300);
        String chat = "{\"model\":\"%s\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]%s}";
        JsonNode error = error(this.http.post("/openai/v1/chat/completions", chat.formatted(longId, "")), 400,
                "invalid_request_error", "invalid_request", "model");
        assertThat(error.path("message").asString()).doesNotContain(longId);
        error(this.http.post("/openai/v1/chat/completions",
                chat.formatted("claude-haiku-4-5", ",\"user\":\"" + longId + "\"")), 400, "invalid_request_error",
                "invalid_request", "user");
        error(this.http.post("/openai/v1/chat/completions",
                chat.formatted("claude-haiku-4-5", ",\"region\":\"" + longId + "\"")), 400, "invalid_request_error",
                "invalid_request", "region");
        error(this.http.post("/openai/v1/completions", "{\"model\":\"" + longId + "\",\"prompt\":\"hi\"}"), 400,
                "invalid_request_error", "invalid_request", "model");
        error(this.http.post("/openai/v1/embeddings", "{\"model\":\"" + longId + "\",\"input\":\"hi\"}"), 400,
                "invalid_request_error", "invalid_request", "model");
        error(this.http.post("/openai/v1/embeddings",
                "{\"model\":\"titan-embed-text-v2\",\"input\":\"hi\",\"user\":\"" + longId + "\"}"), 400,
                "invalid_request_error", "invalid_request", "user");
        error(this.http.post("/openai/v1/images/generations",
                "{\"model\":\"" + longId + "\",\"prompt\":\"a lighthouse\"}"), 400, "invalid_request_error",
                "invalid_request", "model");
        error(this.http.post("/openai/v1/images/generations",
                "{\"model\":\"titan-image-v1\",\"prompt\":\"a lighthouse\",\"region\":\"" + longId + "\"}"), 400,
                "invalid_request_error", "invalid_request", "region");
        error(this.http.get("/openai/v1/models/" + longId), 400, "invalid_request_error", "invalid_request", "model");
        assertThat(this.emulator.requests().size()).isZero();
    }

    @Test
    void unknownRoutesUnderOpenAiAnswerInOpenAiShape() {
        JsonNode error = error(this.http.get("/openai/models"), 404, "not_found_error", "route_not_found", null);
        assertThat(error.path("message").asString()).doesNotContain("static resource");
    }

    static List<String> dataLines(String body) {
        List<String> data = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.startsWith("data: ")) {
                data.add(line.substring("data: ".length()));
            }
        }
        return data;
    }
}
