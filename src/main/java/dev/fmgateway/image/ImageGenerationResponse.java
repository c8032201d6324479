package dev.fmgateway.image;

import java.util.Base64;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.fmgateway.invocation.Completion;
import dev.fmgateway.invocation.CostViews;
import dev.fmgateway.invocation.ImageResult;
import dev.fmgateway.invocation.UsageView;

/** Answer of {@code POST /v1/images/generations}. */
record ImageGenerationResponse(String model, String region, List<Image> images, ImageUsage usage,
        UsageView.CostView cost, long latencyMs) {

    static ImageGenerationResponse of(Completion completion, long latencyMs) {
        ImageResult result = (ImageResult) completion.result();
        List<Image> images = result.images()
            .stream()
            .map(i -> new Image(i.mimeType(), Base64.getEncoder().encodeToString(i.data()), i.seed()))
            .toList();
        return new ImageGenerationResponse(completion.model().id(), completion.deployment().region(), images,
                new ImageUsage(result.usage().count(), result.usage().width(), result.usage().height()),
                CostViews.of(completion), latencyMs);
    }

    record Image(String mimeType, String base64, @Nullable Long seed) {
    }

    record ImageUsage(int images, int width, int height) {
    }
}
