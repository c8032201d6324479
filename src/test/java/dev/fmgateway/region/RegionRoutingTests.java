package dev.fmgateway.region;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.fmgateway.emulator.FaultRule;
import dev.fmgateway.emulator.RecordedRequest;
import dev.fmgateway.support.GatewayHttp;
import dev.fmgateway.support.GatewayIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Region pins, geographies, cross-region profiles and failover, through HTTP and the emulator. */
class RegionRoutingTests extends GatewayIntegrationTest {

    private static final String SONNET = "{\"model\":\"claude-sonnet-4-5\",\"prompt\":\"Where are you?\",\"maxTokens\":20%s}";

    @Test
    void throttledRegionFailsOverToTheNextDeploymentAndReportsIt() {
        this.emulator.faults().add(FaultRule.of(FaultRule.Kind.THROTTLE).inRegion("us-east-1"));

        GatewayHttp.Response response = this.http.post("/v1/text/generations", SONNET.formatted(""));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Gateway-Region")).isEqualTo("us-west-2");
        assertThat(response.json().path("region").asString()).isEqualTo("us-west-2");
        assertThat(this.emulator.requests().all()).extracting(RecordedRequest::region)
            .containsExactly("us-east-1", "us-west-2");
        assertThat(this.management.get("/actuator/prometheus").body()).contains("gateway_upstream_failures_total{")
            .contains("code=\"UPSTREAM_THROTTLED\"");
    }

    @Test
    void geographyPinNeverLeavesTheGeography() {
        this.emulator.faults().add(FaultRule.of(FaultRule.Kind.THROTTLE).inRegion("eu-central-1"));
        this.emulator.faults().add(FaultRule.of(FaultRule.Kind.THROTTLE).inRegion("eu-west-1"));

        GatewayHttp.Response response = this.http.post("/v1/text/generations", SONNET.formatted(",\"region\":\"eu\""));

        assertThat(response.status()).isEqualTo(429);
        assertThat(response.json().path("code").asString()).isEqualTo("UPSTREAM_THROTTLED");
        assertThat(this.emulator.requests().all()).isNotEmpty()
            .allSatisfy(sent -> assertThat(sent.region()).startsWith("eu-"));
    }

    @Test
    void euProfileIsSignedForItsSourceRegionAndPricedThere() {
        GatewayHttp.Response response = this.http.post("/v1/text/generations", SONNET.formatted(""),
                "X-Gateway-Region", "eu");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Gateway-Region")).isEqualTo("eu-central-1");
        RecordedRequest sent = this.emulator.requests().last().orElseThrow();
        assertThat(sent.rawPath()).isEqualTo("/model/eu.anthropic.claude-sonnet-4-5-20250929-v1%3A0/converse");
        assertThat(sent.region()).isEqualTo("eu-central-1");
        assertThat(sent.header("Authorization")).contains("/eu-central-1/bedrock/aws4_request");
        JsonNode usage = response.json().path("usage");
        BigDecimal expected = new BigDecimal("0.0033").multiply(BigDecimal.valueOf(usage.path("inputTokens").asLong()))
            .add(new BigDecimal("0.0165").multiply(BigDecimal.valueOf(usage.path("outputTokens").asLong())))
            .divide(BigDecimal.valueOf(1000));
        assertThat(new BigDecimal(response.header("X-Gateway-Cost-USD"))).isEqualByComparingTo(expected);
    }

    @Test
    void geographyWithoutDeploymentsIs422() {
        GatewayHttp.Response response = this.http.post("/v1/text/generations", SONNET.formatted(",\"region\":\"ap\""));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().path("code").asString()).isEqualTo("REGION_NOT_AVAILABLE");
        assertThat(response.json().path("availableRegions").toString()).contains("eu-central-1", "us-east-1");
    }

    @Test
    void deadlinePassedIs504AndTheCallerDoesNotWaitForTheUpstream() {
        this.emulator.faults().add(FaultRule.of(FaultRule.Kind.HANG).duration(Duration.ofSeconds(5))
            .forTarget("amazon.titan-text-express-v1"));
        long started = System.nanoTime();

        GatewayHttp.Response response = this.http.post("/v1/text/generations",
                "{\"model\":\"titan-text-express\",\"prompt\":\"hi\"}", "X-Gateway-Timeout-Ms", "400");

        assertThat(response.status()).isEqualTo(504);
        assertThat(response.json().path("code").asString()).isEqualTo("UPSTREAM_TIMEOUT");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void badTimeoutHeaderIs400() {
        GatewayHttp.Response response = this.http.post("/v1/text/generations",
                "{\"model\":\"titan-text-express\",\"prompt\":\"hi\"}", "X-Gateway-Timeout-Ms", "soon");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("code").asString()).isEqualTo("INVALID_REQUEST");
    }
}
