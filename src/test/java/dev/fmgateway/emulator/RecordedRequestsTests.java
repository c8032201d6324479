package dev.fmgateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The emulator's request recorder keeps metadata for many requests but a bounded number of body bytes. */
class RecordedRequestsTests {

    private static RecordedRequest withBody(int bytes) {
        return new RecordedRequest("POST", "/model/m/invoke", "bedrock", "us-east-1", Map.of(), new byte[bytes],
                Instant.now());
    }

    @Test
    void aHundredEightMegabyteBodiesHoldAtMostSixteenMegabytes() {
        RecordedRequests recorded = new RecordedRequests();
        for (int i = 0; i < 100; i++) {
            recorded.add(withBody(8 * 1024 * 1024));
        }

        assertThat(recorded.bodyBytes()).isLessThanOrEqualTo(RecordedRequests.MAX_TOTAL_BYTES);
        assertThat(recorded.last().orElseThrow().body()).hasSize(RecordedRequests.MAX_BODY_BYTES);
    }

    @Test
    void smallBodiesAreKeptWholeUpToTheCapacity() {
        RecordedRequests recorded = new RecordedRequests();
        for (int i = 0; i < 150; i++) {
            recorded.add(withBody(100));
        }

        assertThat(recorded.size()).isEqualTo(RecordedRequests.CAPACITY);
        assertThat(recorded.bodyBytes()).isEqualTo(100L * RecordedRequests.CAPACITY);
    }
}
