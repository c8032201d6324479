package dev.fmgateway.aws;


import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.fmgateway.support.GatewayIntegrationTest;

/** Finished upstream calls leave nothing behind in the SDK's timeout timer (each one would hold its response). */
class ClientOverridesTests extends GatewayIntegrationTest {

    @Autowired
    private ClientOverrides overrides;

    @Test
    void aFinishedCallsTimeoutLeavesTheTimer() {
        int calls = 20;
        long setBefore = this.overrides.timeoutsSet();
        for (int i = 0; i < calls; i++) {
            // An InvokeModel call (Converse calls are signed and sent without the SDK client, so set no timeout).
            assertThat(this.http.post("/v1/embeddings", "{\"model\":\"titan-embed-text-v1\",\"input\":\"hello\"}")
                .status()).isEqualTo(200);
            assertThat(this.http.post("/v1/text/generations",
                    "{\"model\":\"falcon-7b-instruct\",\"prompt\":\"hello\",\"maxTokens\":8}").status()).isEqualTo(200);
        }
        assertThat(this.overrides.timeoutsSet() - setBefore).isGreaterThanOrEqualTo(2L * calls);
        // The SDK's own timer kept every timeout queued for 300 s; only calls still in flight (other tests) may remain.
        assertThat(this.overrides.timeoutsPending()).isLessThan(calls);
    }
}
