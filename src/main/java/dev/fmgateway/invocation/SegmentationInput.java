package dev.fmgateway.invocation;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A segmentation request: an image and the prompts (points and/or boxes) that say what to segment.
 *
 * @param image PNG or JPEG bytes
 * @param width decoded image width
 * @param height decoded image height
 * @param points point prompts
 * @param boxes box prompts
 * @param multimask whether to return several candidate masks per prompt
 */
public record SegmentationInput(byte[] image, int width, int height, List<Point> points, List<Box> boxes,
        boolean multimask) implements InferenceRequest<SegmentationResult> {

    public SegmentationInput {
        points = List.copyOf(points);
        boxes = List.copyOf(boxes);
    }

    /** A point prompt; label 1 marks foreground, 0 background. */
    public record Point(int x, int y, int label) {
    }

    /** A box prompt, corners inclusive. */
    @Schema(name = "BoundingBox", description = "A box in pixels from the top left corner, corners inclusive")
    public record Box(@Schema(example = "100") int x0, @Schema(example = "120") int y0, @Schema(example = "400") int x1,
            @Schema(example = "380") int y1) {
    }

    @Override
    public Class<SegmentationResult> resultType() {
        return SegmentationResult.class;
    }
}
