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
import dev.fmgateway.provider.ContentFilteredException;
import tools.jackson.databind.JsonNode;

/**
 * Stability SD3 / SD3.5 Large, Stable Image Core and Ultra: {@code prompt} with an {@code aspect_ratio} (the
 * requested size's ratio, reduced), PNG output; answers {@code images[]}, {@code seeds[]},
 * {@code finish_reasons[]} where a non-null reason means the image was filtered.
 */
@Component
class StabilityImageCodec implements ImageCodec {

    @Override
    public PayloadFamily family() {
        return PayloadFamily.STABILITY_IMAGE;
    }

    @Override
    public Object request(ImagePrompt prompt) {
        return new Request(prompt.prompt(), prompt.negativePrompt(), aspectRatio(prompt.width(), prompt.height()),
                prompt.seed(), "png", "text-to-image");
    }

    static String aspectRatio(int width, int height) {
        int divisor = gcd(width, height);
        return width / divisor + ":" + height / divisor;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
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
