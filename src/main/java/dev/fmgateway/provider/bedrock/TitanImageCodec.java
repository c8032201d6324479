package dev.fmgateway.provider.bedrock;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.invocation.ImagePrompt;
import dev.fmgateway.invocation.ImageResult;
import dev.fmgateway.problem.ContentFilteredException;
import tools.jackson.databind.JsonNode;

/** Amazon Titan Image Generator, {@code TEXT_IMAGE} task: {@code images[]} of base64 PNG, or {@code error}. */
@Component
class TitanImageCodec implements ImageCodec {

    @Override
    public PayloadFamily family() {
        return PayloadFamily.TITAN_IMAGE;
    }

    /** Titan takes no steps or style presets; cfgScale 1.1-10, seed 0-2147483646 (AWS Titan Image parameters). */
    @Override
    public void check(ImagePrompt prompt) {
        ImageCodec.unsupported("Titan Image", "steps", prompt.steps());
        ImageCodec.unsupported("Titan Image", "stylePreset", prompt.stylePreset());
        ImageCodec.range("cfgScale", prompt.cfgScale(), 1.1, 10);
        ImageCodec.range("seed", prompt.seed(), 0, 2_147_483_646L);
        ImageCodec.maxLength("prompt", prompt.prompt(), 512, "Titan Image");
        ImageCodec.maxLength("negativePrompt", prompt.negativePrompt(), 512, "Titan Image");
    }

    @Override
    public Object request(ImagePrompt prompt) {
        return new Request("TEXT_IMAGE", new TextToImage(prompt.prompt(), prompt.negativePrompt()),
                new Config(prompt.count(), prompt.width(), prompt.height(), prompt.cfgScale(), prompt.seed(),
                        prompt.quality()));
    }

    @Override
    public ImageResult response(JsonNode body, ImagePrompt prompt, String modelId) {
        return images(body, prompt, modelId);
    }

    /** The answer of Titan Image and of Nova Canvas, which answers the same way: {@code images[]} or {@code error}. */
    static ImageResult images(JsonNode body, ImagePrompt prompt, String modelId) {
        String error = body.path("error").asString("");
        if (!error.isEmpty()) {
            throw new ContentFilteredException(modelId, error);
        }
        List<ImageResult.Image> images = new ArrayList<>();
        for (JsonNode image : body.path("images")) {
            byte[] data = ImageCodec.decode(image);
            images.add(new ImageResult.Image(ImageCodec.mimeType(data), data, prompt.seed()));
        }
        return new ImageResult(images, ImageCodec.usage(images.size(), prompt));
    }

    record Request(String taskType, TextToImage textToImageParams, Config imageGenerationConfig) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TextToImage(String text, @Nullable String negativeText) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Config(int numberOfImages, int width, int height, @Nullable Double cfgScale, @Nullable Long seed,
            @Nullable String quality) {
    }
}
