package dev.fmgateway.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

import dev.fmgateway.support.GatewayHttp;
import dev.fmgateway.support.GatewayIntegrationTest;

/**
 * Prompt-cache and reasoning tokens end to end: a Converse call through the emulator (which reports cache-read
 * tokens for a repeated prefix after a cache point, and a reasoning block for a thinking budget) lands in the
 * ledger's own columns and in the sums of {@code GET /v1/usage}.
 */
class CacheAndReasoningLedgerTests extends GatewayIntegrationTest {

    @Autowired
    UsageLedger ledger;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void cacheReadAndWriteTokensAreInTheLedgerRowAndTheUsageReport() throws InterruptedException {
        JsonNode before = sonnet(this.http.get("/v1/usage?groupBy=model").json());
        String body = """
                {"model":"claude-sonnet-4-5","maxTokens":20,"messages":[{"role":"user","content":[
                  {"type":"text","text":"%s"},{"type":"cachePoint"},{"type":"text","text":"Summarise %s"}]}]}""";
        String context = "ledger lighthouse ".repeat(700);

        GatewayHttp.Response written = this.http.post("/v1/text/generations", body.formatted(context, "briefly"));
        GatewayHttp.Response read = this.http.post("/v1/text/generations", body.formatted(context, "again"));
        assertThat(this.ledger.awaitWritten(Duration.ofSeconds(10))).isTrue();

        assertThat(read.status()).as(read.body()).isEqualTo(200);
        JsonNode usage = read.json().path("usage");
        long cacheRead = usage.path("cacheReadTokens").asLong();
        long cacheWrite = written.json().path("usage").path("cacheWriteTokens").asLong();
        assertThat(cacheRead).isPositive();
        assertThat(cacheWrite).isPositive();
        Map<String, Object> row = this.jdbc.queryForMap("SELECT input_tokens, cache_read_tokens, cache_write_tokens"
                + " FROM usage_record WHERE request_id = ?", read.header("X-Request-Id"));
        assertThat(((Number) row.get("cache_read_tokens")).longValue()).isEqualTo(cacheRead);
        assertThat(((Number) row.get("input_tokens")).longValue()).isEqualTo(usage.path("inputTokens").asLong());
        JsonNode after = sonnet(this.http.get("/v1/usage?groupBy=model").json());
        assertThat(after.path("cacheReadTokens").asLong() - before.path("cacheReadTokens").asLong()).isEqualTo(cacheRead);
        assertThat(after.path("cacheWriteTokens").asLong() - before.path("cacheWriteTokens").asLong())
            .isEqualTo(cacheWrite);
    }

    @Test
    void reasoningTokensAreInTheLedgerRowAndTheUsageReport() throws InterruptedException {
        GatewayHttp.Response response = this.http.post("/v1/text/generations", """
                {"model":"claude-sonnet-4-5","prompt":"Is 91 prime?","reasoning":{"budgetTokens":1024},"maxTokens":2000}""");
        assertThat(this.ledger.awaitWritten(Duration.ofSeconds(10))).isTrue();

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        long reasoning = response.json().path("usage").path("reasoningTokens").asLong();
        assertThat(reasoning).isPositive();
        Long stored = this.jdbc.queryForObject("SELECT reasoning_tokens FROM usage_record WHERE request_id = ?",
                Long.class, response.header("X-Request-Id"));
        assertThat(stored).isEqualTo(reasoning);
        assertThat(sonnet(this.http.get("/v1/usage?groupBy=model").json()).path("reasoningTokens").asLong())
            .isGreaterThanOrEqualTo(reasoning);
        assertThat(this.management.get("/actuator/prometheus").body())
            .containsPattern("gateway_reasoning_tokens_total\\{[^}]*model=\"claude-sonnet-4-5\"[^}]*} [1-9]");
    }

    private static JsonNode sonnet(JsonNode report) {
        return report.path("groups").valueStream()
            .filter(group -> group.path("model").asString().equals("claude-sonnet-4-5"))
            .findFirst()
            .orElse(MissingNode.getInstance());
    }
}
