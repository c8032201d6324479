package dev.fmgateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;
import tools.jackson.databind.JsonNode;

class ImageTests {

    private static JsonNode invoke(String model, String json) {
        return Json.MAPPER.readTree(TestEmulator.invoke(model, json).body().asUtf8String());
    }

    static BufferedImage decode(String base64) {
        try {
            return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Throwable rejected(String model, String json) {
        return TestEmulator.failure(TestEmulator.BEDROCK.invokeModel(r -> r.modelId(model).body(SdkBytes.fromUtf8String(json))));
    }

    @Test
    void titanGeneratesTheRequestedNumberOfPngsOfTheRequestedSizeDeterministically() {
        String request = """
                {"taskType":"TEXT_IMAGE","textToImageParams":{"text":"a lighthouse"},
                 "imageGenerationConfig":{"numberOfImages":2,"width":512,"height":512,"cfgScale":8.0,"seed":7}}""";
        JsonNode body = invoke("amazon.titan-image-generator-v2:0", request);

        assertThat(body.get("images")).hasSize(2);
        BufferedImage first = decode(body.at("/images/0").asString());
        assertThat(first.getWidth()).isEqualTo(512);
        assertThat(first.getHeight()).isEqualTo(512);
        assertThat(body.at("/images/0").asString()).isNotEqualTo(body.at("/images/1").asString());
        assertThat(invoke("amazon.titan-image-generator-v2:0", request).at("/images/0").asString())
                .isEqualTo(body.at("/images/0").asString());
        assertThat(TestEmulator.invoke("amazon.titan-image-generator-v1", request)
                .sdkHttpResponse().firstMatchingHeader("X-Amzn-Bedrock-Input-Token-Count")).isEmpty();
    }

    @Test
    void titanInpaintingKeepsTheInputSizeAndBackgroundRemovalIsV2Only() {
        String input = ImageCodec.encodeBase64(ImageCodec.render(320, 200, 1, false), "png");
        JsonNode inpainted = invoke("amazon.titan-image-generator-v1", """
                {"taskType":"INPAINTING","inPaintingParams":{"image":"%s","maskPrompt":"the sky","text":"stars"}}""".formatted(input));
        BufferedImage image = decode(inpainted.at("/images/0").asString());
        assertThat(image.getWidth()).isEqualTo(320);
        assertThat(image.getHeight()).isEqualTo(200);

        assertThat(rejected("amazon.titan-image-generator-v1", """
                {"taskType":"BACKGROUND_REMOVAL","backgroundRemovalParams":{"image":"%s"}}""".formatted(input)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("BACKGROUND_REMOVAL is not a valid enum value");
        JsonNode removed = invoke("amazon.titan-image-generator-v2:0", """
                {"taskType":"BACKGROUND_REMOVAL","backgroundRemovalParams":{"image":"%s"}}""".formatted(input));
        assertThat(decode(removed.at("/images/0").asString()).getColorModel().hasAlpha()).isTrue();
    }

    @Test
    void titanRejectsUnsupportedSizesAndMissingText() {
        assertThat(rejected("amazon.titan-image-generator-v2:0", """
                {"taskType":"TEXT_IMAGE","textToImageParams":{"text":"x"},"imageGenerationConfig":{"width":1000,"height":1000}}"""))
                .isInstanceOf(ValidationException.class).hasMessageContaining("1000x1000 is not a supported image size");
        assertThat(rejected("amazon.titan-image-generator-v2:0", """
                {"taskType":"TEXT_IMAGE","textToImageParams":{"prompt":"x"}}"""))
                .isInstanceOf(ValidationException.class).hasMessageContaining("2 schema violations");
    }

    @Test
    void sdxlReturnsArtifactsWithSeeds() {
        JsonNode body = invoke("stability.stable-diffusion-xl-v1", """
                {"text_prompts":[{"text":"a castle","weight":1},{"text":"blurry","weight":-1}],"width":1152,"height":896,
                 "cfg_scale":10,"steps":30,"seed":100,"samples":2,"style_preset":"photographic"}""");

        assertThat(body.get("result").asString()).isEqualTo("success");
        assertThat(body.get("artifacts")).hasSize(2);
        assertThat(body.at("/artifacts/1/seed").asLong()).isEqualTo(101);
        assertThat(body.at("/artifacts/0/finishReason").asString()).isEqualTo("SUCCESS");
        BufferedImage image = decode(body.at("/artifacts/0/base64").asString());
        assertThat(image.getWidth()).isEqualTo(1152);
        assertThat(image.getHeight()).isEqualTo(896);
        assertThat(rejected("stability.stable-diffusion-xl-v1", "{\"text_prompts\":[{\"text\":\"x\"}],\"width\":512,\"height\":512}"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("512x512 is not a supported size");
    }

    @Test
    void stableImageUltraHonoursAspectRatioAndOutputFormat() {
        JsonNode body = invoke("stability.stable-image-ultra-v1:1", """
                {"prompt":"a fox in snow","aspect_ratio":"16:9","output_format":"jpeg","seed":5}""");

        assertThat(body.get("seeds").get(0).asLong()).isEqualTo(5);
        assertThat(body.get("finish_reasons").get(0).isNull()).isTrue();
        byte[] bytes = Base64.getDecoder().decode(body.at("/images/0").asString());
        assertThat(bytes[0] & 0xFF).isEqualTo(0xFF);
        assertThat(bytes[1] & 0xFF).isEqualTo(0xD8);
        BufferedImage image = decode(body.at("/images/0").asString());
        assertThat(image.getWidth()).isEqualTo(1344);
        assertThat(image.getHeight()).isEqualTo(768);

        assertThat(rejected("stability.sd3-large-v1:0", "{\"prompt\":\"x\",\"aspect_ratio\":\"7:3\"}"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("#/aspect_ratio: 7:3 is not a valid enum value");
        assertThat(rejected("us.stability.stable-image-core-v1:1", "{\"prompt\":\"x\",\"mode\":\"image-to-image\"}"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("2 schema violations");
    }
}
