package dev.fmgateway.segmentation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import dev.fmgateway.emulator.FaultRule;
import dev.fmgateway.emulator.RecordedRequest;
import dev.fmgateway.support.GatewayHttp;
import dev.fmgateway.support.GatewayIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code POST /v1/images/segmentations} with Segment Anything on a SageMaker endpoint (emulated). */
class SegmentationTests extends GatewayIntegrationTest {

    static final String ENDPOINT = "jumpstart-dft-meta-vs-sam-2-1-hiera-large";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static String png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    static String png(int width, int height) {
        return png(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB));
    }

    /** A black image with a white rectangle of {@code w × h} at {@code (x, y)}. */
    static String rectangle(int width, int height, int x, int y, int w, int h) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(x, y, w, h);
        g.dispose();
        return png(image);
    }

    static BufferedImage mask(JsonNode mask) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(mask.path("base64").asString())));
    }

    static String brief(GatewayHttp.Response response) {
        String body = response.body();
        return body.length() > 400 ? body.substring(0, 400) + "…" : body;
    }

    private List<RecordedRequest> samCalls() {
        return this.emulator.requests().all().stream().filter(r -> r.rawPath().startsWith("/endpoints/" + ENDPOINT)).toList();
    }

    private static JsonNode body(RecordedRequest request) {
        return JSON.readTree(request.bodyText());
    }

    @Test
    void aPointMasksTheWholeFlatObjectUnderIt() throws IOException {
        GatewayHttp.Response response = this.http.post("/v1/images/segmentations", """
                {"model":"sam-2-1","image":"%s","points":[{"x":80,"y":55,"label":1}]}"""
            .formatted(rectangle(200, 120, 60, 40, 40, 30)));

        assertThat(response.status()).as(brief(response)).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("width").asInt()).isEqualTo(200);
        assertThat(body.path("height").asInt()).isEqualTo(120);
        assertThat(body.path("masks")).hasSize(1);
        BufferedImage png = mask(body.path("masks").path(0));
        assertThat(png.getWidth()).isEqualTo(200);
        assertThat(png.getHeight()).isEqualTo(120);
        int inside = 0;
        int outside = 0;
        for (int y = 0; y < 120; y++) {
            for (int x = 0; x < 200; x++) {
                boolean set = png.getRaster().getSample(x, y, 0) == 255;
                boolean inRectangle = x >= 60 && x < 100 && y >= 40 && y < 70;
                inside += set && inRectangle ? 1 : 0;
                outside += set && !inRectangle ? 1 : 0;
            }
        }
        assertThat(inside).isGreaterThanOrEqualTo(40 * 30 * 95 / 100);
        assertThat(outside).isZero();
        JsonNode bbox = body.path("masks").path(0).path("bbox");
        assertThat(List.of(bbox.path("x0").asInt(), bbox.path("y0").asInt(), bbox.path("x1").asInt(), bbox.path("y1").asInt()))
            .containsExactly(60, 40, 99, 69);
    }

    @Test
    void pointsAndBoxesGoThroughAClosedSession() {
        String image = rectangle(100, 80, 10, 10, 30, 20);
        GatewayHttp.Response response = this.http.post("/v1/images/segmentations", """
                {"model":"sam-2-1","image":"%s","points":[{"x":20,"y":15,"label":1}],
                 "boxes":[{"x0":5,"y0":5,"x1":45,"y1":35},{"x0":60,"y0":40,"x1":90,"y1":70}]}""".formatted(image));

        assertThat(response.status()).as(brief(response)).isEqualTo(200);
        assertThat(response.json().path("masks")).hasSize(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> this.emulator.samSessions().open() == 0);
        List<RecordedRequest> calls = samCalls();
        assertThat(calls).hasSize(4);
        RecordedRequest start = calls.getFirst();
        assertThat(start.rawPath()).endsWith("/invocations");
        assertThat(start.header("x-amzn-sagemaker-session-id")).isEqualTo("NEW_SESSION");
        assertThat(body(start).path("type").asString()).isEqualTo("start_session");
        assertThat(body(start).path("input_type").asString()).isEqualTo("image");
        assertThat(body(start).path("path").asString()).isEqualTo(image);
        String session = calls.get(1).header("x-amzn-sagemaker-session-id");
        assertThat(session).isNotBlank().isNotEqualTo("NEW_SESSION");
        for (RecordedRequest prompt : calls.subList(1, 3)) {
            assertThat(prompt.rawPath()).endsWith("/invocations-response-stream");
            assertThat(prompt.header("x-amzn-sagemaker-session-id")).isEqualTo(session);
            assertThat(body(prompt).path("type").asString()).isEqualTo("add_box");
        }
        assertThat(body(calls.get(1)).path("box").toString()).isEqualTo("[5,5,45,35]");
        assertThat(body(calls.get(1)).path("points").toString()).isEqualTo("[[20,15]]");
        assertThat(body(calls.get(1)).path("object_id").asInt()).isEqualTo(1);
        assertThat(body(calls.get(2)).path("object_id").asInt()).isEqualTo(2);
        RecordedRequest close = calls.getLast();
        assertThat(body(close).path("type").asString()).isEqualTo("close_session");
        assertThat(close.header("x-amzn-sagemaker-session-id")).isEqualTo(session);
    }

    @Test
    void pointsAloneAreAddedAsPoints() {
        GatewayHttp.Response response = this.http.post("/v1/images/segmentations", """
                {"model":"sam-2-1","image":"%s","points":[{"x":20,"y":15,"label":1},{"x":2,"y":2,"label":0}]}"""
            .formatted(rectangle(100, 80, 10, 10, 30, 20)));

        assertThat(response.status()).as(brief(response)).isEqualTo(200);
        JsonNode add = body(samCalls().get(1));
        assertThat(add.path("type").asString()).isEqualTo("add_points");
        assertThat(add.path("points").toString()).isEqualTo("[[20,15],[2,2]]");
        assertThat(add.path("labels").toString()).isEqualTo("[1,0]");
    }

    @Test
    void theSessionIsClosedWhenAPromptFails() {
        this.emulator.faults().add(FaultRule.of(FaultRule.Kind.MODEL_ERROR).forTarget(ENDPOINT).every(2).limit(1)
            .originalStatusCode(400));
        GatewayHttp.Response response = this.http.post("/v1/images/segmentations", """
                {"model":"sam-2-1","image":"%s","points":[{"x":20,"y":15,"label":1}]}""".formatted(png(100, 80)));

        assertThat(response.status()).as(brief(response)).isEqualTo(502);
        await().atMost(Duration.ofSeconds(5)).until(() -> this.emulator.samSessions().open() == 0);
        assertThat(body(samCalls().getLast()).path("type").asString()).isEqualTo("close_session");
    }

    @Test
    void theSessionIsClosedWhenTheDeadlinePasses() {
        this.emulator.faults().add(FaultRule.of(FaultRule.Kind.HANG).forTarget(ENDPOINT).every(2).limit(1)
            .duration(Duration.ofSeconds(3)));
        GatewayHttp.Response response = this.http.post("/v1/images/segmentations", """
                {"model":"sam-2-1","image":"%s","points":[{"x":20,"y":15,"label":1}]}""".formatted(png(100, 80)),
                "X-Gateway-Timeout-Ms", "700");

        assertThat(response.status()).as(brief(response)).isEqualTo(504);
        await().atMost(Duration.ofSeconds(5)).until(() -> this.emulator.samSessions().open() == 0);
        assertThat(samCalls()).extracting(r -> body(r).path("type").asString())
            .containsExactly("start_session", "add_points", "close_session");
    }

    @Test
    void aBoxPromptSegmentsTheBox() {
        GatewayHttp.Response response = this.http.post("/v1/images/segmentations", """
                {"model":"sam-2-1","image":"%s","boxes":[{"x0":10,"y0":10,"x1":50,"y1":40}]}""".formatted(png(100, 80)));

        assertThat(response.status()).as(brief(response)).isEqualTo(200);
        JsonNode bbox = response.json().path("masks").path(0).path("bbox");
        assertThat(bbox.path("x0").asInt()).isEqualTo(10);
        assertThat(bbox.path("y1").asInt()).isEqualTo(40);
    }

    @Test
    void aMultimaskBombIsRefusedBeforeAnythingIsDecoded() {
        GatewayHttp.Response response = this.http.post("/v1/images/segmentations", """
                {"model":"sam-2-1","image":"%s","points":[{"x":5,"y":5,"label":1}],"multimask":true}"""
            .formatted(Bombs.FLAT_4096));

        assertThat(response.status()).as(brief(response)).isEqualTo(413);
        assertThat(response.json().path("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(this.emulator.requests().size()).isZero();
    }

    @Test
    void notAnImageIsRefused() {
        GatewayHttp.Response response = this.http.post("/v1/images/segmentations",
                "{\"model\":\"sam-2-1\",\"image\":\"aGVsbG8=\",\"points\":[{\"x\":1,\"y\":1,\"label\":1}]}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("fieldErrors").path(0).path("field").asString()).isEqualTo("image");
    }

    @Test
    void promptOutsideTheImageIsRefused() {
        GatewayHttp.Response response = this.http.post("/v1/images/segmentations",
                "{\"model\":\"sam-2-1\",\"image\":\"%s\",\"points\":[{\"x\":500,\"y\":1,\"label\":1}]}".formatted(png(100, 80)));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("detail").asString()).contains("inside the 100x80 image");
        assertThat(this.emulator.requests().size()).isZero();
    }

    @Test
    void promptsAreRequired() {
        GatewayHttp.Response response = this.http.post("/v1/images/segmentations",
                "{\"model\":\"sam-2-1\",\"image\":\"%s\"}".formatted(png(10, 10)));
        assertThat(response.status()).isEqualTo(400);
    }
}
