package dev.fmgateway.image;

import java.util.Base64;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import dev.fmgateway.invocation.Completion;
import dev.fmgateway.web.CostViews;
import dev.fmgateway.invocation.ImageResult;
import dev.fmgateway.web.UsageView;

/** Answer of {@code POST /v1/images/generations}. */
@Schema(description = "Generated images with their usage and cost")
record ImageGenerationResponse(
        @Schema(description = "Catalog id of the model that answered", example = "titan-image-v2") String model,
        @Schema(description = "AWS region that served the call", example = "us-east-1") String region,
        @Schema(description = "The images, in generation order") List<Image> images, ImageUsage usage,
        UsageView.CostView cost,
        @Schema(description = "Time the gateway spent on the call, in milliseconds", example = "2310") long latencyMs) {

    static ImageGenerationResponse of(Completion<ImageResult> completion, long latencyMs) {
        ImageResult result = completion.result();
        List<Image> images = result.images()
            .stream()
            .map(i -> new Image(i.mimeType(), Base64.getEncoder().encodeToString(i.data()), i.seed()))
            .toList();
        return new ImageGenerationResponse(completion.model().id(), completion.deployment().region(), images,
                new ImageUsage(result.usage().count(), result.usage().width(), result.usage().height()),
                CostViews.of(completion), latencyMs);
    }

    @Schema(name = "GeneratedImage", description = "One generated image")
    record Image(@Schema(description = "Media type of the image", example = "image/png") String mimeType,
            @Schema(description = "The image bytes, base64 encoded", format = "byte", example = "iVBORw0KGgo=") String base64,
            @Schema(description = "Seed that produced it, when the model reports one", example = "42") @Nullable Long seed) {
    }

    @Schema(name = "ImageUsage", description = "What the images are billed by")
    record ImageUsage(@Schema(description = "Number of images", example = "1") int images,
            @Schema(description = "Width of each, in pixels", example = "1024") int width,
            @Schema(description = "Height of each, in pixels", example = "1024") int height) {
    }
}
