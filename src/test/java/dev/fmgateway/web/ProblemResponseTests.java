package dev.fmgateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;

import org.junit.jupiter.api.Test;

import dev.fmgateway.support.GatewayHttp;
import dev.fmgateway.support.GatewayIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Every caller error is an RFC 9457 problem with the exact status and stable code, and never reaches upstream. */
class ProblemResponseTests extends GatewayIntegrationTest {

    private JsonNode problem(GatewayHttp.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        JsonNode body = response.json();
        assertThat(body.path("code").asString()).isEqualTo(code);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("title").asString()).isNotBlank();
        assertThat(body.path("detail").asString()).isNotBlank();
        assertThat(body.path("requestId").asString()).isEqualTo(response.header("X-Request-Id"));
        assertThat(body.path("type").asString()).startsWith("urn:fm-gateway:problem:");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("dev.fmgateway").doesNotContain("at java");
        assertThat(this.emulator.requests().size()).isZero();
        return body;
    }

    @Test
    void malformedJson() {
        JsonNode body = problem(this.http.post("/v1/text/generations", "{\"model\": \"claude-haiku-4-5\", "),
                400, "INVALID_REQUEST");
        assertThat(body.path("detail").asString()).contains("Malformed JSON");
        assertThat(body.path("instance").asString()).isEqualTo("/v1/text/generations");
    }

    @Test
    void missingAndInvalidFields() {
        JsonNode body = problem(this.http.post("/v1/text/generations", "{\"prompt\":\"hi\",\"temperature\":7}"), 400,
                "INVALID_REQUEST");
        assertThat(body.path("fieldErrors").toString()).contains("model").contains("temperature");
    }

    @Test
    void promptAndMessagesTogether() {
        JsonNode body = problem(this.http.post("/v1/text/generations",
                "{\"model\":\"claude-haiku-4-5\",\"prompt\":\"a\",\"messages\":[{\"role\":\"user\",\"content\":\"b\"}]}"),
                400, "INVALID_REQUEST");
        assertThat(body.path("detail").asString()).contains("either prompt or messages");
    }

    @Test
    void unknownField() {
        JsonNode body = problem(this.http.post("/v1/text/generations",
                "{\"model\":\"claude-haiku-4-5\",\"prompt\":\"hi\",\"max_tokens\":5}"), 400, "INVALID_REQUEST");
        assertThat(body.path("detail").asString()).contains("max_tokens");
    }

    @Test
    void wrongFieldType() {
        JsonNode body = problem(this.http.post("/v1/text/generations",
                "{\"model\":\"claude-haiku-4-5\",\"prompt\":\"hi\",\"maxTokens\":\"many\"}"), 400, "INVALID_REQUEST");
        assertThat(body.path("detail").asString()).contains("maxTokens").contains("number");
    }

    @Test
    void maxTokensAboveTheModelsLimit() {
        JsonNode body = problem(this.http.post("/v1/text/generations",
                "{\"model\":\"titan-text-lite\",\"prompt\":\"hi\",\"maxTokens\":9000}"), 400, "INVALID_REQUEST");
        assertThat(body.path("detail").asString()).contains("4096");
    }

    @Test
    void unknownModelListsCloseMatches() {
        JsonNode body = problem(this.http.post("/v1/text/generations", "{\"model\":\"claude-haiku-45\",\"prompt\":\"hi\"}"),
                404, "MODEL_NOT_FOUND");
        assertThat(body.path("closeMatches").toString()).contains("claude-haiku-4-5");
        assertThat(body.path("detail").asString()).contains("claude-haiku-4-5");
    }

    @Test
    void capabilityMismatch() {
        problem(this.http.post("/v1/text/generations", "{\"model\":\"titan-embed-text-v2\",\"prompt\":\"hi\"}"), 422,
                "CAPABILITY_NOT_SUPPORTED");
        problem(this.http.post("/v1/embeddings", "{\"model\":\"claude-haiku-4-5\",\"input\":\"hi\"}"), 422,
                "CAPABILITY_NOT_SUPPORTED");
    }

    @Test
    void streamingFromAModelThatCannot() {
        problem(this.http.post("/v1/text/generations",
                "{\"model\":\"jurassic-2-mid\",\"prompt\":\"hi\",\"stream\":true}"), 422, "STREAMING_NOT_SUPPORTED");
    }

    @Test
    void regionNotOffered() {
        JsonNode body = problem(this.http.post("/v1/text/generations",
                "{\"model\":\"claude-haiku-4-5\",\"prompt\":\"hi\",\"region\":\"eu-west-1\"}"), 422, "REGION_NOT_AVAILABLE");
        assertThat(body.path("availableRegions").toString()).contains("us-east-1");
    }

    @Test
    void unknownRegion() {
        problem(this.http.post("/v1/text/generations",
                "{\"model\":\"claude-haiku-4-5\",\"prompt\":\"hi\",\"region\":\"mars-north-1\"}"), 400, "UNKNOWN_REGION");
    }

    @Test
    void payloadTooLarge() {
        String big = "x".repeat(9 * 1024 * 1024);
        problem(this.http.post("/v1/text/generations", "{\"model\":\"claude-haiku-4-5\",\"prompt\":\"" + big + "\"}"),
                413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void chunkedPayloadTooLarge() {
        byte[] big = ("{\"model\":\"claude-haiku-4-5\",\"prompt\":\"" + "y".repeat(9 * 1024 * 1024) + "\"}").getBytes();
        GatewayHttp.Response response = this.http.send(HttpRequest.newBuilder(this.http.uri("/v1/text/generations"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))));
        problem(response, 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void notJson() {
        GatewayHttp.Response response = this.http.send(HttpRequest.newBuilder(this.http.uri("/v1/text/generations"))
            .header("Content-Type", "text/plain")
            .POST(HttpRequest.BodyPublishers.ofString("hello")));
        problem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void unknownRoute() {
        for (String path : new String[] { "/v1/nothing-here", "/nothing-here", "/actuator/prometheus" }) {
            JsonNode body = problem(this.http.get(path), 404, "ROUTE_NOT_FOUND");
            assertThat(body.path("detail").asString()).doesNotContain("static resource").contains(path);
            assertThat(body.path("title").asString()).isEqualTo("Route not found");
        }
    }

    @Test
    void missingPromptNamesTheFieldsThatAreMissing() {
        for (String request : new String[] { "{\"model\":\"claude-haiku-4-5\"}",
                "{\"model\":\"claude-haiku-4-5\",\"messages\":[]}" }) {
            JsonNode body = problem(this.http.post("/v1/text/generations", request), 400, "INVALID_REQUEST");
            assertThat(body.path("detail").asString()).contains("prompt").contains("messages").doesNotContain("not both");
            assertThat(body.path("fieldErrors").path(0).path("field").asString()).isEqualTo("prompt");
        }
    }

    @Test
    void idFieldsHaveALengthLimit() {
        String longId = "m".repeat(300);
        JsonNode header = problem(this.http.post("/v1/text/generations",
                "{\"model\":\"claude-haiku-4-5\",\"prompt\":\"hi\"}", "X-Gateway-Region", longId), 400,
                "INVALID_REQUEST");
        assertThat(header.toString()).doesNotContain(longId);
        problem(this.http.post("/v1/embeddings", "{\"model\":\"titan-embed-text-v2\",\"input\":\"hi\"}",
                "X-Gateway-Region", longId), 400, "INVALID_REQUEST");
        JsonNode path = problem(this.http.get("/v1/models/" + longId), 400, "INVALID_REQUEST");
        // the path is the problem's instance, as for every problem; the detail does not repeat the id
        assertThat(path.path("detail").asString() + path.path("fieldErrors")).doesNotContain(longId).contains("modelId");
        problem(this.http.get("/v1/models?region=" + longId), 400, "INVALID_REQUEST");
        problem(this.http.get("/v1/models?provider=" + longId), 400, "INVALID_REQUEST");
        JsonNode body = problem(this.http.post("/v1/text/generations",
                "{\"model\":\"" + longId + "\",\"prompt\":\"hi\"}"), 400, "INVALID_REQUEST");
        assertThat(body.toString()).doesNotContain(longId);
    }

    @Test
    void wrongMethod() {
        problem(this.http.get("/v1/text/generations"), 405, "METHOD_NOT_ALLOWED");
    }
}
