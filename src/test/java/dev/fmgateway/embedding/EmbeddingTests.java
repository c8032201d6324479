package dev.fmgateway.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import dev.fmgateway.emulator.FaultRule;
import dev.fmgateway.support.GatewayHttp;
import dev.fmgateway.support.GatewayIntegrationTest;
import tools.jackson.databind.JsonNode;

/** {@code POST /v1/embeddings} and {@code /v1/embeddings/similarity} through the emulator. */
class EmbeddingTests extends GatewayIntegrationTest {

    @Test
    void arrayInputFansOutAndKeepsOrder() {
        GatewayHttp.Response response = this.http.post("/v1/embeddings", """
                {"model":"titan-embed-text-v2","input":["red apples","green pears","blue sky"],"dimensions":256}""");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode data = response.json().path("data");
        assertThat(data).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(data.path(i).path("index").asInt()).isEqualTo(i);
            assertThat(data.path(i).path("embedding")).hasSize(256);
        }
        assertThat(this.emulator.requests().all()).hasSize(3)
            .allSatisfy(sent -> assertThat(sent.bodyText()).contains("\"dimensions\":256"));
        // Each vector is the one a single call for that text returns: order kept.
        JsonNode single = this.http.post("/v1/embeddings",
                "{\"model\":\"titan-embed-text-v2\",\"input\":\"green pears\",\"dimensions\":256}").json();
        assertThat(single.path("data").path(0).path("embedding")).isEqualTo(data.path(1).path("embedding"));
        long tokens = response.json().path("usage").path("inputTokens").asLong();
        assertThat(new BigDecimal(response.header("X-Gateway-Cost-USD")))
            .isEqualByComparingTo(new BigDecimal("0.00002").multiply(BigDecimal.valueOf(tokens)).divide(BigDecimal.valueOf(1000)));
    }

    @Test
    void g1TextHasItsFixedDimensionsAndWeNormaliseOnRequest() {
        JsonNode body = this.http.post("/v1/embeddings",
                "{\"model\":\"titan-embed-text-v1\",\"input\":\"hello world\",\"normalize\":true}").json();
        JsonNode vector = body.path("data").path(0).path("embedding");
        assertThat(vector).hasSize(1536);
        double norm = 0;
        for (JsonNode v : vector) {
            norm += v.asDouble() * v.asDouble();
        }
        assertThat(Math.sqrt(norm)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
    }

    @Test
    void dimensionsTheModelCannotProduceAreRefused() {
        GatewayHttp.Response response = this.http.post("/v1/embeddings",
                "{\"model\":\"titan-embed-text-v2\",\"input\":\"x\",\"dimensions\":300}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("fieldErrors").path(0).path("field").asString()).isEqualTo("dimensions");
    }

    @Test
    void multimodalEmbedsAnImage() {
        String image = this.http.post("/v1/images/generations",
                "{\"model\":\"titan-image-v1\",\"prompt\":\"a red ball\",\"width\":512,\"height\":512}")
            .json().path("images").path(0).path("base64").asString();
        GatewayHttp.Response response = this.http.post("/v1/embeddings",
                "{\"model\":\"titan-embed-image-v1\",\"image\":\"%s\",\"dimensions\":384}".formatted(image));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("data").path(0).path("embedding")).hasSize(384);
    }

    @Test
    void partialFailureFailsTheWholeRequest() {
        // Bedrock rejects an empty inputText; the other items succeed, yet the caller gets no short result.
        GatewayHttp.Response response = this.http.post("/v1/embeddings",
                "{\"model\":\"titan-embed-text-v2\",\"input\":[\"a\",\"b\",\"\",\"d\"]}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("code").asString()).isEqualTo("UPSTREAM_VALIDATION");
        assertThat(response.body()).doesNotContain("\"data\"");
    }

    @Test
    void throttlingInOneRegionFailsOverForThatItem() {
        this.emulator.faults().add(FaultRule.of(FaultRule.Kind.THROTTLE).inRegion("us-east-1")
            .forTarget("amazon.titan-embed-text-v2:0").limit(1));
        GatewayHttp.Response response = this.http.post("/v1/embeddings",
                "{\"model\":\"titan-embed-text-v2\",\"input\":[\"a\",\"b\"]}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("data")).hasSize(2);
    }

    @Test
    void theRequestsDeadlineHoldsForTheWholeFanOut() {
        // 32 items at 16 in flight are two waves of 400 ms; each wave fits the 600 ms deadline, both do not.
        this.emulator.faults().add(FaultRule.of(FaultRule.Kind.LATENCY).forTarget("amazon.titan-embed-text-v2:0")
            .duration(java.time.Duration.ofMillis(400)));
        String items = String.join(",", java.util.Collections.nCopies(32, "\"x\""));
        GatewayHttp.Response response = this.http.post("/v1/embeddings",
                "{\"model\":\"titan-embed-text-v2\",\"input\":[" + items + "]}", "X-Gateway-Timeout-Ms", "600");
        assertThat(response.status()).as(response.body()).isEqualTo(504);
        assertThat(response.json().path("code").asString()).isEqualTo("UPSTREAM_TIMEOUT");
    }

    @Test
    void similarityRanksRelatedTextsFirst() {
        GatewayHttp.Response response = this.http.post("/v1/embeddings/similarity", """
                {"model":"titan-embed-text-v2","query":"fresh red apples",
                 "candidates":["blue cars on the road","red apples are fresh","the stock market fell"],"topK":2}""");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode results = response.json().path("results");
        assertThat(results).hasSize(2);
        assertThat(results.path(0).path("index").asInt()).isEqualTo(1);
        assertThat(results.path(0).path("text").asString()).isEqualTo("red apples are fresh");
        assertThat(results.path(0).path("score").asDouble()).isGreaterThan(results.path(1).path("score").asDouble());
        assertThat(response.json().path("usage").path("inputTokens").asLong()).isPositive();
        // money is written as a plain decimal, never in exponent notation
        assertThat(response.body()).containsPattern("\"usd\":0\\.0+[1-9]");
    }
}
