package dev.fmgateway.embedding;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.fmgateway.emulator.RecordedRequest;
import dev.fmgateway.support.GatewayHttp;
import dev.fmgateway.support.GatewayIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cohere Embed through {@code /v1/embeddings}: texts batched 96 per InvokeModel call in the Cohere body, the
 * caller's {@code inputType} sent as {@code input_type}, multilingual text (Vietnamese) embedded, one vector per
 * text in input order, and usage from Bedrock's token-count header priced.
 */
class CohereEmbeddingTests extends GatewayIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void vietnameseTextsAreEmbeddedInOneCallAsQueries() {
        GatewayHttp.Response response = this.http.post("/v1/embeddings", """
                {"model":"cohere-embed-multilingual-v3","inputType":"search_query",
                 "input":["Xin chào thế giới","Hello world","Bonjour le monde"]}""");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode data = response.json().path("data");
        assertThat(data).hasSize(3);
        assertThat(data.path(0).path("embedding")).hasSize(1024);
        List<RecordedRequest> sent = this.emulator.requests().all();
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst().rawPath()).isEqualTo("/model/cohere.embed-multilingual-v3/invoke");
        JsonNode body = JSON.readTree(sent.getFirst().bodyText());
        assertThat(body.path("texts").get(0).asString()).isEqualTo("Xin chào thế giới");
        assertThat(body.path("input_type").asString()).isEqualTo("search_query");
        assertThat(body.has("output_dimension")).isFalse();
        long tokens = response.json().path("usage").path("inputTokens").asLong();
        assertThat(tokens).isPositive();
        assertThat(response.json().path("usage").path("estimated").asBoolean()).isFalse();
        assertThat(new BigDecimal(response.header("X-Gateway-Cost-USD")))
            .isEqualByComparingTo(new BigDecimal("0.0001").multiply(BigDecimal.valueOf(tokens)).divide(BigDecimal.valueOf(1000)));

        // The same text alone gets the same vector: order kept across the batch.
        JsonNode alone = this.http.post("/v1/embeddings", """
                {"model":"cohere-embed-multilingual-v3","inputType":"search_query","input":"Hello world"}""").json();
        assertThat(alone.path("data").path(0).path("embedding")).isEqualTo(data.path(1).path("embedding"));
    }

    @Test
    void moreThan96TextsTakeSeveralCallsAndDocumentsAreTheDefault() {
        List<String> texts = IntStream.range(0, 100).mapToObj(i -> "văn bản số " + i).toList();
        GatewayHttp.Response response = this.http.post("/v1/embeddings",
                "{\"model\":\"cohere-embed-v4\",\"dimensions\":256,\"input\":" + JSON.writeValueAsString(texts) + "}");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("data")).hasSize(100);
        assertThat(response.json().path("data").path(99).path("index").asInt()).isEqualTo(99);
        assertThat(response.json().path("data").path(0).path("embedding")).hasSize(256);
        List<JsonNode> bodies = this.emulator.requests().all().stream().map(r -> JSON.readTree(r.bodyText())).toList();
        assertThat(bodies).extracting(b -> b.path("texts").size()).containsExactlyInAnyOrder(96, 4);
        assertThat(bodies).allSatisfy(b -> {
            assertThat(b.path("input_type").asString()).isEqualTo("search_document");
            assertThat(b.path("output_dimension").asInt()).isEqualTo(256);
        });
    }

    @Test
    void similarityEmbedsTheQueryAsAQueryAndTheCandidatesAsDocuments() {
        GatewayHttp.Response response = this.http.post("/v1/embeddings/similarity", """
                {"model":"cohere-embed-english-v3","query":"green pears","candidates":["red apples","green pears"]}""");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("results").path(0).path("text").asString()).isEqualTo("green pears");
        assertThat(this.emulator.requests().all()).extracting(r -> JSON.readTree(r.bodyText()).path("input_type").asString())
            .containsExactlyInAnyOrder("search_query", "search_document");
    }

    @Test
    void inputTypeIsCheckedAndOnlyCohereTakesIt() {
        GatewayHttp.Response titan = this.http.post("/v1/embeddings",
                "{\"model\":\"titan-embed-text-v2\",\"input\":\"x\",\"inputType\":\"search_query\"}");
        GatewayHttp.Response unknown = this.http.post("/v1/embeddings",
                "{\"model\":\"cohere-embed-english-v3\",\"input\":\"x\",\"inputType\":\"query\"}");
        GatewayHttp.Response v3Length = this.http.post("/v1/embeddings",
                "{\"model\":\"cohere-embed-english-v3\",\"input\":\"x\",\"dimensions\":256}");

        assertThat(titan.status()).isEqualTo(400);
        assertThat(titan.json().path("fieldErrors").path(0).path("field").asString()).isEqualTo("inputType");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("fieldErrors").path(0).path("field").asString()).isEqualTo("inputType");
        assertThat(v3Length.status()).isEqualTo(400);
        assertThat(this.emulator.requests().size()).isZero();
    }
}
