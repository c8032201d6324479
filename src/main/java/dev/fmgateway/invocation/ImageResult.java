package dev.fmgateway.invocation;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** Generated images (real PNG or JPEG bytes) and the image usage they are billed by. */
public record ImageResult(List<Image> images, Usage.Images usage) implements InferenceResult {

    public ImageResult {
        images = List.copyOf(images);
    }

    /** One image: its media type, bytes and the seed that produced it, if reported. */
    public record Image(String mimeType, byte[] data, @Nullable Long seed) {
    }
}
