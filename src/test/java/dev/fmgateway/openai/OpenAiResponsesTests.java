package dev.fmgateway.openai;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

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
        assertThat(previous.json().path("error").path("code").asString()).isEqualTo("previous_response_not_found");
        assertThat(previous.json().path("error").path("message").asString())
            .isEqualTo("Previous response with id 'resp_1' not found.");
        assertThat(this.emulator.requests().size()).isZero();
    }

    private static final String WEATHER = """
            [{"type":"function","name":"get_weather","parameters":{"type":"object",
              "properties":{"city":{"type":"string"}},"required":["city"]}}]""";

    @Autowired
    private DataSource dataSource;

    @Autowired
    private ResponseStore store;

    @Test
    void aToolLoopContinuesWithoutSendingTheToolsAgain() {
        GatewayHttp.Response first = create("""
                {"model":"claude-haiku-4-5","input":"Use get_weather for Hanoi","tools":%s}""".formatted(WEATHER));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode call = first.json().path("output").path(0);

        // OpenAI does not carry tools over and accepts this; Converse refuses tool blocks without a toolConfig.
        GatewayHttp.Response second = create("""
                {"model":"claude-haiku-4-5","previous_response_id":"%s",
                 "input":[{"type":"function_call_output","call_id":"%s","output":"31 C"}]}"""
            .formatted(first.json().path("id").asString(), call.path("call_id").asString()));

        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().path("output").path(0).path("type").asString()).isEqualTo("message");
        JsonNode tools = JSON.readTree(this.emulator.requests().last().orElseThrow().bodyText()).path("toolConfig")
            .path("tools");
        assertThat(tools.size()).isEqualTo(1);
        assertThat(tools.path(0).path("toolSpec").path("name").asString()).isEqualTo("get_weather");
    }

    @Test
    void aToolLoopContinuesFromTheStoredResponseWithOnlyTheFunctionCallOutput() {
        GatewayHttp.Response first = create("""
                {"model":"claude-haiku-4-5","instructions":"Answer briefly.","input":"Use get_weather for Hanoi",
                 "tools":%s}""".formatted(WEATHER));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("store").asBoolean()).isTrue();
        JsonNode call = first.json().path("output").path(0);
        assertThat(call.path("type").asString()).isEqualTo("function_call");

        GatewayHttp.Response second = create("""
                {"model":"claude-haiku-4-5","previous_response_id":"%s","tools":%s,
                 "input":[{"type":"function_call_output","call_id":"%s","output":"31 C"}]}"""
            .formatted(first.json().path("id").asString(), WEATHER, call.path("call_id").asString()));

        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().path("previous_response_id").asString()).isEqualTo(first.json().path("id").asString());
        assertThat(second.json().path("output").path(0).path("type").asString()).isEqualTo("message");
        JsonNode sent = JSON.readTree(this.emulator.requests().last().orElseThrow().bodyText());
        JsonNode messages = sent.path("messages");
        assertThat(messages.size()).isEqualTo(3);
        assertThat(messages.path(0).path("content").path(0).path("text").asString()).isEqualTo("Use get_weather for Hanoi");
        assertThat(messages.path(1).path("content").path(0).path("toolUse").path("toolUseId").asString())
            .isEqualTo(call.path("call_id").asString());
        assertThat(messages.path(2).path("content").path(0).path("toolResult").path("toolUseId").asString())
            .isEqualTo(call.path("call_id").asString());
        assertThat(sent.has("system")).as("instructions are not carried over").isFalse();
    }

    @Test
    void reasoningComesBackWithItsSignatureWhenAToolTurnContinuesAStoredResponse() {
        GatewayHttp.Response first = create("""
                {"model":"claude-haiku-4-5","input":"Use get_weather for Hue","tools":%s,
                 "reasoning":{"effort":"low"}}""".formatted(WEATHER));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("output").path(0).path("type").asString()).isEqualTo("reasoning");
        JsonNode call = first.json().path("output").path(1);
        assertThat(call.path("type").asString()).isEqualTo("function_call");

        GatewayHttp.Response second = create("""
                {"model":"claude-haiku-4-5","previous_response_id":"%s","tools":%s,"reasoning":{"effort":"low"},
                 "input":[{"type":"function_call_output","call_id":"%s","output":"29 C"}]}"""
            .formatted(first.json().path("id").asString(), WEATHER, call.path("call_id").asString()));

        assertThat(second.status()).as(second.body()).isEqualTo(200);
        JsonNode sent = JSON.readTree(this.emulator.requests().last().orElseThrow().bodyText());
        assertThat(sent.path("messages").path(1).path("content").path(0).path("reasoningContent")
            .path("reasoningText").path("signature").asString()).isNotBlank();
    }

    @Test
    void withoutStoringReasoningSignaturesComeBackAsEncryptedContentWhenIncluded() {
        GatewayHttp.Response plain = create("""
                {"model":"claude-haiku-4-5","input":"Why is the sky blue?","reasoning":{"effort":"low"},"store":false}""");
        assertThat(plain.json().path("output").path(0).has("encrypted_content")).isFalse();

        GatewayHttp.Response first = create("""
                {"model":"claude-haiku-4-5","input":"Use get_weather for Hue","tools":%s,"reasoning":{"effort":"low"},
                 "store":false,"include":["reasoning.encrypted_content"]}""".formatted(WEATHER));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode reasoning = first.json().path("output").path(0);
        assertThat(reasoning.path("encrypted_content").asString()).isNotBlank();
        JsonNode call = first.json().path("output").path(1);

        GatewayHttp.Response second = create("""
                {"model":"claude-haiku-4-5","tools":%s,"reasoning":{"effort":"low"},"store":false,
                 "input":[{"role":"user","content":"Use get_weather for Hue"},%s,%s,
                  {"type":"function_call_output","call_id":"%s","output":"29 C"}]}"""
            .formatted(WEATHER, reasoning, call, call.path("call_id").asString()));

        assertThat(second.status()).as(second.body()).isEqualTo(200);
        JsonNode sent = JSON.readTree(this.emulator.requests().last().orElseThrow().bodyText());
        assertThat(sent.path("messages").path(1).path("content").path(0).path("reasoningContent")
            .path("reasoningText").path("signature").asString()).isEqualTo(reasoning.path("encrypted_content").asString());
    }

    @Test
    void itemReferencesNameOutputItemsOfStoredResponses() {
        GatewayHttp.Response first = create("""
                {"model":"claude-haiku-4-5","input":"Use get_weather for Hanoi","tools":%s}""".formatted(WEATHER));
        JsonNode call = first.json().path("output").path(0);
        assertThat(call.path("id").asString()).startsWith("fc_");

        GatewayHttp.Response second = create("""
                {"model":"claude-haiku-4-5","tools":%s,"input":[{"role":"user","content":"Use get_weather for Hanoi"},
                 {"type":"item_reference","id":"%s"},{"type":"function_call_output","call_id":"%s","output":"31 C"}]}"""
            .formatted(WEATHER, call.path("id").asString(), call.path("call_id").asString()));
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().path("output").path(0).path("type").asString()).isEqualTo("message");

        GatewayHttp.Response unknown = create("""
                {"model":"claude-haiku-4-5","input":[{"type":"item_reference","id":"msg_0123456789abcdef0123456789abcdef"}]}""");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.json().path("error").path("code").asString()).isEqualTo("previous_response_not_found");
    }

    @Test
    void storeFalseIsAnsweredButNotKept() {
        GatewayHttp.Response first = create("""
                {"model":"claude-haiku-4-5","input":"What is a lighthouse?","store":false}""");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("store").asBoolean()).isFalse();

        GatewayHttp.Response next = create("""
                {"model":"claude-haiku-4-5","input":"and then?","previous_response_id":"%s"}"""
            .formatted(first.json().path("id").asString()));
        assertThat(next.status()).as(next.body()).isEqualTo(400);
        assertThat(next.json().path("error").path("code").asString()).isEqualTo("previous_response_not_found");
        assertThat(rows(first.json().path("id").asString())).isZero();
    }

    @Test
    void aStreamedResponseIsStoredOnceCompleted() {
        GatewayHttp.Response streamed = create("""
                {"model":"claude-haiku-4-5","input":"Use get_weather for Hanoi","stream":true,"tools":%s}"""
            .formatted(WEATHER));
        JsonNode completed = events(streamed.body()).getLast().path("response");
        assertThat(completed.path("store").asBoolean()).isTrue();
        JsonNode call = completed.path("output").path(0);

        GatewayHttp.Response next = create("""
                {"model":"claude-haiku-4-5","previous_response_id":"%s","tools":%s,"stream":true,
                 "input":[{"type":"function_call_output","call_id":"%s","output":"31 C"}]}"""
            .formatted(completed.path("id").asString(), WEATHER, call.path("call_id").asString()));
        JsonNode answer = events(next.body()).getLast();
        assertThat(answer.path("type").asString()).as(next.body()).isEqualTo("response.completed");
        assertThat(answer.path("response").path("output").path(0).path("type").asString()).isEqualTo("message");
    }

    @Test
    void anExpiredResponseIsNotFoundAndTheSweepDeletesIt() {
        GatewayHttp.Response first = create("""
                {"model":"claude-haiku-4-5","input":"What is a lighthouse?"}""");
        String id = first.json().path("id").asString();
        assertThat(rows(id)).isOne();
        new JdbcTemplate(this.dataSource).update("UPDATE openai_response SET expires_at = ? WHERE response_id = ?",
                OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1), id);

        GatewayHttp.Response next = create("""
                {"model":"claude-haiku-4-5","input":"and then?","previous_response_id":"%s"}""".formatted(id));
        assertThat(next.status()).as(next.body()).isEqualTo(400);
        assertThat(next.json().path("error").path("code").asString()).isEqualTo("previous_response_not_found");
        assertThat(this.store.sweep()).isPositive();
        assertThat(rows(id)).isZero();
    }

    private int rows(String id) {
        Integer rows = new JdbcTemplate(this.dataSource)
            .queryForObject("SELECT COUNT(*) FROM openai_response WHERE response_id = ?", Integer.class, id);
        return rows == null ? 0 : rows;
    }
}
