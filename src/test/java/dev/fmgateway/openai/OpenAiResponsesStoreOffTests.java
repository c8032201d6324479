package dev.fmgateway.openai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

import dev.fmgateway.support.GatewayHttp;
import dev.fmgateway.support.IntegrationTest;

/**
 * {@code /openai/v1/responses} with storing off ({@code gateway.openai.responses.store-ttl=0}): responses are
 * answered with {@code store: false}, and {@code previous_response_id} and {@code item_reference} are clear 400s
 * before any model call.
 */
@IntegrationTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.datasource.url=jdbc:h2:mem:responses-store-off-tests;DB_CLOSE_DELAY=-1",
                "gateway.openai.responses.store-ttl=0" })
class OpenAiResponsesStoreOffTests {

    @Value("${local.server.port}")
    int port;

    @Test
    void previousResponseIdIsA400WhenStoringIsOff() {
        GatewayHttp http = new GatewayHttp(this.port);
        GatewayHttp.Response first = http.post("/openai/v1/responses",
                "{\"model\":\"claude-haiku-4-5\",\"input\":\"What is a lighthouse?\"}");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("store").asBoolean()).isFalse();

        GatewayHttp.Response next = http.post("/openai/v1/responses",
                "{\"model\":\"claude-haiku-4-5\",\"input\":\"and then?\",\"previous_response_id\":\""
                        + first.json().path("id").asString() + "\"}");
        assertThat(next.status()).as(next.body()).isEqualTo(400);
        assertThat(next.json().path("error").path("code").asString()).isEqualTo("unsupported_parameter");
        assertThat(next.json().path("error").path("param").asString()).isEqualTo("previous_response_id");
        assertThat(next.json().path("error").path("message").asString()).contains("does not store responses");

        GatewayHttp.Response reference = http.post("/openai/v1/responses",
                "{\"model\":\"claude-haiku-4-5\",\"input\":[{\"type\":\"item_reference\",\"id\":\"msg_"
                        + first.json().path("id").asString().substring(5) + "\"}]}");
        assertThat(reference.status()).as(reference.body()).isEqualTo(400);
        assertThat(reference.json().path("error").path("param").asString()).isEqualTo("input");
    }
}
