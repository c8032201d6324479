package dev.fmgateway.provider.bedrock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.fmgateway.catalog.PayloadFamily;
import dev.fmgateway.invocation.ImagePrompt;
import dev.fmgateway.invocation.ImageResult;
import dev.fmgateway.problem.ContentFilteredException;
import dev.fmgateway.web.InvalidRequestException;
import tools.jackson.databind.JsonNode;

/**
 * Stability SD3 / SD3.5 Large, Stable Image Core and Ultra: {@code prompt} with the {@code aspect_ratio} whose
 * output has the requested size, PNG output; answers {@code images[]}, {@code seeds[]},
 * {@code finish_reasons[]} where a non-null reason means the image was filtered.
 */
@Component
class StabilityImageCodec implements ImageCodec {

    @Override
    public PayloadFamily family() {
        return PayloadFamily.STABILITY_IMAGE;
    }

    /** These models take a prompt, negative prompt, aspect ratio and seed (0-4294967294), nothing else. */
    @Override
    public void check(ImagePrompt prompt) {
        String family = "Stability SD3 / Stable Image";
        ImageCodec.unsupported(family, "steps", prompt.steps());
        ImageCodec.unsupported(family, "cfgScale", prompt.cfgScale());
        ImageCodec.unsupported(family, "stylePreset", prompt.stylePreset());
        ImageCodec.unsupported(family, "quality", prompt.quality());
        ImageCodec.range("seed", prompt.seed(), 0, 4_294_967_294L);
    }

    @Override
    public Object request(ImagePrompt prompt) {
        return new Request(prompt.prompt(), prompt.negativePrompt(), aspectRatio(prompt.width(), prompt.height()),
                prompt.seed(), "png", "text-to-image");
    }

    /** The output size Stability produces for each aspect ratio (about one megapixel). */
    static final Map<String, String> ASPECT_RATIOS = Map.of("1024x1024", "1:1", "1344x768", "16:9", "1536x640",
            "21:9", "832x1248", "2:3", "1216x832", "3:2", "896x1120", "4:5", "1120x896", "5:4", "768x1344", "9:16",
            "640x1536", "9:21");

    static String aspectRatio(int width, int height) {
        String ratio = ASPECT_RATIOS.get(width + "x" + height);
        if (ratio == null) {
            throw new InvalidRequestException("width/height",
                    "must be one of the sizes these models produce: " + ASPECT_RATIOS.keySet());
        }
        return ratio;
    }

    @Override
    public ImageResult response(JsonNode body, ImagePrompt prompt, String modelId) {
        for (JsonNode reason : body.path("finish_reasons")) {
            if (!reason.isNull()) {
                throw new ContentFilteredException(modelId, reason.asString(""));
            }
        }
        List<ImageResult.Image> images = new ArrayList<>();
        JsonNode seeds = body.path("seeds");
        int index = 0;
        for (JsonNode image : body.path("images")) {
            byte[] data = ImageCodec.decode(image);
            Long seed = seeds.path(index++).isNumber() ? seeds.path(index - 1).asLong() : prompt.seed();
            images.add(new ImageResult.Image(ImageCodec.mimeType(data), data, seed));
        }
        return new ImageResult(images, ImageCodec.usage(images.size(), prompt));
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Request(String prompt, @JsonProperty("negative_prompt") @Nullable String negativePrompt,
            @JsonProperty("aspect_ratio") String aspectRatio, @Nullable Long seed,
            @JsonProperty("output_format") String outputFormat, String mode) {
    }
}
