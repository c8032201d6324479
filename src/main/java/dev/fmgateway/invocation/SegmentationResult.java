package dev.fmgateway.invocation;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** Masks over the input image, each a PNG the size of the image, with its score and bounding box. */
public record SegmentationResult(int width, int height, List<Mask> masks, Usage.Requests usage)
        implements InferenceResult {

    public SegmentationResult {
        masks = List.copyOf(masks);
    }

    /** One mask: PNG bytes (8-bit, 255 inside), the model's score if it gives one, the bounding box of its pixels. */
    public record Mask(byte[] png, @Nullable Double score, SegmentationInput.Box bbox) {
    }
}
