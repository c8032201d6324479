package dev.fmgateway.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.fmgateway.support.GatewayHttp;
import dev.fmgateway.support.GatewayIntegrationTest;
import tools.jackson.databind.JsonNode;

/** {@code POST /v1/images/generations} for each image family, with real images decoded. */
class ImageGenerationTests extends GatewayIntegrationTest {

    static BufferedImage decode(JsonNode image) throws IOException {
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(image.path("base64").asString())));
        assertThat(decoded).as("a decodable " + image.path("mimeType").asString()).isNotNull();
        return decoded;
    }

    @ParameterizedTest
    @CsvSource({ "titan-image-v1, 512, 512, 2, 0.016", "sdxl, 1024, 1024, 1, 0.04", "stable-image-core, 1344, 768, 1, 0.04",
        "nova-canvas, 1280, 720, 2, 0.12" })
    void generatesRealImagesOfTheRequestedSize(String model, int width, int height, int count, String cost)
            throws IOException {
        GatewayHttp.Response response = this.http.post("/v1/images/generations", """
                {"model":"%s","prompt":"a lighthouse at dusk","width":%d,"height":%d,"count":%d,"seed":7}"""
            .formatted(model, width, height, count));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("images")).hasSize(count);
        for (JsonNode image : body.path("images")) {
            BufferedImage decoded = decode(image);
            assertThat(decoded.getWidth()).isEqualTo(width);
            assertThat(decoded.getHeight()).isEqualTo(height);
            assertThat(image.path("mimeType").asString()).isEqualTo("image/png");
        }
        assertThat(body.path("usage").path("images").asInt()).isEqualTo(count);
        assertThat(body.path("cost").path("usd").decimalValue()).isEqualByComparingTo(cost);
        assertThat(response.header("X-Gateway-Cost-USD")).isEqualTo(new java.math.BigDecimal(cost).toPlainString());
    }

    @Test
    void novaCanvasSendsItsTextImageBodyWithAStyleAndRefusesWhatItCannotTake() {
        GatewayHttp.Response response = this.http.post("/v1/images/generations", """
                {"model":"nova-canvas","prompt":"a lighthouse at dusk","negativePrompt":"people","stylePreset":"photorealism",
                 "quality":"premium","width":1024,"height":1024,"seed":7,"cfgScale":6.5}""");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        tools.jackson.databind.JsonNode sent = tools.jackson.databind.json.JsonMapper.builder().build()
            .readTree(this.emulator.requests().last().orElseThrow().bodyText());
        assertThat(sent.path("taskType").asString()).isEqualTo("TEXT_IMAGE");
        assertThat(sent.path("textToImageParams").path("style").asString()).isEqualTo("PHOTOREALISM");
        assertThat(sent.path("textToImageParams").path("negativeText").asString()).isEqualTo("people");
        assertThat(sent.path("imageGenerationConfig").path("quality").asString()).isEqualTo("premium");

        this.emulator.requests().clear();
        GatewayHttp.Response style = this.http.post("/v1/images/generations",
                "{\"model\":\"nova-canvas\",\"prompt\":\"x\",\"stylePreset\":\"photographic\"}");
        GatewayHttp.Response steps = this.http.post("/v1/images/generations",
                "{\"model\":\"nova-canvas\",\"prompt\":\"x\",\"steps\":30}");
        GatewayHttp.Response seed = this.http.post("/v1/images/generations",
                "{\"model\":\"nova-canvas\",\"prompt\":\"x\",\"seed\":900000000}");
        assertThat(style.status()).isEqualTo(400);
        assertThat(style.json().path("fieldErrors").path(0).path("field").asString()).isEqualTo("stylePreset");
        assertThat(steps.status()).isEqualTo(400);
        assertThat(seed.status()).isEqualTo(400);
        assertThat(this.emulator.requests().size()).isZero();
    }

    @Test
    void sameSeedSameImage() {
        String request = "{\"model\":\"titan-image-v1\",\"prompt\":\"a red ball\",\"width\":512,\"height\":512,\"seed\":3}";
        String first = this.http.post("/v1/images/generations", request).json().path("images").path(0).path("base64").asString();
        String second = this.http.post("/v1/images/generations", request).json().path("images").path(0).path("base64").asString();
        assertThat(first).isEqualTo(second);
    }

    @Test
    void premiumQualityAndLargeSizeArePricedByTier() {
        GatewayHttp.Response response = this.http.post("/v1/images/generations",
                "{\"model\":\"titan-image-v1\",\"prompt\":\"a red ball\",\"width\":1024,\"height\":1024,\"quality\":\"premium\"}");
        assertThat(response.json().path("cost").path("usd").decimalValue()).isEqualByComparingTo("0.012");
    }

    @Test
    void sizeOutsideTheModelsListIsRefusedBeforeTheCall() {
        GatewayHttp.Response response = this.http.post("/v1/images/generations",
                "{\"model\":\"titan-image-v1\",\"prompt\":\"x\",\"width\":640,\"height\":640}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("allowedValues").path("size").toString()).contains("1024x1024");
        assertThat(this.emulator.requests().size()).isZero();
    }

    @Test
    void countAboveTheModelsLimitIsRefused() {
        GatewayHttp.Response response = this.http.post("/v1/images/generations",
                "{\"model\":\"sdxl\",\"prompt\":\"x\",\"count\":2}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("detail").asString()).contains("count");
    }

    @Test
    void parameterTheFamilyDoesNotTakeIsNamed() {
        GatewayHttp.Response response = this.http.post("/v1/images/generations",
                "{\"model\":\"titan-image-v1\",\"prompt\":\"x\",\"stylePreset\":\"photographic\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("fieldErrors").path(0).path("field").asString()).isEqualTo("stylePreset");
        assertThat(this.emulator.requests().size()).isZero();
    }
}
