package dev.fmgateway.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.fmgateway.emulator.RecordedRequest;
import dev.fmgateway.support.GatewayHttp;
import dev.fmgateway.support.GatewayIntegrationTest;
import dev.fmgateway.support.Sse;
import tools.jackson.databind.JsonNode;

/** Every text family through HTTP, its codec, the SDK and the emulator, plain and streamed. */
class ModelFamilyTextTests extends GatewayIntegrationTest {

    @ParameterizedTest
    @CsvSource({ "claude-haiku-4-5, bedrock, false", "claude-v2-1, bedrock, false", "titan-text-premier, bedrock, false",
            "jurassic-2-mid, bedrock, false", "llama-3-1-8b, bedrock, false", "llama-2-13b-chat, bedrock, false",
            "falcon-7b-instruct, sagemaker, true", "bloom-7b1, sagemaker, true", "gpt-j-6b, sagemaker, true",
            "gpt2-jumpstart, sagemaker, true", "alexatm-20b, sagemaker, true" })
    void generatesWithEveryFamily(String model, String service, boolean estimated) {
        GatewayHttp.Response response = this.http.post("/v1/text/generations", """
                {"model":"%s","system":"Be helpful.","messages":[{"role":"user","content":"Describe the moon in a few words"}],
                 "maxTokens":40}""".formatted(model));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("output").asString()).isNotBlank();
        assertThat(body.path("usage").path("inputTokens").asLong()).isPositive();
        assertThat(body.path("usage").path("outputTokens").asLong()).isPositive();
        assertThat(body.path("usage").path("estimated").asBoolean()).isEqualTo(estimated);
        RecordedRequest sent = this.emulator.requests().last().orElseThrow();
        assertThat(sent.service()).isEqualTo(service);
        if (service.equals("sagemaker")) {
            assertThat(sent.rawPath()).startsWith("/endpoints/").endsWith("/invocations");
            assertThat(body.path("cost").path("usd").decimalValue()).isZero();
            assertThat(body.path("cost").path("note").asString()).contains("instance-hour");
        }
        else {
            assertThat(body.path("cost").path("usd").decimalValue()).isPositive();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "claude-sonnet-4-5", "claude-v2-1", "titan-text-express", "llama-3-3-70b",
            "falcon-7b-instruct", "gpt-j-6b" })
    void streamsDeltasThenDoneWithUsage(String model) {
        GatewayHttp.Response plain = this.http.post("/v1/text/generations",
                "{\"model\":\"%s\",\"prompt\":\"Count the stars in the night sky\",\"maxTokens\":30}".formatted(model));
        GatewayHttp.Response response = this.http.post("/v1/text/generations",
                "{\"model\":\"%s\",\"prompt\":\"Count the stars in the night sky\",\"maxTokens\":30,\"stream\":true}"
                    .formatted(model));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("text/event-stream");
        List<Sse.Event> events = Sse.parse(response.body());
        assertThat(events).hasSizeGreaterThan(2);
        assertThat(events.getLast().name()).isEqualTo("done");
        assertThat(events.subList(0, events.size() - 1)).allSatisfy(e -> assertThat(e.name()).isEqualTo("delta"));
        String streamed = events.stream().filter(e -> e.name().equals("delta"))
            .map(e -> e.data().path("text").asString()).reduce("", String::concat);
        assertThat(streamed).isEqualTo(plain.json().path("output").asString());
        JsonNode done = events.getLast().data();
        assertThat(done.path("usage").path("outputTokens").asLong()).isPositive();
        assertThat(done.path("finishReason").asString()).isEqualTo(plain.json().path("finishReason").asString());
        assertThat(done.path("cost").path("usd").decimalValue())
            .isEqualByComparingTo(plain.json().path("cost").path("usd").decimalValue());
    }
}
