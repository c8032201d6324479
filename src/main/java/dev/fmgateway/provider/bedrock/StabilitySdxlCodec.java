package dev.fmgateway.provider.bedrock;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.invocation.ImagePrompt;
import dev.fmgateway.invocation.ImageResult;
import dev.fmgateway.problem.ContentFilteredException;
import tools.jackson.databind.JsonNode;

/**
 * Stability SDXL 1.0: weighted {@code text_prompts} (a negative prompt has weight -1), {@code cfg_scale},
 * {@code steps}, {@code seed}, {@code style_preset}; answers {@code artifacts[{base64, seed, finishReason}]}.
 */
@Component
class StabilitySdxlCodec implements ImageCodec {

    @Override
    public PayloadFamily family() {
        return PayloadFamily.STABILITY_SDXL;
    }

    /** SDXL has no quality tiers; cfg_scale 0-35, steps 10-150, seed 0-4294967295, one image per call. */
    @Override
    public void check(ImagePrompt prompt) {
        ImageCodec.unsupported("Stability SDXL", "quality", prompt.quality());
        ImageCodec.range("cfgScale", prompt.cfgScale(), 0, 35);
        ImageCodec.range("steps", prompt.steps(), 10, 150);
        ImageCodec.maxLength("prompt", prompt.prompt(), 2000, "Stability SDXL");
        ImageCodec.maxLength("negativePrompt", prompt.negativePrompt(), 2000, "Stability SDXL");
    }

    @Override
    public Object request(ImagePrompt prompt) {
        List<TextPrompt> prompts = new ArrayList<>();
        prompts.add(new TextPrompt(prompt.prompt(), 1.0));
        if (prompt.negativePrompt() != null) {
            prompts.add(new TextPrompt(prompt.negativePrompt(), -1.0));
        }
        return new Request(prompts, prompt.width(), prompt.height(), prompt.cfgScale(), prompt.steps(), prompt.seed(),
                prompt.count(), prompt.stylePreset());
    }

    @Override
    public ImageResult response(JsonNode body, ImagePrompt prompt, String modelId) {
        List<ImageResult.Image> images = new ArrayList<>();
        for (JsonNode artifact : body.path("artifacts")) {
            if ("CONTENT_FILTERED".equals(artifact.path("finishReason").asString(""))) {
                throw new ContentFilteredException(modelId, "an output image was filtered");
            }
            byte[] data = ImageCodec.decode(artifact.path("base64"));
            Long seed = artifact.path("seed").isNumber() ? artifact.path("seed").asLong() : prompt.seed();
            images.add(new ImageResult.Image(ImageCodec.mimeType(data), data, seed));
        }
        return new ImageResult(images, ImageCodec.usage(images.size(), prompt));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Request(@JsonProperty("text_prompts") List<TextPrompt> textPrompts, int width, int height,
            @JsonProperty("cfg_scale") @Nullable Double cfgScale, @Nullable Integer steps, @Nullable Long seed,
            int samples, @JsonProperty("style_preset") @Nullable String stylePreset) {
    }

    record TextPrompt(String text, double weight) {
    }
}
