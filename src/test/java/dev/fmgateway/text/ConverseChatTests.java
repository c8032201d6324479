package dev.fmgateway.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import dev.fmgateway.emulator.RecordedRequest;
import dev.fmgateway.support.GatewayHttp;
import dev.fmgateway.support.GatewayIntegrationTest;
import dev.fmgateway.support.Sse;
import tools.jackson.databind.JsonNode;

/**
 * Chat through Converse end to end: HTTP in, a signed Converse / ConverseStream call to the emulator (which checks
 * it as Bedrock does), the typed answer parsed back: a tool loop, a streamed tool call, an image question,
 * structured output, reasoning passed back with its signature, and prompt-cache tokens priced.
 */
class ConverseChatTests extends GatewayIntegrationTest {

    private static final String WEATHER_TOOL = """
            {"name":"get_weather","description":"Current weather in a city",
             "inputSchema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}""";

    @Test
    void aToolLoopCallsTheToolThenAnswersFromItsResult() {
        GatewayHttp.Response first = this.http.post("/v1/text/generations", """
                {"model":"claude-haiku-4-5","tools":[%s],
                 "messages":[{"role":"user","content":"Use get_weather for Hanoi"}]}""".formatted(WEATHER_TOOL));

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("finishReason").asString()).isEqualTo("tool_use");
        JsonNode call = first.json().path("toolCalls").path(0);
        assertThat(call.path("name").asString()).isEqualTo("get_weather");
        assertThat(call.path("input").path("city").isString()).isTrue();
        RecordedRequest sent = this.emulator.requests().last().orElseThrow();
        assertThat(sent.rawPath()).endsWith("/converse");
        assertThat(sent.bodyText()).contains("\"toolSpec\"").contains("\"inputSchema\":{\"json\":");

