package dev.fmgateway.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.fmgateway.emulator.FaultRule;
import dev.fmgateway.support.GatewayHttp;
import dev.fmgateway.support.GatewayIntegrationTest;
import dev.fmgateway.support.Sse;

/** Streaming behaviour: no buffering, errors after the start, client disconnects. */
class TextStreamingTests extends GatewayIntegrationTest {

    /** A prompt long enough that the emulator streams ~50 events, 10 ms apart. */
    private static final String LONG = """
            {"model":"claude-sonnet-4-5","maxTokens":150,"stream":true,"prompt":"%s"}"""
        .formatted("the quick brown fox jumps over the lazy dog and keeps running through the forest ".repeat(8));

    private HttpResponse<InputStream> open(String body) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(this.http.uri("/v1/text/generations"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    @Test
    void theFirstDeltaArrivesLongBeforeTheStreamEnds() throws Exception {
        HttpResponse<InputStream> response = open(LONG);
        long firstDelta = 0;
        long done = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.equals("event: delta") && firstDelta == 0) {
                    firstDelta = System.nanoTime();
                }
                if (line.equals("event: done")) {
                    done = System.nanoTime();
                }
            }
        }
        assertThat(firstDelta).isPositive();
        assertThat(done).isPositive();
        // The emulator paces ~50 events 10 ms apart: a buffered answer would deliver them all at once.
        assertThat(Duration.ofNanos(done - firstDelta)).isGreaterThan(Duration.ofMillis(200));
    }

    @Test
    void anUpstreamErrorAfterTheStartEndsTheStreamWithAnErrorEvent() {
        this.emulator.faults().add(FaultRule.of(FaultRule.Kind.STREAM_ERROR).afterEvents(4)
            .forTarget("us.anthropic.claude-sonnet-4-5-20250929-v1:0"));

        GatewayHttp.Response response = this.http.post("/v1/text/generations", LONG);

        assertThat(response.status()).isEqualTo(200);
        List<Sse.Event> events = Sse.parse(response.body());
        assertThat(events).extracting(Sse.Event::name).contains("delta").doesNotContain("done");
        Sse.Event error = events.getLast();
        assertThat(error.name()).isEqualTo("error");
        assertThat(error.data().path("code").asString()).isEqualTo("UPSTREAM_ERROR");
        assertThat(error.data().path("status").asInt()).isEqualTo(502);
        assertThat(error.data().path("requestId").asString()).isNotBlank();
        // never retried once the client had part of the answer
        assertThat(this.emulator.requests().size()).isEqualTo(1);
    }

    @Autowired
    MeterRegistry meters;

    @Test
    void aStreamCutByTheUpstreamIsMeteredAndRecordedWithWhatItProduced() {
        this.emulator.faults().add(FaultRule.of(FaultRule.Kind.STREAM_ERROR).afterEvents(4)
            .forTarget("us.anthropic.claude-sonnet-4-5-20250929-v1:0"));
        double outputBefore = outputTokens();
        long recordedBefore = recordedOutputTokens();

        GatewayHttp.Response response = this.http.post("/v1/text/generations", LONG);

        assertThat(Sse.parse(response.body()).getLast().name()).isEqualTo("error");
        assertThat(outputTokens() - outputBefore).as("metered output tokens").isPositive();
        Awaitility.await("output tokens in the usage ledger").atMost(Duration.ofSeconds(10))
            .until(() -> recordedOutputTokens() > recordedBefore);
    }

    private double outputTokens() {
        Counter counter = this.meters.find("gateway.tokens").tags("model", "claude-sonnet-4-5", "direction", "output")
            .counter();
        return counter != null ? counter.count() : 0;
    }

    private long recordedOutputTokens() {
        return this.http.get("/v1/usage?groupBy=model").json().path("groups").valueStream()
            .filter(group -> group.path("model").asString().equals("claude-sonnet-4-5"))
            .mapToLong(group -> group.path("outputTokens").asLong())
            .sum();
    }

    @Test
    void aFailureBeforeTheFirstDeltaIsAnOrdinaryProblemResponse() {
        this.emulator.faults().add(FaultRule.of(FaultRule.Kind.MODEL_NOT_READY).inRegion("eu-central-1"));
        this.emulator.faults().add(FaultRule.of(FaultRule.Kind.MODEL_NOT_READY).inRegion("eu-west-1"));

        GatewayHttp.Response response = this.http.post("/v1/text/generations",
                LONG.replace("\"stream\":true", "\"stream\":true,\"region\":\"eu\""));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.contentType()).isEqualTo("application/problem+json");
        assertThat(response.header("Retry-After")).isNotNull();
    }

    @Test
    void aClientThatLeavesCancelsTheUpstreamStream() throws Exception {
        this.emulator.faults().add(FaultRule.of(FaultRule.Kind.SLOW_STREAM).duration(Duration.ofMillis(200))
            .forTarget("us.anthropic.claude-sonnet-4-5-20250929-v1:0"));
        long disconnectsBefore = this.emulator.requests().disconnects();
        double costBefore = sonnetCost();
        HttpResponse<InputStream> response = open(LONG);
        try (InputStream body = response.body()) {
            BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            while (!"event: delta".equals(lines.readLine())) {
                // wait for the stream to start
            }
        }
        Awaitility.await().atMost(Duration.ofSeconds(10))
            .until(() -> this.emulator.requests().disconnects() > disconnectsBefore);
        Awaitility.await().atMost(Duration.ofSeconds(5))
            .until(() -> this.management.get("/actuator/prometheus").body().contains("outcome=\"CLIENT_GONE\""));
        // what was produced before the client left is still metered
        assertThat(sonnetCost()).isGreaterThan(costBefore);
    }

    private double sonnetCost() {
        return this.management.get("/actuator/prometheus")
            .body()
            .lines()
            .filter(line -> line.startsWith("gateway_cost_usd_total{") && line.contains("model=\"claude-sonnet-4-5\""))
            .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
            .sum();
    }
}
