package dev.fmgateway.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Base64;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import dev.fmgateway.support.GatewayHttp;
import dev.fmgateway.support.GatewayIntegrationTest;
import tools.jackson.databind.JsonNode;

/** {@code POST /v1/images/segmentations} with Segment Anything on a SageMaker endpoint (emulated). */
class SegmentationTests extends GatewayIntegrationTest {

    static String png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    @Test
    void masksArePngsOfTheImageSizeAroundThePrompts() throws IOException {
        GatewayHttp.Response response = this.http.post("/v1/images/segmentations", """
                {"model":"sam-2-1","image":"%s","points":[{"x":100,"y":60,"label":1}],"multimask":true}"""
            .formatted(png(200, 120)));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("width").asInt()).isEqualTo(200);
        assertThat(body.path("height").asInt()).isEqualTo(120);
        assertThat(body.path("masks")).hasSize(3);
        for (JsonNode mask : body.path("masks")) {
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(mask.path("base64").asString())));
            assertThat(png.getWidth()).isEqualTo(200);
            assertThat(png.getHeight()).isEqualTo(120);
            assertThat(png.getRaster().getSample(100, 60, 0)).isEqualTo(255);
            assertThat(png.getRaster().getSample(0, 0, 0)).isZero();
            JsonNode bbox = mask.path("bbox");
            assertThat(bbox.path("x0").asInt()).isLessThanOrEqualTo(100);
            assertThat(bbox.path("x1").asInt()).isGreaterThanOrEqualTo(100);
            assertThat(mask.path("score").asDouble()).isBetween(0.0, 1.0);
        }
        assertThat(this.emulator.requests().last().orElseThrow().rawPath())
            .isEqualTo("/endpoints/jumpstart-dft-meta-vs-sam-2-1-hiera-large/invocations");
    }

    @Test
    void aBoxPromptSegmentsTheBox() throws IOException {
        GatewayHttp.Response response = this.http.post("/v1/images/segmentations", """
                {"model":"sam-2-1","image":"%s","boxes":[{"x0":10,"y0":10,"x1":50,"y1":40}]}""".formatted(png(100, 80)));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode bbox = response.json().path("masks").path(0).path("bbox");
        assertThat(bbox.path("x0").asInt()).isEqualTo(10);
        assertThat(bbox.path("y1").asInt()).isEqualTo(40);
    }

    @Test
    void notAnImageIsRefused() {
        GatewayHttp.Response response = this.http.post("/v1/images/segmentations",
                "{\"model\":\"sam-2-1\",\"image\":\"aGVsbG8=\",\"points\":[{\"x\":1,\"y\":1,\"label\":1}]}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("fieldErrors").path(0).path("field").asString()).isEqualTo("image");
    }

    @Test
    void promptOutsideTheImageIsRefused() throws IOException {
        GatewayHttp.Response response = this.http.post("/v1/images/segmentations",
                "{\"model\":\"sam-2-1\",\"image\":\"%s\",\"points\":[{\"x\":500,\"y\":1,\"label\":1}]}".formatted(png(100, 80)));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("detail").asString()).contains("inside the 100x80 image");
        assertThat(this.emulator.requests().size()).isZero();
    }

    @Test
    void promptsAreRequired() throws IOException {
        GatewayHttp.Response response = this.http.post("/v1/images/segmentations",
                "{\"model\":\"sam-2-1\",\"image\":\"%s\"}".formatted(png(10, 10)));
        assertThat(response.status()).isEqualTo(400);
    }
}
