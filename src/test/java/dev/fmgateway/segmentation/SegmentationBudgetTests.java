package dev.fmgateway.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.fmgateway.support.GatewayHttp;
import dev.fmgateway.support.GatewayIntegrationTest;

/** The pixel budget: 4096 × 4096 bombs are refused before anything is decoded, and the rest of the gateway answers. */
class SegmentationBudgetTests extends GatewayIntegrationTest {

    /** A 4096 × 4096 image with one mask: the largest request the default per-request budget admits. */
    private static final long LARGEST = 4096L * 4096 * 2;

    @Autowired
    private PixelBudget budget;

    private GatewayHttp.Response segment(boolean multimask) {
        return this.http.post("/v1/images/segmentations", """
                {"model":"sam-2-1","image":"%s","points":[{"x":5,"y":5,"label":1}],"multimask":%s}"""
            .formatted(Bombs.FLAT_4096, multimask));
    }

    @Test
    void sixtyFourParallelBombsAreRefusedWhileOtherRoutesAnswer() throws Exception {
        List<PixelBudget.Reservation> held = new ArrayList<>();
        try {
            while (true) {
                try {
                    held.add(this.budget.reserve(LARGEST));
                }
                catch (SegmentationBusyException full) {
                    break;
                }
            }
            List<Future<GatewayHttp.Response>> bombs = new ArrayList<>();
            try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 64; i++) {
                    boolean multimask = i % 2 == 0;
                    bombs.add(callers.submit(() -> segment(multimask)));
                }
                GatewayHttp.Response text = this.http.post("/v1/text/generations",
                        "{\"model\":\"claude-haiku-4-5\",\"prompt\":\"hi\"}");
                assertThat(text.status()).as(text.body()).isEqualTo(200);
                for (int i = 0; i < bombs.size(); i++) {
                    GatewayHttp.Response response = bombs.get(i).get();
                    if (i % 2 == 0) {
                        assertThat(response.status()).as(response.body()).isEqualTo(413);
                        assertThat(response.json().path("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
                    }
                    else {
                        assertThat(response.status()).as(response.body()).isEqualTo(429);
                        assertThat(response.json().path("code").asString()).isEqualTo("RATE_LIMITED");
                        assertThat(response.header("Retry-After")).isEqualTo("1");
                    }
                }
            }
            assertThat(this.emulator.requests().all()).noneMatch(r -> r.rawPath().startsWith("/endpoints/"));
        }
        finally {
            held.forEach(PixelBudget.Reservation::close);
        }
        GatewayHttp.Response after = this.http.post("/v1/images/segmentations", """
                {"model":"sam-2-1","image":"%s","points":[{"x":5,"y":5,"label":1}]}""".formatted(SegmentationTests.png(64, 48)));
        assertThat(after.status()).as(SegmentationTests.brief(after)).isEqualTo(200);
        assertThat(after.json().path("masks").path(0).path("bbox").path("x1").asInt()).isEqualTo(63);
    }

    @Test
    void theBudgetIsSizedFromTheHeapAndGivenBack() {
        assertThat((long) this.budget.total())
            .isEqualTo(Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / PixelBudget.HEAP_BYTES_PER_PIXEL));
        assertThatThrownBy(() -> this.budget.reserve(LARGEST + 1)).isInstanceOf(ImageTooLargeException.class);
        for (int i = 0; i < 3; i++) {
            try (PixelBudget.Reservation all = this.budget.reserve(LARGEST)) {
                assertThat(all).isNotNull();
            }
        }
    }
}
