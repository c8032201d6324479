package dev.fmgateway.image;

import java.util.List;
import java.util.Map;

import dev.fmgateway.catalog.CatalogModel;
import dev.fmgateway.catalog.Limits;
import dev.fmgateway.invocation.ImagePrompt;
import dev.fmgateway.web.InvalidRequestException;

/** Checks an image request against the model's sizes, count and steps, and fills in the defaults. */
public final class ImagePrompts {

    private ImagePrompts() {
    }

    public static ImagePrompt of(ImageGenerationRequest request, CatalogModel model) {
        Limits limits = model.limits();
        String size = size(request, limits);
        int x = size.indexOf('x');
        int count = request.count() != null ? request.count() : 1;
        if (limits.maxImages() != null && count > limits.maxImages()) {
            throw new InvalidRequestException("count", "must be at most " + limits.maxImages() + " for " + model.id());
        }
        if (request.steps() != null && limits.maxSteps() != null && request.steps() > limits.maxSteps()) {
            throw new InvalidRequestException("steps", "must be at most " + limits.maxSteps() + " for " + model.id());
        }
        return new ImagePrompt(request.prompt(), request.negativePrompt(), Integer.parseInt(size.substring(0, x)),
                Integer.parseInt(size.substring(x + 1)), count, request.seed(), request.steps(), request.cfgScale(),
                request.stylePreset(), request.quality());
    }

    private static String size(ImageGenerationRequest request, Limits limits) {
        List<String> sizes = limits.imageSizes();
        if (request.width() == null && request.height() == null) {
            return sizes.isEmpty() ? "1024x1024" : sizes.getFirst();
        }
        if (request.width() == null || request.height() == null) {
            throw new InvalidRequestException(request.width() == null ? "width" : "height",
                    "must be given together with " + (request.width() == null ? "height" : "width"));
        }
        String size = request.width() + "x" + request.height();
        if (!sizes.isEmpty() && !sizes.contains(size)) {
            InvalidRequestException ex = new InvalidRequestException("width/height",
                    "must be one of the model's sizes " + sizes);
            ex.extend("allowedValues", Map.of("size", sizes));
            throw ex;
        }
        return size;
    }
}
