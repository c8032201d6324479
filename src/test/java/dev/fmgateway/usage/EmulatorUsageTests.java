package dev.fmgateway.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

import dev.fmgateway.support.GatewayHttp;
import dev.fmgateway.support.IntegrationTest;

/**
 * The default set-up: emulator mode without keys runs open (every caller is the admin {@code anonymous}), and a
 * call to a SageMaker endpoint lands in the ledger and in the endpoint cost report.
 */
@IntegrationTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:emulator-usage-tests;DB_CLOSE_DELAY=-1")
class EmulatorUsageTests {

    static final String FALCON_ENDPOINT = "jumpstart-dft-hf-llm-falcon-7b-instruct-bf16";

    @Value("${local.server.port}")
    int port;

    @Autowired
    UsageLedger ledger;

    @Test
    void sageMakerCallsAreRecordedAndReportedPerEndpointWithoutKeys() throws Exception {
        GatewayHttp http = new GatewayHttp(this.port);

        GatewayHttp.Response call = http.post("/v1/text/generations",
                "{\"model\":\"falcon-7b-instruct\",\"prompt\":\"Write a haiku about the sea\",\"maxTokens\":60}");
        assertThat(this.ledger.awaitWritten(Duration.ofSeconds(10))).isTrue();

        JsonNode usage = http.get("/v1/usage?groupBy=model,apiKey").json();
        JsonNode falcon = find(usage.path("groups"), "model", "falcon-7b-instruct");
        assertThat(falcon.path("apiKey").asString()).isEqualTo("anonymous");
        assertThat(falcon.path("requests").asLong()).isEqualTo(1);
        assertThat(call.status()).as(call.body()).isEqualTo(200);
        assertThat(falcon.path("failedRequests").asLong()).isZero();
        assertThat(falcon.path("inputTokens").asLong()).isEqualTo(call.json().path("usage").path("inputTokens").asLong());
        JsonNode report = http.get("/v1/usage/endpoints").json();
        JsonNode endpoint = find(report.path("endpoints"), "endpoint", FALCON_ENDPOINT);
        assertThat(endpoint.path("calls").asLong()).isEqualTo(1);
        assertThat(endpoint.path("instanceType").asString()).isEqualTo("ml.g5.2xlarge");
        assertThat(endpoint.path("windowCostUsd").decimalValue()).isEqualByComparingTo("36.36");
        assertThat(endpoint.path("costPerCallUsd").decimalValue()).isEqualByComparingTo("36.36");
        assertThat(endpoint.path("lastCallAt").isMissingNode()).isFalse();
        assertThat(endpoint.path("idle").asBoolean()).isFalse();
        assertThat(find(report.path("endpoints"), "endpoint", "hf-tgi-gpt2").path("costPerCallUsd").isMissingNode())
            .isTrue();
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        return array.valueStream().filter(n -> n.path(field).asString().equals(value)).findFirst().orElseThrow();
    }
}
