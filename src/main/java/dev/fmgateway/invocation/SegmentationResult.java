package dev.fmgateway.invocation;

import java.util.List;

/** Masks over the input image, each a PNG the size of the image, with its score and bounding box. */
public record SegmentationResult(int width, int height, List<Mask> masks, Usage.Requests usage)
        implements InferenceResult {

    public SegmentationResult {
        masks = List.copyOf(masks);
    }

    /** One mask: PNG bytes (8-bit, 255 inside), model score, and the bounding box of its pixels. */
    public record Mask(byte[] png, double score, SegmentationInput.Box bbox) {
    }
}