        GatewayHttp.Response second = this.http.post("/v1/text/generations", """
                {"model":"claude-haiku-4-5","tools":[%s],
                 "messages":[{"role":"user","content":"Use get_weather for Hanoi"},
                   {"role":"assistant","content":[{"type":"toolUse","id":"%s","name":"get_weather","input":%s}]},
                   {"role":"user","content":[{"type":"toolResult","toolUseId":"%s","content":{"tempC":31}}]}]}"""
            .formatted(WEATHER_TOOL, call.path("id").asString(), call.path("input"), call.path("id").asString()));

        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().path("finishReason").asString()).isEqualTo("stop");
        assertThat(second.json().path("output").asString()).contains("tempC");
        assertThat(second.json().has("toolCalls")).isFalse();
        assertThat(this.emulator.requests().last().orElseThrow().bodyText())
            .contains("\"toolResult\":{\"toolUseId\":\"" + call.path("id").asString() + "\"");
    }

    @Test
    void aToolResultForAnUnknownCallOrAnInvalidToolSchemaIsRefusedBeforeAnyCall() {
        GatewayHttp.Response unknown = this.http.post("/v1/text/generations", """
                {"model":"claude-haiku-4-5","tools":[%s],
                 "messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"hello"},
                   {"role":"user","content":[{"type":"toolResult","toolUseId":"tooluse_x","content":"31"}]}]}"""
            .formatted(WEATHER_TOOL));
        GatewayHttp.Response schema = this.http.post("/v1/text/generations", """
                {"model":"claude-haiku-4-5","prompt":"hi",
                 "tools":[{"name":"broken","inputSchema":{"type":"object","properties":{"a":{"type":"strin"}}}}]}""");

        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.body()).contains("tooluse_x").contains("messages[2].content[0].toolUseId");
        assertThat(schema.status()).as(schema.body()).isEqualTo(400);
        assertThat(schema.json().path("fieldErrors").path(0).path("field").asString())
            .isEqualTo("tools[broken].inputSchema");
        assertThat(this.emulator.requests().size()).isZero();
    }

    @Test
    void aStreamedToolCallArrivesAsStartThenInputPiecesAndCompleteInDone() {
        GatewayHttp.Response response = this.http.post("/v1/text/generations", """
                {"model":"claude-sonnet-4-5","stream":true,"tools":[%s],"toolChoice":{"name":"get_weather"},
                 "prompt":"What is it like in Hanoi?"}""".formatted(WEATHER_TOOL));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<Sse.Event> events = Sse.parse(response.body());
        List<Sse.Event> calls = events.stream().filter(e -> e.name().equals("toolCall")).toList();
        assertThat(calls).hasSizeGreaterThanOrEqualTo(3);
        assertThat(calls.getFirst().data().path("index").asInt()).isZero();
        assertThat(calls.getFirst().data().path("name").asString()).isEqualTo("get_weather");
        String input = calls.subList(1, calls.size()).stream().map(e -> e.data().path("inputDelta").asString())
            .reduce("", String::concat);
        JsonNode done = events.getLast().data();
        assertThat(events.getLast().name()).isEqualTo("done");
        assertThat(done.path("finishReason").asString()).isEqualTo("tool_use");
        assertThat(done.path("toolCalls").path(0).path("id").asString())
            .isEqualTo(calls.getFirst().data().path("id").asString());
        assertThat(done.path("toolCalls").path(0).path("input").toString()).isEqualTo(input);
        assertThat(this.emulator.requests().last().orElseThrow().rawPath()).endsWith("/converse-stream");
    }

    @Test
    void anImageQuestionIsSentAsImageBytesAndBadImagesAreRefused() throws IOException {
        String png = Base64.getEncoder().encodeToString(png(32, 16));
        GatewayHttp.Response response = this.http.post("/v1/text/generations", """
                {"model":"claude-sonnet-4-5","messages":[{"role":"user","content":[
                  {"type":"image","mediaType":"image/png","base64":"%s"},{"type":"text","text":"What is in this picture?"}]}]}"""
            .formatted(png));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(this.emulator.requests().last().orElseThrow().bodyText()).contains("\"image\":{\"format\":\"png\"");

        GatewayHttp.Response mislabelled = this.http.post("/v1/text/generations", """
                {"model":"claude-sonnet-4-5","messages":[{"role":"user","content":[
                  {"type":"image","mediaType":"image/jpeg","base64":"%s"}]}]}""".formatted(png));
        GatewayHttp.Response tooWide = this.http.post("/v1/text/generations", """
                {"model":"claude-sonnet-4-5","messages":[{"role":"user","content":[
                  {"type":"image","mediaType":"image/png","base64":"%s"}]}]}"""
            .formatted(Base64.getEncoder().encodeToString(png(8001, 1))));
        GatewayHttp.Response noVision = this.http.post("/v1/text/generations", """
                {"model":"claude-3-5-haiku","messages":[{"role":"user","content":[
                  {"type":"image","mediaType":"image/png","base64":"%s"}]}]}""".formatted(png));

        assertThat(mislabelled.status()).isEqualTo(400);
        assertThat(mislabelled.body()).contains("is a PNG image, not image/jpeg");
        assertThat(tooWide.status()).isEqualTo(400);
        assertThat(tooWide.body()).contains("8001x1");
        assertThat(noVision.status()).isEqualTo(422);
        assertThat(noVision.json().path("feature").asString()).isEqualTo("image input");
    }

    @Test
    void structuredOutputIsParsedAndValidated() {
        GatewayHttp.Response response = this.http.post("/v1/text/generations", """
                {"model":"claude-haiku-4-5","prompt":"Extract the city: I live in Hanoi",
                 "responseFormat":{"name":"city","schema":{"type":"object","properties":{
                   "city":{"type":"string","minLength":3},"country":{"enum":["VN","FR"]}},"required":["city","country"]}}}""");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode parsed = response.json().path("parsed");
        assertThat(parsed.path("country").asString()).isEqualTo("VN");
        assertThat(parsed.path("city").asString()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(response.json().path("output").asString()).isEqualTo(parsed.toString());
        assertThat(response.json().path("finishReason").asString()).isEqualTo("stop");
        assertThat(this.emulator.requests().last().orElseThrow().bodyText())
            .contains("\"toolChoice\":{\"tool\":{\"name\":\"city\"}}");
    }

    @Test
    void structuredOutputThatNeverValidatesIsA502AfterOneRetry() {
        GatewayHttp.Response response = this.http.post("/v1/text/generations", """
                {"model":"claude-haiku-4-5","prompt":"Give a zip code",
                 "responseFormat":{"schema":{"type":"object","properties":{
                   "zip":{"type":"string","pattern":"^[0-9]{5}$"}},"required":["zip"]}}}""");

        assertThat(response.status()).as(response.body()).isEqualTo(502);
        assertThat(response.json().path("code").asString()).isEqualTo("OUTPUT_SCHEMA_MISMATCH");
        assertThat(response.json().path("errors").path(0).asString()).contains("zip");
        assertThat(this.emulator.requests().size()).isEqualTo(2);
    }

    @Test
    void reasoningComesBackSignedAndIsAcceptedOnlyUnchanged() {
        GatewayHttp.Response first = this.http.post("/v1/text/generations", """
                {"model":"claude-sonnet-4-5","maxTokens":4000,"reasoning":{"budgetTokens":2048},"tools":[%s],
                 "prompt":"Call get_weather for Hanoi"}""".formatted(WEATHER_TOOL));

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode reasoning = first.json().path("reasoning");
        assertThat(reasoning.path("text").asString()).isNotBlank();
        assertThat(reasoning.path("signature").asString()).isNotBlank();
        assertThat(first.json().path("usage").path("reasoningTokens").asLong()).isPositive();
        assertThat(this.emulator.requests().last().orElseThrow().bodyText())
            .contains("\"additionalModelRequestFields\":{\"thinking\":{").contains("\"budget_tokens\":2048");
        JsonNode call = first.json().path("toolCalls").path(0);

        String next = """
                {"model":"claude-sonnet-4-5","maxTokens":4000,"reasoning":{"budgetTokens":2048},"tools":[%s],
                 "messages":[{"role":"user","content":"Call get_weather for Hanoi"},
                   {"role":"assistant","content":[{"type":"reasoning","text":%s,"signature":"%s"},
                     {"type":"toolUse","id":"%s","name":"get_weather","input":%s}]},
                   {"role":"user","content":[{"type":"toolResult","toolUseId":"%s","content":"31 C"}]}]}""";
        GatewayHttp.Response kept = this.http.post("/v1/text/generations", next.formatted(WEATHER_TOOL,
                reasoning.path("text"), reasoning.path("signature").asString(), call.path("id").asString(),
                call.path("input"), call.path("id").asString()));
        GatewayHttp.Response tampered = this.http.post("/v1/text/generations", next.formatted(WEATHER_TOOL,
                reasoning.path("text"), "Zm9yZ2Vk", call.path("id").asString(), call.path("input"),
                call.path("id").asString()));

        assertThat(kept.status()).as(kept.body()).isEqualTo(200);
        assertThat(kept.json().path("output").asString()).contains("31");
        assertThat(tampered.status()).as(tampered.body()).isEqualTo(400);
        assertThat(tampered.json().path("code").asString()).isEqualTo("UPSTREAM_VALIDATION");
        assertThat(tampered.body()).contains("signature");
    }

    @Test
    void cacheTokensAreReportedAndPricedAtTheirOwnPrices() {
        String context = "lighthouse ".repeat(1100);
        String body = """
                {"model":"claude-sonnet-4-5","maxTokens":20,"messages":[{"role":"user","content":[
                  {"type":"text","text":"%s"},{"type":"cachePoint"},{"type":"text","text":"Summarise %s"}]}]}""";

        GatewayHttp.Response written = this.http.post("/v1/text/generations", body.formatted(context, "briefly"));
        GatewayHttp.Response read = this.http.post("/v1/text/generations", body.formatted(context, "again"));

        assertThat(written.status()).as(written.body()).isEqualTo(200);
        assertThat(written.json().path("usage").path("cacheWriteTokens").asLong()).isGreaterThanOrEqualTo(1100);
        assertThat(written.header("X-Gateway-Cache-Write-Tokens")).isNotNull();
        JsonNode usage = read.json().path("usage");
        long cached = usage.path("cacheReadTokens").asLong();
        assertThat(cached).isGreaterThanOrEqualTo(1100);
        assertThat(read.header("X-Gateway-Cache-Read-Tokens")).isEqualTo(Long.toString(cached));
        BigDecimal expected = new BigDecimal("0.003").multiply(BigDecimal.valueOf(usage.path("inputTokens").asLong()))
            .add(new BigDecimal("0.015").multiply(BigDecimal.valueOf(usage.path("outputTokens").asLong())))
            .add(new BigDecimal("0.0003").multiply(BigDecimal.valueOf(cached)))
            .divide(BigDecimal.valueOf(1000));
        assertThat(read.json().path("cost").path("usd").decimalValue()).isEqualByComparingTo(expected);
    }

    @Test
    void aResponseFormatWithStreamIsA400BeforeAnyCall() {
        GatewayHttp.Response response = this.http.post("/v1/text/generations", """
                {"model":"claude-sonnet-4-5","prompt":"Name a city","stream":true,
                 "responseFormat":{"schema":{"type":"object","properties":{"city":{"type":"string"}}}}}""");

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().path("fieldErrors").path(0).path("field").asString()).isEqualTo("responseFormat");
        assertThat(response.body()).contains("cannot be combined with stream");
        assertThat(this.emulator.requests().size()).isZero();
    }

    @Test
    void cachePointsForAModelThatCannotCacheAreDroppedWithAWarning() {
        GatewayHttp.Response response = this.http.post("/v1/text/generations", """
                {"model":"claude-3-haiku","messages":[{"role":"user","content":[
                  {"type":"text","text":"Some context"},{"type":"cachePoint"},{"type":"text","text":"Question"}]}]}""");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("warnings").path(0).asString()).contains("cachePoint dropped");
        assertThat(this.emulator.requests().last().orElseThrow().bodyText()).doesNotContain("cachePoint");
    }

    @Test
    void aFeatureTheModelLacksIsA422NamingIt() {
        GatewayHttp.Response response = this.http.post("/v1/text/generations", """
                {"model":"claude-3-haiku","prompt":"hi","reasoning":{"budgetTokens":1024},"maxTokens":2000}""");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().path("code").asString()).isEqualTo("CAPABILITY_NOT_SUPPORTED");
        assertThat(response.json().path("feature").asString()).isEqualTo("reasoning");
        assertThat(this.emulator.requests().size()).isZero();
    }

    private static byte[] png(int width, int height) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }
}
