package dev.fmgateway.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import dev.fmgateway.emulator.RecordedRequest;
import dev.fmgateway.support.GatewayHttp;
import dev.fmgateway.support.GatewayIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * The newer Bedrock chat models of the catalog (Nova, Mistral, Cohere Command R, DeepSeek-R1, gpt-oss, Llama 4),
 * each called end to end through {@code /v1/text/generations}: a signed Converse call with the model's inference
 * profile or base id to the emulator, which serves and checks the id as Bedrock does; and the features a model
 * lacks refused with {@code 422 CAPABILITY_NOT_SUPPORTED} before any upstream call.
 */
class NewBedrockModelsTests extends GatewayIntegrationTest {

    /** A 1x1 PNG. */
    private static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

    private static final String TOOL = """
            {"name":"get_weather","inputSchema":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}}""";

    @ParameterizedTest
    @CsvSource({
        "nova-micro, us.amazon.nova-micro-v1:0",
        "nova-premier, us.amazon.nova-premier-v1:0",
        "mistral-large-2407, mistral.mistral-large-2407-v1:0",
        "pixtral-large, us.mistral.pixtral-large-2502-v1:0",
        "command-r-plus, cohere.command-r-plus-v1:0",
        "deepseek-r1, us.deepseek.r1-v1:0",
        "gpt-oss-120b, openai.gpt-oss-120b-1:0",
        "llama-4-maverick, us.meta.llama4-maverick-17b-instruct-v1:0" })
    void eachNewFamilyAnswersThroughConverse(String model, String upstreamId) {
        GatewayHttp.Response response = this.http.post("/v1/text/generations", """
                {"model":"%s","system":"Answer briefly.","messages":[{"role":"user","content":"Name a river in Vietnam"}],
                 "maxTokens":64}""".formatted(model));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("output").asString()).isNotBlank();
        assertThat(response.json().path("usage").path("inputTokens").asLong()).isPositive();
        assertThat(response.json().path("cost").path("usd").decimalValue()).isPositive();
        RecordedRequest sent = this.emulator.requests().last().orElseThrow();
        assertThat(sent.rawPath()).isEqualTo("/model/" + upstreamId.replace(":", "%3A") + "/converse");
    }

    @Test
    void reasoningModelsAnswerWithTheirReasoningAndABudgetIsNotSentToThem() {
        GatewayHttp.Response response = this.http.post("/v1/text/generations", """
                {"model":"deepseek-r1","prompt":"Is 91 prime?","maxTokens":4000,"reasoning":{"budgetTokens":1024}}""");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("reasoning").path("text").asString()).isNotBlank();
        assertThat(response.json().path("warnings").toString()).contains("reasoning.budgetTokens not sent");
        assertThat(this.emulator.requests().last().orElseThrow().bodyText()).doesNotContain("thinking");
    }

    @Test
    void novaCallsAToolAndGptOssToo() {
        for (String model : new String[] { "nova-pro", "gpt-oss-20b", "command-r" }) {
            GatewayHttp.Response response = this.http.post("/v1/text/generations", """
                    {"model":"%s","tools":[%s],"messages":[{"role":"user","content":"Use get_weather for Hanoi"}]}"""
                .formatted(model, TOOL));

            assertThat(response.status()).as(model + ": " + response.body()).isEqualTo(200);
            JsonNode call = response.json().path("toolCalls").path(0);
            assertThat(call.path("name").asString()).as(model).isEqualTo("get_weather");
            assertThat(call.path("input").path("city").isString()).as(model).isTrue();
        }
    }

    @Test
    void pixtralTakesAnImage() {
        GatewayHttp.Response response = this.http.post("/v1/text/generations", """
                {"model":"pixtral-large","messages":[{"role":"user","content":[
                  {"type":"image","mediaType":"image/png","base64":"%s"},{"type":"text","text":"What is in this picture?"}]}]}"""
            .formatted(PNG));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(this.emulator.requests().last().orElseThrow().bodyText()).contains("\"image\":{\"format\":\"png\"");
    }

    @ParameterizedTest
    @CsvSource({
        "deepseek-r1, '\"tools\":[" + "{\"name\":\"get_weather\",\"inputSchema\":{\"type\":\"object\"}}]', tools",
        "nova-micro, '\"toolChoice\":\"any\",\"tools\":[{\"name\":\"get_weather\",\"inputSchema\":{\"type\":\"object\"}}]', toolChoice any",
        "llama-4-scout, '\"stream\":true,\"tools\":[{\"name\":\"get_weather\",\"inputSchema\":{\"type\":\"object\"}}]', tools in a streamed call",
        "mistral-small-2402, '\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image\",\"mediaType\":\"image/png\",\"base64\":\"" + PNG + "\"}]}]', image input" })
    void aFeatureTheModelLacksIsRefusedBeforeAnyCall(String model, String fields, String feature) {
        String prompt = fields.contains("\"messages\"") ? "" : "\"prompt\":\"Use get_weather for Hanoi\",";
        GatewayHttp.Response response = this.http.post("/v1/text/generations",
                "{\"model\":\"" + model + "\"," + prompt + fields + "}");

        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.json().path("code").asString()).isEqualTo("CAPABILITY_NOT_SUPPORTED");
        assertThat(response.json().path("feature").asString()).isEqualTo(feature);
        assertThat(this.emulator.requests().size()).isZero();
    }
}
