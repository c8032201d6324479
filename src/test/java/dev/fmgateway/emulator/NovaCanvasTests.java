package dev.fmgateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;
import tools.jackson.databind.JsonNode;

/** The emulator's Nova Canvas TEXT_IMAGE body (reference chat-apis-wire §2.1), answered and refused. */
class NovaCanvasTests {

    private static final String NOVA_CANVAS = "amazon.nova-canvas-v1:0";

    @Test
    void textImageAnswersImagesOfTheAskedSize() {
        JsonNode body = Json.MAPPER.readTree(TestEmulator.invoke(NOVA_CANVAS, """
                {"taskType":"TEXT_IMAGE","textToImageParams":{"text":"a lighthouse","style":"PHOTOREALISM"},
                 "imageGenerationConfig":{"width":1280,"height":720,"numberOfImages":2,"quality":"premium","seed":5}}""")
            .body().asUtf8String());

        assertThat(body.path("images")).hasSize(2);
        assertThat(ImageCodec.decode(body.path("images").path(0).asString(), "images").getWidth()).isEqualTo(1280);
    }

    @Test
    void badBodiesAreRefused() {
        assertThatThrownBy(() -> TestEmulator.invoke(NOVA_CANVAS, """
                {"taskType":"TEXT_IMAGE","textToImageParams":{"text":"x","style":"photographic"}}"""))
            .isInstanceOf(ValidationException.class).hasMessageContaining("style");
        assertThatThrownBy(() -> TestEmulator.invoke(NOVA_CANVAS, """
                {"taskType":"TEXT_IMAGE","textToImageParams":{"text":"x"},"imageGenerationConfig":{"width":1000,"height":1000}}"""))
            .isInstanceOf(ValidationException.class).hasMessageContaining("multiple of 16");
        assertThatThrownBy(() -> TestEmulator.invoke(NOVA_CANVAS, """
                {"taskType":"TEXT_IMAGE","textToImageParams":{"text":"x"},"imageGenerationConfig":{"seed":900000000}}"""))
            .isInstanceOf(ValidationException.class).hasMessageContaining("seed");
        assertThatThrownBy(() -> TestEmulator.invoke(NOVA_CANVAS, """
                {"taskType":"TEXT_IMAGE","textToImageParams":{"text":"x"},"steps":30}"""))
            .isInstanceOf(ValidationException.class).hasMessageContaining("steps");
    }
}
