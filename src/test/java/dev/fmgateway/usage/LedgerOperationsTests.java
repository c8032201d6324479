package dev.fmgateway.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

import dev.fmgateway.support.GatewayHttp;
import dev.fmgateway.support.GatewayIntegrationTest;

/** What an operator sees of the ledger, and how the gateway stops around it. */
class LedgerOperationsTests extends GatewayIntegrationTest {

    @Autowired
    Environment environment;

    @Test
    void healthShowsTheLedgersStateAndBacklog() {
        GatewayHttp.Response health = this.management.get("/actuator/health");

        JsonNode ledger = health.json().path("components").path("ledger");
        assertThat(ledger.path("status").asString()).as(health.body()).isEqualTo("UP");
        assertThat(ledger.path("details").path("state").asString()).isEqualTo("WRITING");
        assertThat(ledger.path("details").path("backlog").isNumber()).isTrue();
        assertThat(ledger.path("details").path("journalBytes").isNumber()).isTrue();
    }

    @Test
    void aGracefulShutdownWaitsLongerThanTheLongestDeadline() {
        Duration grace = this.environment.getProperty("spring.lifecycle.timeout-per-shutdown-phase", Duration.class,
                Duration.ofSeconds(30));
        Duration deadline = this.environment.getProperty("gateway.resilience.deadline", Duration.class);

        assertThat(this.environment.getProperty("server.shutdown")).isEqualTo("graceful");
        assertThat(grace).isGreaterThan(deadline);
    }
}
