package dev.fmgateway.openai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.fmgateway.support.GatewayHttp;
import dev.fmgateway.support.GatewayIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /openai/v1/responses} over HTTP and through Converse to the emulator. */
class OpenAiResponsesTests extends GatewayIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GatewayHttp.Response create(String body) {
        return this.http.post("/openai/v1/responses", body);
    }

    @Test
    void aStringInputWithInstructionsAnswersAResponseObject() {
        GatewayHttp.Response response = create("""
                {"model":"claude-haiku-4-5","instructions":"Answer briefly.","input":"What is a lighthouse?",
                 "max_output_tokens":80}""");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("object").asString()).isEqualTo("response");
        assertThat(body.path("id").asString()).startsWith("resp_");
        JsonNode message = body.path("output").path(0);
        assertThat(message.path("type").asString()).isEqualTo("message");
        assertThat(message.path("content").path(0).path("type").asString()).isEqualTo("output_text");
        assertThat(message.path("content").path(0).path("text").asString()).isNotBlank();
        assertThat(body.path("usage").path("total_tokens").asInt()).isEqualTo(
                body.path("usage").path("input_tokens").asInt() + body.path("usage").path("output_tokens").asInt());
        JsonNode sent = JSON.readTree(this.emulator.requests().last().orElseThrow().bodyText());
        assertThat(sent.path("system").path(0).path("text").asString()).isEqualTo("Answer briefly.");
        assertThat(sent.path("inferenceConfig").path("maxTokens").asInt()).isEqualTo(80);
    }

    @Test
    void functionCallsAndTheirOutputsMakeAToolLoop() {
        String tools = """
                [{"type":"function","name":"get_weather","parameters":{"type":"object",
                  "properties":{"city":{"type":"string"}},"required":["city"]}}]""";
        GatewayHttp.Response first = create("""
                {"model":"claude-haiku-4-5","input":[{"role":"user","content":[{"type":"input_text","text":"Weather?"}]}],
                 "tools":%s,"tool_choice":"required"}""".formatted(tools));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode call = first.json().path("output").path(0);
        assertThat(call.path("type").asString()).isEqualTo("function_call");
        assertThat(call.path("name").asString()).isEqualTo("get_weather");
        assertThat(JSON.readTree(call.path("arguments").asString()).path("city").isString()).isTrue();

        GatewayHttp.Response second = create("""
                {"model":"claude-haiku-4-5","tools":%s,"input":[{"role":"user","content":"Weather?"},%s,
                 {"type":"function_call_output","call_id":"%s","output":"31 C"}]}"""
            .formatted(tools, call.toString(), call.path("call_id").asString()));
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().path("output").path(0).path("type").asString()).isEqualTo("message");
        JsonNode sent = JSON.readTree(this.emulator.requests().last().orElseThrow().bodyText());
        assertThat(sent.path("messages").path(2).path("content").path(0).path("toolResult").path("toolUseId").asString())
            .isEqualTo(call.path("call_id").asString());
    }

    @Test
    void aStreamIsTheTypedEventsWithSequenceNumbers() {
        GatewayHttp.Response text = create("""
                {"model":"claude-haiku-4-5","input":"Tell me about lighthouses","stream":true,"max_output_tokens":60}""");
        assertThat(text.status()).as(text.body()).isEqualTo(200);
        java.util.List<JsonNode> events = events(text.body());
        java.util.List<String> types = events.stream().map(event -> event.path("type").asString()).distinct().toList();
        assertThat(types).containsExactly("response.created", "response.in_progress", "response.output_item.added",
                "response.content_part.added", "response.output_text.delta", "response.output_text.done",
                "response.content_part.done", "response.output_item.done", "response.completed");
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).path("sequence_number").asInt()).isEqualTo(i);
        }
        StringBuilder deltas = new StringBuilder();
        events.stream().filter(event -> event.path("type").asString().equals("response.output_text.delta"))
            .forEach(event -> deltas.append(event.path("delta").asString()));
        JsonNode completed = events.getLast().path("response");
        assertThat(completed.path("output").path(0).path("content").path(0).path("text").asString())
            .isEqualTo(deltas.toString()).isNotEmpty();
        assertThat(completed.path("usage").path("output_tokens").asInt()).isPositive();

        GatewayHttp.Response tool = create("""
                {"model":"claude-haiku-4-5","input":"Weather?","stream":true,"tool_choice":"required",
                 "tools":[{"type":"function","name":"get_weather","parameters":{"type":"object",
                  "properties":{"city":{"type":"string"}},"required":["city"]}}]}""");
        java.util.List<JsonNode> toolEvents = events(tool.body());
        StringBuilder arguments = new StringBuilder();
        toolEvents.stream().filter(event -> event.path("type").asString().equals("response.function_call_arguments.delta"))
            .forEach(event -> arguments.append(event.path("delta").asString()));
        JsonNode done = toolEvents.stream()
            .filter(event -> event.path("type").asString().equals("response.function_call_arguments.done"))
            .findFirst().orElseThrow();
        assertThat(done.path("arguments").asString()).isEqualTo(arguments.toString());
        assertThat(JSON.readTree(arguments.toString()).path("city").isString()).isTrue();
        assertThat(toolEvents.getLast().path("response").path("output").path(0).path("type").asString())
            .isEqualTo("function_call");
    }

    private static java.util.List<JsonNode> events(String body) {
        java.util.List<JsonNode> events = new java.util.ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.startsWith("data: ")) {
                events.add(JSON.readTree(line.substring(6)));
            }
        }
        return events;
    }

    @Test
    void unknownCallIdsAndPreviousResponseIdAreClear400s() {
        GatewayHttp.Response unknown = create("""
                {"model":"claude-haiku-4-5","input":[{"role":"user","content":"hi"},
                 {"type":"function_call_output","call_id":"call_nobody","output":"1"}]}""");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.json().path("error").path("message").asString()).contains("call_nobody");
        GatewayHttp.Response previous = create("""
                {"model":"claude-haiku-4-5","input":"and then?","previous_response_id":"resp_1"}""");
        assertThat(previous.status()).isEqualTo(400);
        assertThat(previous.json().path("error").path("param").asString()).isEqualTo("previous_response_id");
        assertThat(this.emulator.requests().size()).isZero();
    }
}
