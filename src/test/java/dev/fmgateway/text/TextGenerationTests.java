package dev.fmgateway.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import dev.fmgateway.emulator.FaultRule;
import dev.fmgateway.emulator.RecordedRequest;
import dev.fmgateway.support.GatewayHttp;
import dev.fmgateway.support.GatewayIntegrationTest;
import tools.jackson.databind.JsonNode;

/** {@code POST /v1/text/generations} end to end: HTTP in, signed SDK request to the emulator, parsing back. */
class TextGenerationTests extends GatewayIntegrationTest {

    @Test
    void claudeMessagesThroughTheWholeChain() {
        GatewayHttp.Response response = this.http.post("/v1/text/generations", """
                {"model":"claude-haiku-4-5","system":"Answer briefly.",
                 "messages":[{"role":"user","content":"Name three colours of the rainbow"}],"maxTokens":200}""",
                "X-Request-Id", "test-claude-1");

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("model").asString()).isEqualTo("claude-haiku-4-5");
        assertThat(body.path("backend").asString()).isEqualTo("BEDROCK");
        assertThat(body.path("region").asString()).isEqualTo("us-east-1");
        assertThat(body.path("upstreamId").asString()).isEqualTo("us.anthropic.claude-haiku-4-5-20251001-v1:0");
        assertThat(body.path("output").asString()).isNotBlank();
        assertThat(body.path("finishReason").asString()).isEqualTo("stop");
        long in = body.path("usage").path("inputTokens").asLong();
        long out = body.path("usage").path("outputTokens").asLong();
        assertThat(in).isPositive();
        assertThat(out).isPositive();
        assertThat(body.path("usage").path("estimated").asBoolean()).isFalse();
        BigDecimal expected = new BigDecimal("0.001").multiply(BigDecimal.valueOf(in))
            .add(new BigDecimal("0.005").multiply(BigDecimal.valueOf(out)))
            .divide(BigDecimal.valueOf(1000));
        assertThat(body.path("cost").path("usd").decimalValue()).isEqualByComparingTo(expected);
        assertThat(new BigDecimal(response.header("X-Gateway-Cost-USD"))).isEqualByComparingTo(expected);
        assertThat(response.header("X-Gateway-Input-Tokens")).isEqualTo(Long.toString(in));
        assertThat(response.header("X-Gateway-Output-Tokens")).isEqualTo(Long.toString(out));
        assertThat(response.header("X-Gateway-Model")).isEqualTo("claude-haiku-4-5");
        assertThat(response.header("X-Gateway-Region")).isEqualTo("us-east-1");
        assertThat(response.header("X-Request-Id")).isEqualTo("test-claude-1");

        RecordedRequest sent = this.emulator.requests().last().orElseThrow();
        assertThat(sent.service()).isEqualTo("bedrock");
        assertThat(sent.region()).isEqualTo("us-east-1");
        assertThat(sent.rawPath()).isEqualTo("/model/us.anthropic.claude-haiku-4-5-20251001-v1%3A0/converse");
        assertThat(sent.header("Authorization")).contains("/us-east-1/bedrock/aws4_request");
        assertThat(sent.bodyText()).contains("\"system\":[{\"text\":\"Answer briefly.\"}]");
    }

    @Test
    void titanTextHonoursMaxTokensAndPinnedRegion() {
        GatewayHttp.Response response = this.http.post("/v1/text/generations", """
                {"model":"titan-text-express","prompt":"Write a long story about a lighthouse keeper and the sea",
                 "maxTokens":5,"region":"eu-central-1"}""");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("finishReason").asString()).isEqualTo("length");
        assertThat(response.json().path("usage").path("outputTokens").asLong()).isEqualTo(5);
        assertThat(response.json().path("region").asString()).isEqualTo("eu-central-1");
        assertThat(response.header("Deprecation")).isNotNull();
        assertThat(response.header("Link")).contains("rel=\"successor-version\"").contains("claude-haiku-4-5");
        RecordedRequest sent = this.emulator.requests().last().orElseThrow();
        assertThat(sent.region()).isEqualTo("eu-central-1");
        assertThat(sent.bodyText()).contains("\"maxTokens\":5");
    }

    @Test
    void regionHeaderPinsTheRegionWhenTheBodyDoesNot() {
        GatewayHttp.Response response = this.http.post("/v1/text/generations",
                "{\"model\":\"titan-text-express\",\"prompt\":\"hello\"}", "X-Gateway-Region", "us-west-2");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Gateway-Region")).isEqualTo("us-west-2");
    }

    @Test
    void stopSequenceEndsTheOutput() {
        GatewayHttp.Response first = this.http.post("/v1/text/generations", """
                {"model":"claude-sonnet-4-5","prompt":"alpha beta gamma delta epsilon zeta eta theta","maxTokens":100}""");
        String output = first.json().path("output").asString();
        String[] words = output.trim().split("\\s+");
        String stop = words[Math.min(3, words.length - 1)];

        GatewayHttp.Response stopped = this.http.post("/v1/text/generations", """
                {"model":"claude-sonnet-4-5","prompt":"alpha beta gamma delta epsilon zeta eta theta","maxTokens":100,
                 "stopSequences":["%s"]}""".formatted(stop));

        assertThat(stopped.status()).isEqualTo(200);
        assertThat(stopped.json().path("finishReason").asString()).isEqualTo("stop_sequence");
        assertThat(stopped.json().path("output").asString()).doesNotContain(stop);
    }

    @Test
    void throttlingFailsOverAcrossRegionsThenIsReported() {
        this.emulator.faults().add(FaultRule.of(FaultRule.Kind.THROTTLE).forTarget("amazon.titan-text-lite-v1"));

        GatewayHttp.Response response = this.http.post("/v1/text/generations",
                "{\"model\":\"titan-text-lite\",\"prompt\":\"hi\"}");

        assertThat(response.status()).isEqualTo(429);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.json().path("code").asString()).isEqualTo("UPSTREAM_THROTTLED");
        assertThat(response.header("Retry-After")).isNotNull();
        // max-attempts 3: each attempt went to another region of the model (failover), none was repeated
        assertThat(this.emulator.requests().all()).extracting(RecordedRequest::region)
            .containsExactlyInAnyOrder("us-east-1", "us-west-2", "eu-central-1");
    }

    @Test
    void upstreamValidationIsA400WithoutRetry() {
        // Jurassic-2 (still on InvokeModel) takes no tools: the gateway refuses before calling.
        GatewayHttp.Response local = this.http.post("/v1/text/generations", """
                {"model":"jurassic-2-mid","prompt":"hi","tools":[{"name":"t","inputSchema":{"type":"object"}}]}""");
        assertThat(local.status()).isEqualTo(422);
        assertThat(local.json().path("code").asString()).isEqualTo("CAPABILITY_NOT_SUPPORTED");
        assertThat(local.json().path("feature").asString()).isEqualTo("tools");
        assertThat(this.emulator.requests().size()).isZero();
    }
}
